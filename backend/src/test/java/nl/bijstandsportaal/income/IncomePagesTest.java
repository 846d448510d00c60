package nl.bijstandsportaal.income;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.rules.ReportPeriods;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.testsupport.KnownNorms;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestToday;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENBRON;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE_GEBEURTENIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inkomsten doorgeven through HTTP, on the suite's day (TestToday; Westland: per month, by the 10th), with periods counted back from it. */
@MicronautTest
class IncomePagesTest extends PortalTest {

    private static final String AHMED = "999990068";

    @Inject
    DSLContext db;
    @Inject
    RulesService rules;

    private static final LocalDate TODAY = TestToday.date();
    private static final YearMonth THIS_MONTH = YearMonth.from(TODAY);
    /** Monthly periods (Westland) a report can be sent for: two, three and four months back are always open and late. */
    private static final YearMonth TWO_BACK = THIS_MONTH.minusMonths(2);
    private static final YearMonth THREE_BACK = THIS_MONTH.minusMonths(3);
    private static final YearMonth FOUR_BACK = THIS_MONTH.minusMonths(4);


    private static String text(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).text().replace('\u00a0', ' ');
    }

    @Test
    void thePeriodsShowWhatIsLateAndWhatComes() {
        HttpResponse<String> page = citizen(FATIMA).get("/inkomsten");
        String text = text(page);
        // Westland: per calendar month, by the 10th of the next month; a month can be reported from its last day.
        YearMonth last = THIS_MONTH.minusMonths(1);
        LocalDate lastDeadline = last.atEndOfMonth().plusDays(10);
        assertTrue(text.contains(TestToday.dutch(last) + (TODAY.isAfter(lastDeadline)
                ? " Te laat. Dit moest uiterlijk " + TestToday.dutch(lastDeadline) + "."
                : " Nu doen. Doe het uiterlijk " + TestToday.dutch(lastDeadline) + ".")), text);
        if (TODAY.isBefore(THIS_MONTH.atEndOfMonth())) {
            assertTrue(text.contains(TestToday.dutch(THIS_MONTH) + " Komt nog. Deze periode loopt tot en met "
                    + TestToday.dutch(THIS_MONTH.atEndOfMonth()) + ". Je kunt je inkomsten doorgeven vanaf " + TestToday.dutch(THIS_MONTH.atEndOfMonth())
                    + ", uiterlijk " + TestToday.dutch(THIS_MONTH.atEndOfMonth().plusDays(10)) + "."), text);
            assertTrue(Jsoup.parse(page.body()).select("a[href=/inkomsten/" + THIS_MONTH + "]").isEmpty(),
                    "no form for a month that has not ended");
        }
        // Utrecht: per four weeks, 7 days to report.
        ReportPeriods.ReportPeriod current = ReportPeriods.containing(TODAY, "0344", rules.book());
        ReportPeriods.ReportPeriod before = ReportPeriods.containing(current.from().minusDays(1), "0344", rules.book());
        String utrecht = text(citizen(JAN).get("/inkomsten"));
        assertTrue(utrecht.contains(TestToday.dutch(before.from()) + " tot en met " + TestToday.dutch(before.to())
                + (TODAY.isAfter(before.deadline()) ? " Te laat." : " Nu doen.")), "Utrecht reports per four weeks: " + utrecht);
    }

    @Test
    void noIncomeInTwoTaps() {
        WebClient web = citizen(SANNE);
        HttpResponse<String> period = web.get("/inkomsten/" + TWO_BACK);
        assertEquals(200, period.statusCode(), period.body());
        HttpResponse<String> sent = web.postForm("/inkomsten/" + TWO_BACK + "/geen", Map.of("csrfToken", WebClient.csrfToken(period.body())));
        assertEquals(303, sent.statusCode(), sent.body());
        String receipt = text(web.follow(sent));
        assertTrue(receipt.contains("Je inkomsten over " + TestToday.dutch(TWO_BACK) + " zijn verstuurd"), receipt);
        assertTrue(receipt.contains("Je had in deze periode geen inkomsten."), receipt);
        assertTrue(receipt.contains("Dit was na de uiterste datum."), receipt);
        if (!KnownNorms.on(rules.book(), TWO_BACK.atEndOfMonth())) {
            assertTrue(receipt.contains("Hoeveel bijstand je over deze periode krijgt, kunnen we nog niet uitrekenen."), receipt);
        }
        assertEquals(404, citizen(FATIMA).get("/inkomsten/" + TWO_BACK + "/verstuurd").statusCode(), "another citizen has no report there");

        // A payslip afterwards: a wrong file gets a clear message, a PDF is added to the timeline.
        String receiptPage = web.get("/inkomsten/" + TWO_BACK + "/verstuurd").body();
        String action = "/inkomsten/" + TWO_BACK + "/bewijs?csrfToken=" + WebClient.csrfToken(receiptPage);
        HttpResponse<String> wrong = web.postMultipart(action, Map.of(), "bewijs", "notes.txt", "text/plain",
                "geen foto".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(400, wrong.statusCode());
        assertTrue(text(wrong).contains("Bewijs: dit soort bestand kunnen we niet openen."), text(wrong));
        HttpResponse<String> added = web.postMultipart(action, Map.of(), "bewijs", "loonstrook.pdf", "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(303, added.statusCode(), added.body());
        String after = text(web.follow(added));
        assertTrue(after.contains("Bewijs dat je hebt gestuurd loonstrook.pdf (1 kB), gestuurd op "), after);
        assertTrue(after.contains("Je hebt een loonstrook of ander bewijs toegevoegd."), after);
    }

    @Test
    void theEstimateComesBeforeSendingAndACorrectionKeepsEveryVersion() {
        WebClient web = citizen(AHMED);
        String form = web.get("/inkomsten/" + TWO_BACK + "/bronnen").body();
        Map<String, String> fields = new LinkedHashMap<>(Map.of("csrfToken", WebClient.csrfToken(form),
                "bron.0.soort", "WERK", "bron.0.naam", "Albert Heijn", "bron.0.netto", "380", "bron.0.betaaldatum", TestToday.typed(TWO_BACK.atDay(25))));
        HttpResponse<String> check = web.postForm("/inkomsten/" + TWO_BACK + "/controleren", fields);
        assertEquals(200, check.statusCode(), check.body());
        String estimate = text(check);
        boolean known = KnownNorms.on(rules.book(), TWO_BACK.atEndOfMonth());
        if (known) {
            // A month of July-December 2026, Westland: norm 1,419.46. Ahmed is 23: under 27 nothing of the wages is disregarded
            // (art. 31 lid 5), so 380 counts; bijstand 1,039.46; vakantietoeslag 51.97; paid 987.49, 361 less than the normal 1,348.49.
            assertTrue(estimate.contains("Je krijgt ongeveer € 987,49. Dat is € 361 minder dan normaal, omdat je € 380 hebt gekregen."), estimate);
            assertTrue(estimate.contains("Je bent jonger dan 27 jaar. Dan mag je van je loon nog niets houden"), estimate);
        } else {
            assertTrue(estimate.contains("We kunnen nog niet uitrekenen hoeveel bijstand je over deze periode krijgt."), estimate);
            assertTrue(estimate.contains("Je kunt je inkomsten wel al doorgeven."), estimate);
        }
        assertEquals(0, db.fetchCount(INKOMSTENOPGAVE, INKOMSTENOPGAVE.PERIODE_CODE.eq(TWO_BACK.toString()).and(INKOMSTENOPGAVE.BURGER_ID.eq(burger(AHMED)))),
                "nothing is stored before sending");

        HttpResponse<String> sent = web.postForm("/inkomsten/" + TWO_BACK + "/versturen", fields);
        assertEquals(303, sent.statusCode(), sent.body());
        assertTrue(text(web.follow(sent)).contains(known ? "We verwachten dat je ongeveer € 987,49 bijstand krijgt."
                : "Hoeveel bijstand je over deze periode krijgt, kunnen we nog niet uitrekenen."));

        fields.put("bron.0.netto", "420,50");
        HttpResponse<String> corrected = web.postForm("/inkomsten/" + TWO_BACK + "/versturen", fields);
        assertEquals(303, corrected.statusCode());
        String receipt = text(web.follow(corrected));
        assertTrue(receipt.contains("Je hebt je inkomsten aangepast."), receipt);
        var report = db.selectFrom(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.BURGER_ID.eq(burger(AHMED)))
                .and(INKOMSTENOPGAVE.PERIODE_CODE.eq(TWO_BACK.toString())).fetchSingle();
        assertEquals(2, report.getVersie());
        assertEquals(2, db.fetchCount(INKOMSTENBRON, INKOMSTENBRON.OPGAVE_ID.eq(report.getId())), "both versions are kept");
        assertEquals(2, db.fetchCount(INKOMSTENOPGAVE_GEBEURTENIS, INKOMSTENOPGAVE_GEBEURTENIS.OPGAVE_ID.eq(report.getId())));

        db.update(INKOMSTENOPGAVE).set(INKOMSTENOPGAVE.STATUS, "IN_BEHANDELING").where(INKOMSTENOPGAVE.ID.eq(report.getId())).execute();
        HttpResponse<String> tooLate = web.postForm("/inkomsten/" + TWO_BACK + "/geen", Map.of("csrfToken", fields.get("csrfToken")));
        assertEquals(409, tooLate.statusCode());
        assertTrue(text(tooLate).contains("Je consulent is al bezig met deze opgave."));
    }

    @Test
    void badInputNamesTheFieldAndKeepsWhatWasTyped() {
        WebClient web = citizen(FATIMA);
        String form = web.get("/inkomsten/" + THREE_BACK + "/bronnen").body();
        HttpResponse<String> back = web.postForm("/inkomsten/" + THREE_BACK + "/controleren", Map.of("csrfToken", WebClient.csrfToken(form),
                "bron.0.soort", "WERK", "bron.0.naam", "Schoonmaakbedrijf", "bron.0.netto", "-120", "bron.0.betaaldatum", TestToday.typed(THREE_BACK.plusMonths(1).atDay(3))));
        assertEquals(400, back.statusCode());
        Document doc = Jsoup.parse(back.body());
        String summary = doc.selectFirst("#fouten").text();
        assertTrue(summary.contains("Netto bedrag (inkomen 1): een bedrag kan niet negatief zijn."), summary);
        assertTrue(summary.contains("Datum (inkomen 1): kies een datum tussen " + TestToday.dutch(THREE_BACK.atDay(1)) + " en " + TestToday.dutch(THREE_BACK.atEndOfMonth()) + "."), summary);
        assertEquals("-120", doc.getElementById("bron.0.netto").val());
        assertEquals("Schoonmaakbedrijf", doc.getElementById("bron.0.naam").val());
    }

    @Test
    void theConsulentCountsAnotherAmountWithAReasonTheCitizenSees() {
        WebClient fatima = citizen(FATIMA);
        String form = fatima.get("/inkomsten/" + FOUR_BACK + "/bronnen").body();
        Map<String, String> fields = Map.of("csrfToken", WebClient.csrfToken(form), "bron.0.soort", "ALIMENTATIE",
                "bron.0.naam", "Vader van de kinderen", "bron.0.netto", "250");
        assertEquals(303, fatima.postForm("/inkomsten/" + FOUR_BACK + "/versturen", fields).statusCode());

        WebClient marieke = employee(MARIEKE);
        long fatimaId = burger(FATIMA);
        String file = marieke.get("/consulent/burgers/" + fatimaId).body();
        assertTrue(file.contains("/consulent/burgers/" + fatimaId + "/inkomsten/" + FOUR_BACK), "the report is on the file");
        HttpResponse<String> page = marieke.get("/consulent/burgers/" + fatimaId + "/inkomsten/" + FOUR_BACK);
        assertEquals(200, page.statusCode(), page.body());
        String token = WebClient.csrfToken(page.body());
        HttpResponse<String> noReason = marieke.postForm("/consulent/burgers/" + fatimaId + "/inkomsten/" + FOUR_BACK,
                Map.of("csrfToken", token, "vastgesteld.0", "275", "status", "VERWERKT"));
        assertEquals(400, noReason.statusCode());
        assertTrue(text(noReason).contains("Reden (inkomen 1): schrijf waarom je een ander bedrag gebruikt."), text(noReason));
        HttpResponse<String> done = marieke.postForm("/consulent/burgers/" + fatimaId + "/inkomsten/" + FOUR_BACK,
                Map.of("csrfToken", token, "vastgesteld.0", "275", "reden.0", "Volgens het bankafschrift was het 275 euro.", "status", "VERWERKT"));
        assertEquals(303, done.statusCode(), done.body());

        var told = db.selectFrom(nl.bijstandsportaal.platform.db.generated.Tables.MELDING)
                .where(nl.bijstandsportaal.platform.db.generated.Tables.MELDING.BURGER_ID.eq(fatimaId))
                .and(nl.bijstandsportaal.platform.db.generated.Tables.MELDING.SLEUTEL.like("inkomsten/" + FOUR_BACK + "/%")).fetch();
        assertEquals(1, told.size(), "one message for Fatima about the decision, written with it");
        assertEquals("notification.income.status.VERWERKT.changed", told.get(0).getTekst());
        assertEquals("STATUS", told.get(0).getOnderwerp());
        assertEquals("/inkomsten/" + FOUR_BACK, told.get(0).getLink());

        String receipt = text(fatima.get("/inkomsten/" + FOUR_BACK + "/verstuurd"));
        assertTrue(receipt.contains("Je consulent rekent met € 275: Volgens het bankafschrift was het 275 euro."), receipt);
        assertTrue(receipt.contains("Je consulent heeft het verwerkt."), receipt);
        // The receipt is true after processing: processed, not "verstuurd", with what the counted amount means.
        assertTrue(receipt.contains("Je inkomsten over " + TestToday.dutch(FOUR_BACK) + " zijn verwerkt"), receipt);
        if (KnownNorms.on(rules.book(), FOUR_BACK.atEndOfMonth())) {
            java.util.regex.Matcher paid = java.util.regex.Pattern.compile("Daardoor krijg je ongeveer € ([0-9.,]+) bijstand over deze periode\\. "
                    + "Eerst verwachtten we € ([0-9.,]+)\\.").matcher(receipt);
            assertTrue(paid.find(), receipt);
            java.math.BigDecimal now = new java.math.BigDecimal(paid.group(1).replace(".", "").replace(',', '.'));
            java.math.BigDecimal first = new java.math.BigDecimal(paid.group(2).replace(".", "").replace(',', '.'));
            assertEquals(new java.math.BigDecimal("23.75"), first.subtract(now), "25 euro more counted: 25 euro less bijstand, of which 5% is vakantietoeslag paid later");
        }
        assertEquals(409, fatima.postForm("/inkomsten/" + FOUR_BACK + "/geen", Map.of("csrfToken", fields.get("csrfToken"))).statusCode(),
                "a processed report cannot be changed");
        assertEquals(404, employee(DENNIS).get("/consulent/burgers/" + fatimaId + "/inkomsten/" + FOUR_BACK).statusCode(),
                "a consulent of another municipality");
        assertTrue(db.fetchCount(nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT,
                nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT.BURGER_ID.eq(fatimaId)
                        .and(nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT.ACTION.eq("INKOMSTENOPGAVE_BEOORDEELD"))) == 1);
    }

    /**
     * Proof sent with an income report is the citizen's to take back on the web too while the report is VERSTUURD
     * (ADR 0055): a download link per file, "Verwijderen" to a page that says what will happen, a form with the CSRF
     * token, the same rule as the app; the consulent sees it on the timeline. Once she has taken it in hand: no link,
     * one sentence why, and a direct POST gets 409 with that page. Another citizen: 404.
     */
    @Test
    void theCitizenDeletesProofOnTheWebUntilTheConsulentTakesTheReportInHand() {
        WebClient sanne = citizen(SANNE);
        String code = FOUR_BACK.toString();
        HttpResponse<String> period = sanne.get("/inkomsten/" + code);
        assertEquals(303, sanne.postForm("/inkomsten/" + code + "/geen", Map.of("csrfToken", WebClient.csrfToken(period.body()))).statusCode());
        String action = "/inkomsten/" + code + "/bewijs?csrfToken=" + WebClient.csrfToken(sanne.get("/inkomsten/" + code + "/verstuurd").body());
        byte[] payslip = "%PDF-1.4\n%loon\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(303, sanne.postMultipart(action, Map.of(), "bewijs", "loonstrook.pdf", "application/pdf", payslip).statusCode());
        assertEquals(303, sanne.postMultipart(action, Map.of(), "bewijs", "verkeerd.pdf", "application/pdf",
                "%PDF-1.4\n%verkeerd\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).statusCode());

        Document receipt = Jsoup.parse(sanne.get("/inkomsten/" + code + "/verstuurd").body());
        var deleteLinks = receipt.select("main a[href$=/verwijderen]");
        assertEquals(2, deleteLinks.size(), deleteLinks.toString());
        assertTrue(deleteLinks.get(1).text().contains("Verwijderen (verkeerd.pdf)"), deleteLinks.toString());
        String confirmPath = deleteLinks.get(1).attr("href");
        String payslipDownload = receipt.select("main a").stream().filter(a -> a.text().equals("Downloaden (loonstrook.pdf)"))
                .findFirst().orElseThrow(() -> new AssertionError(receipt.outerHtml())).attr("href");
        HttpResponse<String> download = sanne.get(payslipDownload);
        assertEquals(200, download.statusCode(), download.body());
        assertEquals(new String(payslip, java.nio.charset.StandardCharsets.US_ASCII), download.body(), "her own proof, as sent");
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals("no-store", download.headers().firstValue("Cache-Control").orElse(null));
        WebClient fatima = citizen(FATIMA);
        assertEquals(404, fatima.get(payslipDownload).statusCode(), "another citizen");

        HttpResponse<String> confirm = sanne.get(confirmPath);
        assertEquals(200, confirm.statusCode(), confirm.body());
        String confirmText = text(confirm);
        assertTrue(confirmText.contains("Bestand verkeerd.pdf verwijderen"), confirmText);
        assertTrue(confirmText.contains("Je verwijdert verkeerd.pdf. Het bestand is dan weg. Ook je consulent ziet het niet meer bij je inkomsten over "
                + TestToday.dutch(FOUR_BACK) + "."), confirmText);
        assertTrue(confirmText.contains("Je kunt het bestand daarna niet meer terughalen."), confirmText);
        assertTrue(confirmText.contains("Ja, verwijder dit bestand") && confirmText.contains("Nee, niet verwijderen"), confirmText);
        assertEquals(403, sanne.postForm(confirmPath, Map.of()).statusCode(), "no CSRF token");
        assertEquals(404, fatima.get(confirmPath).statusCode(), "another citizen");
        assertEquals(404, fatima.postForm(confirmPath, Map.of("csrfToken", WebClient.csrfToken(fatima.get("/inkomsten").body()))).statusCode(),
                "another citizen");

        HttpResponse<String> deleted = sanne.postForm(confirmPath, Map.of("csrfToken", WebClient.csrfToken(confirm.body())));
        assertEquals(303, deleted.statusCode(), deleted.body());
        HttpResponse<String> after = sanne.follow(deleted);
        String afterText = text(after);
        assertTrue(afterText.contains("Het bestand is verwijderd. Je consulent ziet het niet meer."), afterText);
        assertTrue(afterText.contains("Je hebt bewijs verwijderd: verkeerd.pdf"), "the timeline keeps the name: " + afterText);
        assertEquals(1, Jsoup.parse(after.body()).select("main a[href$=/verwijderen]").size(), "the payslip is left");
        assertEquals(404, sanne.get(confirmPath).statusCode(), "gone");

        // The consulent: the file is gone from her page, the timeline says it was deleted.
        WebClient marieke = employee(MARIEKE);
        long sanneId = burger(SANNE);
        String reportPage = marieke.get("/consulent/burgers/" + sanneId + "/inkomsten/" + code).body();
        var proofLinks = Jsoup.parse(reportPage).select("a[href*=/bewijs/]");
        assertTrue(proofLinks.stream().noneMatch(l -> l.text().contains("verkeerd.pdf")) && proofLinks.stream().anyMatch(l -> l.text().contains("loonstrook.pdf")),
                proofLinks.toString());
        String timeline = Jsoup.parse(marieke.get("/consulent/burgers/" + sanneId + "/tijdlijn").body()).text();
        assertTrue(timeline.matches(".*bewijs verwijderd door de burger om \\d\\d:\\d\\d uur.*verkeerd\\.pdf.*"), timeline);

        // Taken in hand: no link, one sentence why; a direct POST gets 409 with the page that explains.
        assertEquals(303, marieke.postForm("/consulent/burgers/" + sanneId + "/inkomsten/" + code,
                Map.of("csrfToken", WebClient.csrfToken(reportPage), "status", "IN_BEHANDELING")).statusCode());
        HttpResponse<String> handled = sanne.get("/inkomsten/" + code + "/verstuurd");
        assertTrue(Jsoup.parse(handled.body()).select("main a[href$=/verwijderen]").isEmpty(), handled.body());
        String why = "Je consulent is al bezig met je inkomsten over " + TestToday.dutch(FOUR_BACK) + ". Daarom kun je je bewijs niet meer verwijderen.";
        assertTrue(text(handled).contains(why), text(handled));
        String payslipConfirm = payslipDownload + "/verwijderen";
        HttpResponse<String> late = sanne.postForm(payslipConfirm, Map.of("csrfToken", WebClient.csrfToken(handled.body())));
        assertEquals(409, late.statusCode(), late.body());
        assertTrue(text(late).contains(why), text(late));
        assertTrue(Jsoup.parse(late.body()).select("main form").isEmpty(), "no button");
        assertEquals(200, sanne.get(payslipDownload).statusCode(), "still hers to download");
    }

    @Test
    void aPeriodThatHasNotEndedCannotBeReported() {
        WebClient sanne = citizen(SANNE);
        assertEquals(404, sanne.get("/inkomsten/" + THIS_MONTH.plusMonths(6)).statusCode());
        assertEquals(404, sanne.get("/inkomsten/onzin").statusCode());
        if (TODAY.isBefore(THIS_MONTH.atEndOfMonth())) {
            assertEquals(404, sanne.get("/inkomsten/" + THIS_MONTH).statusCode(), "a month can be reported from its last day");
            String token = WebClient.csrfToken(sanne.get("/inkomsten").body());
            assertEquals(404, sanne.postForm("/inkomsten/" + THIS_MONTH + "/geen", Map.of("csrfToken", token)).statusCode(),
                    "'no income' for a month that has not ended is refused");
        }
    }

    private long burger(String bsn) {
        return db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(bsn)).fetchSingle(BURGER.ID);
    }
}
