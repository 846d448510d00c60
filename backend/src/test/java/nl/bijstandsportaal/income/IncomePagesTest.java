package nl.bijstandsportaal.income;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENBRON;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE_GEBEURTENIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inkomsten doorgeven through HTTP, on a clock stopped at 23 November 2026 (Westland: per month, by the 10th). */
@MicronautTest
class IncomePagesTest extends PortalTest {

    private static final String AHMED = "999990068";

    @Inject
    DSLContext db;


    private static String text(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).text().replace('\u00a0', ' ');
    }

    @Test
    void thePeriodsShowWhatIsLateAndWhatComes() {
        String text = text(citizen(FATIMA).get("/inkomsten"));
        assertTrue(text.contains("oktober 2026 Te laat. Dit moest uiterlijk 10 november 2026."), text);
        assertTrue(text.contains("november 2026 Nog niet doorgeven. Deze periode loopt tot en met 30 november 2026. Geef het daarna door, uiterlijk 10 december 2026."), text);
        String utrecht = text(citizen(JAN).get("/inkomsten"));
        assertTrue(utrecht.contains("8 oktober 2026 tot en met 4 november 2026 Te laat."), "Utrecht reports per four weeks: " + utrecht);
    }

    @Test
    void noIncomeInTwoTaps() {
        WebClient web = citizen(SANNE);
        HttpResponse<String> period = web.get("/inkomsten/2026-09");
        assertEquals(200, period.statusCode(), period.body());
        HttpResponse<String> sent = web.postForm("/inkomsten/2026-09/geen", Map.of("csrfToken", WebClient.csrfToken(period.body())));
        assertEquals(303, sent.statusCode(), sent.body());
        String receipt = text(web.follow(sent));
        assertTrue(receipt.contains("Je inkomsten over september 2026 zijn verstuurd"), receipt);
        assertTrue(receipt.contains("Je had in deze periode geen inkomsten."), receipt);
        assertTrue(receipt.contains("Dit was na de uiterste datum."), receipt);
        assertEquals(404, citizen(FATIMA).get("/inkomsten/2026-09/verstuurd").statusCode(), "another citizen has no report there");

        // A payslip afterwards: a wrong file gets a clear message, a PDF is added to the timeline.
        String receiptPage = web.get("/inkomsten/2026-09/verstuurd").body();
        String action = "/inkomsten/2026-09/bewijs?csrfToken=" + WebClient.csrfToken(receiptPage);
        HttpResponse<String> wrong = web.postMultipart(action, Map.of(), "bewijs", "notes.txt", "text/plain",
                "geen foto".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(400, wrong.statusCode());
        assertTrue(text(wrong).contains("Bewijs: dit soort bestand kunnen we niet openen."), text(wrong));
        HttpResponse<String> added = web.postMultipart(action, Map.of(), "bewijs", "loonstrook.pdf", "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(303, added.statusCode(), added.body());
        String after = text(web.follow(added));
        assertTrue(after.contains("Toegevoegd: loonstrook.pdf"), after);
        assertTrue(after.contains("Je hebt een loonstrook of ander bewijs toegevoegd."), after);
    }

    @Test
    void theEstimateComesBeforeSendingAndACorrectionKeepsEveryVersion() {
        WebClient web = citizen(AHMED);
        String form = web.get("/inkomsten/2026-10/bronnen").body();
        Map<String, String> fields = new LinkedHashMap<>(Map.of("csrfToken", WebClient.csrfToken(form),
                "bron.0.soort", "WERK", "bron.0.naam", "Albert Heijn", "bron.0.netto", "380", "bron.0.betaaldatum", "25-10-2026"));
        HttpResponse<String> check = web.postForm("/inkomsten/2026-10/controleren", fields);
        assertEquals(200, check.statusCode(), check.body());
        String estimate = text(check);
        // October 2026, Westland: norm 1,419.46. Ahmed is 23: under 27 nothing of the wages is disregarded (art. 31 lid 5),
        // so 380 counts; bijstand 1,039.46; vakantietoeslag 51.97; paid 987.49, 361 less than the normal 1,348.49.
        assertTrue(estimate.contains("Je krijgt ongeveer € 987,49. Dat is € 361 minder dan normaal, omdat je € 380 hebt gekregen."), estimate);
        assertTrue(estimate.contains("Je bent jonger dan 27 jaar. Dan mag je van je loon nog niets houden"), estimate);
        assertEquals(0, db.fetchCount(INKOMSTENOPGAVE, INKOMSTENOPGAVE.PERIODE_CODE.eq("2026-10").and(INKOMSTENOPGAVE.BURGER_ID.eq(burger(AHMED)))),
                "nothing is stored before sending");

        HttpResponse<String> sent = web.postForm("/inkomsten/2026-10/versturen", fields);
        assertEquals(303, sent.statusCode(), sent.body());
        assertTrue(text(web.follow(sent)).contains("We verwachten dat je ongeveer € 987,49 bijstand krijgt."));

        fields.put("bron.0.netto", "420,50");
        HttpResponse<String> corrected = web.postForm("/inkomsten/2026-10/versturen", fields);
        assertEquals(303, corrected.statusCode());
        String receipt = text(web.follow(corrected));
        assertTrue(receipt.contains("Je hebt je inkomsten aangepast."), receipt);
        var report = db.selectFrom(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.BURGER_ID.eq(burger(AHMED)))
                .and(INKOMSTENOPGAVE.PERIODE_CODE.eq("2026-10")).fetchSingle();
        assertEquals(2, report.getVersie());
        assertEquals(2, db.fetchCount(INKOMSTENBRON, INKOMSTENBRON.OPGAVE_ID.eq(report.getId())), "both versions are kept");
        assertEquals(2, db.fetchCount(INKOMSTENOPGAVE_GEBEURTENIS, INKOMSTENOPGAVE_GEBEURTENIS.OPGAVE_ID.eq(report.getId())));

        db.update(INKOMSTENOPGAVE).set(INKOMSTENOPGAVE.STATUS, "IN_BEHANDELING").where(INKOMSTENOPGAVE.ID.eq(report.getId())).execute();
        HttpResponse<String> tooLate = web.postForm("/inkomsten/2026-10/geen", Map.of("csrfToken", fields.get("csrfToken")));
        assertEquals(409, tooLate.statusCode());
        assertTrue(text(tooLate).contains("Je consulent is al bezig met deze opgave."));
    }

    @Test
    void badInputNamesTheFieldAndKeepsWhatWasTyped() {
        WebClient web = citizen(FATIMA);
        String form = web.get("/inkomsten/2026-08/bronnen").body();
        HttpResponse<String> back = web.postForm("/inkomsten/2026-08/controleren", Map.of("csrfToken", WebClient.csrfToken(form),
                "bron.0.soort", "WERK", "bron.0.naam", "Schoonmaakbedrijf", "bron.0.netto", "-120", "bron.0.betaaldatum", "3-9-2026"));
        assertEquals(400, back.statusCode());
        Document doc = Jsoup.parse(back.body());
        String summary = doc.selectFirst("#fouten").text();
        assertTrue(summary.contains("Netto bedrag (inkomen 1): een bedrag kan niet negatief zijn."), summary);
        assertTrue(summary.contains("Datum (inkomen 1): kies een datum tussen 1 augustus 2026 en 31 augustus 2026."), summary);
        assertEquals("-120", doc.getElementById("bron.0.netto").val());
        assertEquals("Schoonmaakbedrijf", doc.getElementById("bron.0.naam").val());
    }

    @Test
    void theConsulentCountsAnotherAmountWithAReasonTheCitizenSees() {
        WebClient fatima = citizen(FATIMA);
        String form = fatima.get("/inkomsten/2026-07/bronnen").body();
        Map<String, String> fields = Map.of("csrfToken", WebClient.csrfToken(form), "bron.0.soort", "ALIMENTATIE",
                "bron.0.naam", "Vader van de kinderen", "bron.0.netto", "250");
        assertEquals(303, fatima.postForm("/inkomsten/2026-07/versturen", fields).statusCode());

        WebClient marieke = employee(MARIEKE);
        long fatimaId = burger(FATIMA);
        String file = marieke.get("/consulent/burgers/" + fatimaId).body();
        assertTrue(file.contains("/consulent/burgers/" + fatimaId + "/inkomsten/2026-07"), "the report is on the file");
        HttpResponse<String> page = marieke.get("/consulent/burgers/" + fatimaId + "/inkomsten/2026-07");
        assertEquals(200, page.statusCode(), page.body());
        String token = WebClient.csrfToken(page.body());
        HttpResponse<String> noReason = marieke.postForm("/consulent/burgers/" + fatimaId + "/inkomsten/2026-07",
                Map.of("csrfToken", token, "vastgesteld.0", "275", "status", "VERWERKT"));
        assertEquals(400, noReason.statusCode());
        assertTrue(text(noReason).contains("Reden (inkomen 1): schrijf waarom je een ander bedrag gebruikt."), text(noReason));
        HttpResponse<String> done = marieke.postForm("/consulent/burgers/" + fatimaId + "/inkomsten/2026-07",
                Map.of("csrfToken", token, "vastgesteld.0", "275", "reden.0", "Volgens het bankafschrift was het 275 euro.", "status", "VERWERKT"));
        assertEquals(303, done.statusCode(), done.body());

        var told = db.selectFrom(nl.bijstandsportaal.platform.db.generated.Tables.MELDING)
                .where(nl.bijstandsportaal.platform.db.generated.Tables.MELDING.BURGER_ID.eq(fatimaId))
                .and(nl.bijstandsportaal.platform.db.generated.Tables.MELDING.SLEUTEL.like("inkomsten/2026-07/%")).fetch();
        assertEquals(1, told.size(), "one message for Fatima about the decision, written with it");
        assertEquals("notification.income.status.VERWERKT.changed", told.get(0).getTekst());
        assertEquals("STATUS", told.get(0).getOnderwerp());
        assertEquals("/inkomsten/2026-07", told.get(0).getLink());

        String receipt = text(fatima.get("/inkomsten/2026-07/verstuurd"));
        assertTrue(receipt.contains("Je consulent rekent met € 275: Volgens het bankafschrift was het 275 euro."), receipt);
        assertTrue(receipt.contains("Je consulent heeft het verwerkt."), receipt);
        assertEquals(409, fatima.postForm("/inkomsten/2026-07/geen", Map.of("csrfToken", fields.get("csrfToken"))).statusCode(),
                "a processed report cannot be changed");
        assertEquals(404, employee(DENNIS).get("/consulent/burgers/" + fatimaId + "/inkomsten/2026-07").statusCode(),
                "a consulent of another municipality");
        assertTrue(db.fetchCount(nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT,
                nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT.BURGER_ID.eq(fatimaId)
                        .and(nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT.ACTION.eq("INKOMSTENOPGAVE_BEOORDEELD"))) == 1);
    }

    @Test
    void aPeriodThatHasNotStartedCannotBeReported() {
        assertEquals(404, citizen(SANNE).get("/inkomsten/2027-05").statusCode());
        assertEquals(404, citizen(SANNE).get("/inkomsten/onzin").statusCode());
    }

    private long burger(String bsn) {
        return db.select(BURGER.ID).from(BURGER).where(BURGER.BSN.eq(bsn)).fetchSingle(BURGER.ID);
    }
}
