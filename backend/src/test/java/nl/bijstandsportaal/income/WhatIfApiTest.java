package nl.bijstandsportaal.income;

import nl.bijstandsportaal.testsupport.KnownNorms;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestToday;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static nl.bijstandsportaal.testsupport.TestToday.dutch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Wat als ik ga werken?" in the app's API: open without a token, personal with one, 422 naming the fields. From the
 * month of the test day: exact amounts where the rule data has its figures, else no months and a summary saying so.
 */
@MicronautTest
class WhatIfApiTest extends PortalTest {

    private static final YearMonth H2_2026 = YearMonth.of(2026, 7);

    @Inject
    JsonMapper json;
    @Inject
    RulesService rules;

    private final YearMonth thisMonth = YearMonth.from(TestToday.date());

    @Test
    void withoutATokenForTheChosenSituation() throws IOException {
        HttpResponse<String> response = browser().getJson(
                "/api/v1/wat-als-ik-ga-werken?gemeente=1783&leefvorm=ALLEENSTAAND&uren=12&uurloon=12,00&vanaf=" + thisMonth, null);
        assertEquals(200, response.statusCode(), response.body());
        Map<?, ?> answer = json.readValue(response.body(), Map.class);
        assertEquals(false, answer.get("persoonlijk"));
        assertTrue(answer.get("nietMeegenomen").toString().contains("toeslagen"));
        List<?> months = (List<?>) answer.get("maanden");
        if (!KnownNorms.known(rules.book(), thisMonth)) {
            assertNotKnownYet(answer);
            return;
        }
        // Twelve months from this one; those whose norms are not known yet are marked as assumed.
        assertEquals(IntStream.range(0, 12).mapToObj(thisMonth::plusMonths).map(YearMonth::toString).toList(),
                months.stream().map(m -> ((Map<?, ?>) m).get("maand")).toList());
        assertEquals(IntStream.range(0, 12).mapToObj(thisMonth::plusMonths).map(m -> !KnownNorms.known(rules.book(), m)).toList(),
                months.stream().map(m -> ((Map<?, ?>) m).get("aangenomen")).toList());
        // As on the page: Westland, single, 624 wages, keep 156, paid 903.89, 179.40 more than without work (July-December 2026).
        Map<?, ?> first = (Map<?, ?>) months.get(0);
        assertEquals(KnownNorms.published(Map.of(H2_2026, "903.89"), thisMonth), ((Map<?, ?>) first.get("uitbetaling")).get("bedrag"));
        assertEquals("EUR", ((Map<?, ?>) first.get("uitbetaling")).get("valuta"));
        assertEquals(KnownNorms.published(Map.of(H2_2026, "179.40"), thisMonth), ((Map<?, ?>) first.get("verschil")).get("bedrag"));
        assertTrue(summary(answer).startsWith("In " + dutch(thisMonth) + " heb je samen "
                + KnownNorms.published(Map.of(H2_2026, "€ 1.527,89"), thisMonth)), summary(answer));
    }

    @Test
    void withACitizensTokenForTheirOwnSituation() throws IOException {
        String henk = new MobileApp(server.getURI(), json).login(citizen(HENK)).access();
        HttpResponse<String> response = browser().getJson("/api/v1/wat-als-ik-ga-werken?maandloon=500&gemeente=1783&vanaf=" + thisMonth, henk);
        assertEquals(200, response.statusCode(), response.body());
        Map<?, ?> answer = json.readValue(response.body(), Map.class);
        assertEquals(true, answer.get("persoonlijk"));
        if (!KnownNorms.known(rules.book(), thisMonth)) {
            assertNotKnownYet(answer);
            return;
        }
        // Henk's own household in Utrecht (the gemeente sent is ignored): paid 606.95 as on the page (July-December 2026).
        Map<?, ?> first = (Map<?, ?>) ((List<?>) answer.get("maanden")).get(0);
        assertEquals(thisMonth.toString(), first.get("maand"));
        assertEquals(Map.of("bedrag", KnownNorms.published(Map.of(H2_2026, "606.95"), thisMonth), "valuta", "EUR"), first.get("uitbetaling"));
    }

    @Test
    void badOrMissingInputIs422NamingEachField() throws IOException {
        HttpResponse<String> bad = browser().getJson("/api/v1/wat-als-ik-ga-werken?leefvorm=ALLEENSTAAND&uren=-3&uurloon=twaalf", null);
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        String body = bad.body();
        assertTrue(body.contains("\"field\":\"gemeente\"") && body.contains("\"field\":\"uren\"") && body.contains("\"field\":\"uurloon\""), body);
        assertFalse(body.contains("Exception"), body);
        HttpResponse<String> empty = browser().getJson("/api/v1/wat-als-ik-ga-werken", null);
        assertEquals(422, empty.statusCode(), empty.body());
        assertTrue(empty.body().contains("\"field\":\"maandloon\""), empty.body());
    }

    /**
     * Found by trying edge cases: "0.001" was read as 1 euro, an age of 18 counted as 27 or older, 60 hours at 200 euro made
     * 52,000 euro a month, and a start month out of range quietly became this month. Each is now a mistake named at its field.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "a thousandth of a euro        | maandloon=0.001          | maandloon | Of: netto loon per maand, in euro: schrijf een getal",
            "an age instead of a choice    | maandloon=800&leeftijd=18 | leeftijd  | Hoe oud ben je?: kies een van de antwoorden.",
            "hours times wage far too high | uren=60&uurloon=200       | uurloon   | Netto loon per uur: met deze uren is dat € 52.",
            "a start month out of range    | maandloon=800&vanaf=1999-01 | vanaf   | Vanaf welke maand?: kies een van de antwoorden.",
    })
    void whatCannotBeRightIsRefusedNotGuessed(String what, String query, String field, String message) throws IOException {
        HttpResponse<String> response = browser().getJson("/api/v1/wat-als-ik-ga-werken?gemeente=1783&leefvorm=ALLEENSTAAND&" + query, null);
        assertEquals(422, response.statusCode(), what + ": " + response.body());
        Map<?, ?> problem = json.readValue(response.body(), Map.class);
        String said = ((List<?>) problem.get("errors")).stream().map(e -> (Map<?, ?>) e)
                .filter(e -> field.equals(e.get("field"))).map(e -> ((String) e.get("message")).replace('\u00a0', ' ')).findFirst().orElse("");
        assertTrue(said.startsWith(message.strip()), what + ": " + response.body());
    }

    /** No norm is known from the chosen month on: no months, and the summary says which month is not known yet. */
    private void assertNotKnownYet(Map<?, ?> answer) {
        // The JSON leaves an empty list out (NON_EMPTY): no months either way.
        assertEquals(List.of(), answer.containsKey("maanden") ? answer.get("maanden") : List.of(), answer.toString());
        assertTrue(summary(answer).startsWith("De bedragen voor " + dutch(thisMonth) + " staan nog niet in het portaal."), summary(answer));
    }

    private static String summary(Map<?, ?> answer) {
        return ((List<?>) answer.get("samenvatting")).get(0).toString().replace('\u00a0', ' ');
    }
}
