package nl.bijstandsportaal.income;

import nl.bijstandsportaal.testsupport.KnownNorms;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestToday;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static nl.bijstandsportaal.testsupport.TestToday.dutch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Wat als ik ga werken?" through HTTP, without and with login, from the month of the test day: exact amounts where
 * the rule data has the figures of that month, else the plain "not known yet" answer.
 */
@MicronautTest
class WhatIfPageTest extends PortalTest {

    private static final YearMonth H2_2026 = YearMonth.of(2026, 7);

    @Inject
    RulesService rules;

    private final YearMonth thisMonth = YearMonth.from(TestToday.date());

    @Test
    void aVisitorWorksOutTwelveHoursAWeekWithoutLoggingIn() {
        HttpResponse<String> response = browser().get("/wat-als-ik-ga-werken?gemeente=1783&leefvorm=ALLEENSTAAND&uren=12&uurloon=12%2C00&start=" + thisMonth);
        assertEquals(200, response.statusCode(), response.body());
        Document doc = Jsoup.parse(response.body());
        String text = doc.text().replace('\u00a0', ' ');
        assertTrue(text.contains("toeslagen"), "says what it leaves out");
        assertEquals("12,00", doc.getElementById("uurloon").val(), "keeps what was typed");
        if (!KnownNorms.known(rules.book(), thisMonth)) {
            assertNotKnownYet(doc, text);
            return;
        }
        // Westland, single, July-December 2026: norm 1,419.46; wages 624.00, keep 25% = 156.00; counted 468.00;
        // bijstand 951.46; vakantietoeslag 47.57; paid 903.89; together 1,527.89; without work 1,348.49.
        String first = KnownNorms.published(Map.of(H2_2026,
                "heb je samen € 1.527,89: € 624 loon en € 903,89 bijstand. Zonder werk heb je € 1.348,49. Dat is € 179,40 meer."), thisMonth);
        assertTrue(text.contains("In " + dutch(thisMonth) + " " + first), text);
        assertMonthsMarked(doc, text);
    }

    @Test
    void aVisitorUnder27KeepsNothingUntilArticle34aApplies() {
        HttpResponse<String> response = browser().get("/wat-als-ik-ga-werken?gemeente=1783&leefvorm=ALLEENSTAAND&leeftijd=onder27&maandloon=624&start=" + thisMonth);
        assertEquals(200, response.statusCode(), response.body());
        Document doc = Jsoup.parse(response.body());
        String text = doc.text().replace('\u00a0', ' ');
        assertEquals("onder27", doc.selectFirst("#leeftijd option[selected]").val(), "keeps what was chosen");
        if (!KnownNorms.known(rules.book(), thisMonth)) {
            assertNotKnownYet(doc, text);
            return;
        }
        // Westland, 22, July-December 2026: no sub n under 27 (art. 31 lid 5): 624 counts in full; bijstand 795.46;
        // vt 39.77; paid 755.69.
        String first = KnownNorms.published(Map.of(H2_2026, "heb je samen € 1.379,69: € 624 loon en € 755,69 bijstand."), thisMonth);
        assertTrue(text.contains("In " + dutch(thisMonth) + " " + first), text);
        // From the month art. 34a applies in Westland (nationally from January 2027): keep 15% = 93.60.
        YearMonth article34a = firstMonthOf34a("1783");
        assertTrue(text.contains(rowName(article34a) + " € 624 € 93,60 "), text);
        assertMonthsMarked(doc, text);
    }

    @Test
    void badInputNamesTheField() {
        HttpResponse<String> response = browser().get("/wat-als-ik-ga-werken?leefvorm=ALLEENSTAAND&uren=-3&uurloon=twaalf");
        assertEquals(400, response.statusCode());
        String summary = Jsoup.parse(response.body()).selectFirst("#fouten").text();
        assertTrue(summary.contains("Gemeente: kies een van de antwoorden."), summary);
        assertTrue(summary.contains("Uren per week: schrijf een getal"), summary);
        assertTrue(summary.contains("Netto loon per uur, in euro: schrijf een getal"), summary);
    }

    @Test
    void aCitizenGetsTheirOwnSituation() {
        WebClient henk = citizen(HENK);
        HttpResponse<String> response = henk.get("/wat-als-ik-ga-werken?maandloon=500&start=" + thisMonth);
        assertEquals(200, response.statusCode(), response.body());
        Document doc = Jsoup.parse(response.body());
        String text = doc.text().replace('\u00a0', ' ');
        assertTrue(text.contains("We rekenen met jouw situatie"), text);
        if (!KnownNorms.known(rules.book(), thisMonth)) {
            assertNotKnownYet(doc, text);
            return;
        }
        // Henk shares the costs with Lisa this month (Tim turns 27 next month): norm 1,013.90 in July-December 2026. He
        // is 27 or older, so in 2026 sub n applies (Utrecht applies art. 34a early only to under-27s): keep 25% = 125;
        // counted 375; bijstand 638.90; vt 31.95; paid 606.95.
        String first = KnownNorms.published(Map.of(H2_2026, "€ 500 loon en € 606,95 bijstand"), thisMonth);
        assertTrue(text.contains(first), text);
        // From the month art. 34a applies in Utrecht to him (everywhere from January 2027): 15% of 500 = 75.
        assertTrue(text.contains(rowName(firstMonthOf34a("0344")) + " € 500 € 75 "), text);
        // The bufferbudget (art. 34b, from 1 January 2027; Utrecht's demo setting) is mentioned when it applies in the last
        // month with known figures.
        YearMonth lastKnown = thisMonth;
        for (YearMonth m = thisMonth; m.isBefore(thisMonth.plusMonths(12)); m = m.plusMonths(1)) {
            if (KnownNorms.known(rules.book(), m)) {
                lastKnown = m;
            }
        }
        assertEquals(rules.book().isOn(nl.bijstandsportaal.rules.RuleKey.MAATREGEL_BUFFERBUDGET, "0344", lastKnown.atEndOfMonth()),
                text.contains("bufferbudget, tot € 1.000 per jaar"), text);
    }

    /** No norm is known from the chosen month on: the page says so and shows no table. */
    private void assertNotKnownYet(Document doc, String text) {
        assertTrue(text.contains("De bedragen voor " + dutch(thisMonth) + " staan nog niet in het portaal."), text);
        assertEquals(0, doc.select("table tbody tr").size(), "no amounts that are not known");
    }

    /** Twelve months from this one; those whose norms are not known yet have a * and the note says whose figures were used. */
    private void assertMonthsMarked(Document doc, String text) {
        RuleBook book = rules.book();
        List<YearMonth> months = IntStream.range(0, 12).mapToObj(thisMonth::plusMonths).toList();
        assertEquals(months.stream().map(this::rowName).toList(),
                doc.select("table tbody tr th").stream().map(th -> th.text().replace('\u00a0', ' ')).toList());
        Optional<YearMonth> firstAssumed = months.stream().filter(m -> !KnownNorms.known(book, m)).findFirst();
        assertEquals(months.stream().anyMatch(m -> rowName(m).endsWith("(voorlopig)")),
                text.contains("Bij de maanden met \"(voorlopig)\" zijn de bedragen nog niet bevestigd."), text);
        if (firstAssumed.isPresent()) {
            assertTrue(text.contains("Bij de maanden met een * zijn de bedragen nog niet bekend. Daar rekenen we met de bedragen van "
                    + dutch(firstAssumed.get().minusMonths(1)) + "."), text);
        } else {
            assertFalse(text.contains("Bij de maanden met een *"), text);
        }
    }

    /**
     * A month as the table names it: with a * when its norms are not known yet, "(voorlopig)" when the norm of a
     * single person of 27 or older is known but not confirmed yet (the visitor's household in these tests).
     */
    private String rowName(YearMonth month) {
        if (!KnownNorms.known(rules.book(), month)) {
            return dutch(month) + " *";
        }
        boolean provisional = rules.book().get(RuleKey.NORM_ALLEENSTAAND_21_AOW, "0344", month.atEndOfMonth()).provisional();
        return dutch(month) + (provisional ? " (voorlopig)" : "");
    }

    /** The first of the twelve months in which art. 34a applies in this municipality to someone of any age. */
    private YearMonth firstMonthOf34a(String gemeente) {
        return IntStream.range(0, 12).mapToObj(thisMonth::plusMonths)
                .filter(m -> rules.book().isOn(RuleKey.MAATREGEL_VRIJLATING_34A, gemeente, m.atEndOfMonth()))
                .findFirst().orElseThrow(() -> new AssertionError("art. 34a applies within twelve months of " + thisMonth));
    }
}
