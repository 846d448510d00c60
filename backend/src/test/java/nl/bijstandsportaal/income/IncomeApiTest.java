package nl.bijstandsportaal.income;

import nl.bijstandsportaal.testsupport.TestRows;

import nl.bijstandsportaal.testsupport.KnownNorms;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.rules.ReportPeriods;
import nl.bijstandsportaal.rules.ReportPeriods.ReportPeriod;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestToday;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE_BIJLAGE;
import static nl.bijstandsportaal.testsupport.MobileApp.auth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's income reports: estimate, idempotent sending, receipts, errors, other people's reports. */
@MicronautTest
class IncomeApiTest extends PortalTest {

    @Inject
    DSLContext db;
    @Inject
    JsonMapper json;
    @Inject
    RulesService rules;

    private static final String WESTLAND = "1783";
    private static final String UTRECHT = "0344";
    private static final YearMonth H2_2026 = YearMonth.of(2026, 7);


    private String token(String bsn) {
        return new MobileApp(server.getURI(), json).login(citizen(bsn)).access();
    }

    @Test
    void theAppEstimatesThenSendsOnceWithAnIdempotencyKey() throws IOException {
        String sanne = token(SANNE);
        String body = "{\"geenInkomsten\":false,\"bronnen\":[{\"soort\":\"WERK\",\"naam\":\"Bakkerij\",\"netto\":\"380.00\",\"loonstrookVolgt\":true}]}";
        List<ReportPeriod> reportable = reportable(WESTLAND);
        assertFalse(reportable.isEmpty(), "the last ended month can be reported");
        // A month whose norms are not published yet: the estimate says so in plain words.
        for (ReportPeriod unknown : reportable.stream().filter(p -> !KnownNorms.known(rules.book(), p)).toList()) {
            assertFiguresNotKnown(browser().postJson("/api/v1/inkomsten/" + unknown.code() + "/schatting", body, auth(sanne, null)),
                    YearMonth.from(unknown.from()));
            // Reporting does not wait for the figures (ADR 0019): the report is stored, with no expected payment.
            HttpResponse<String> sent = browser().postJson("/api/v1/inkomsten/" + unknown.code(), body, auth(token(FATIMA), UUID.randomUUID().toString()));
            assertEquals(201, sent.statusCode(), sent.body());
            assertEquals(null, json.readValue(sent.body(), Map.class).get("verwachteUitbetaling"), sent.body());
        }
        // The newest month that can be reported and whose norms are known.
        Optional<ReportPeriod> known = newestWithFigures(reportable);
        if (known.isEmpty()) {
            return; // no reportable month has figures: the estimate of each said so above
        }
        String code = known.get().code();
        YearMonth month = YearMonth.from(known.get().from());
        // Westland, Sanne single, July-December 2026: norm 1,419.46; keep 25% of 380 = 95; counted 285; bijstand
        // 1,134.46; vt 56.72; paid 1,077.74.
        HttpResponse<String> estimate = browser().postJson("/api/v1/inkomsten/" + code + "/schatting", body, auth(sanne, null));
        assertEquals(200, estimate.statusCode(), estimate.body());
        Map<?, ?> e = json.readValue(estimate.body(), Map.class);
        assertEquals(Map.of("bedrag", KnownNorms.published(Map.of(H2_2026, "1077.74"), month), "valuta", "EUR"), e.get("uitbetaling"));
        assertEquals(Map.of("bedrag", "95.00", "valuta", "EUR"), e.get("vrijgelaten"));

        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = browser().postJson("/api/v1/inkomsten/" + code, body, auth(sanne, key));
        HttpResponse<String> retry = browser().postJson("/api/v1/inkomsten/" + code, body, auth(sanne, key));
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(first.body(), retry.body());
        Map<?, ?> receipt = json.readValue(first.body(), Map.class);
        assertEquals(1, receipt.get("versie"), "the retry did not make a correction");
        assertEquals(TestToday.date().isAfter(known.get().deadline()), receipt.get("teLaat"));
        long sanneId = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(SANNE)).fetchSingle(BURGER.ID);
        assertEquals(1, db.fetchCount(INKOMSTENOPGAVE, INKOMSTENOPGAVE.BURGER_ID.eq(sanneId).and(INKOMSTENOPGAVE.PERIODE_CODE.eq(code))));

        List<Map> periods = json.readValue(browser().getJson("/api/v1/inkomsten", sanne).body(), io.micronaut.core.type.Argument.listOf(Map.class));
        assertTrue(periods.stream().anyMatch(p -> code.equals(p.get("code")) && "VERSTUURD".equals(p.get("status"))));
        assertEquals(404, browser().getJson("/api/v1/inkomsten/" + code, token(FATIMA)).statusCode(), "another citizen's report");

        // The payslip follows: a photo is stored without its metadata; an iPhone HEIC gets a message saying what to do.
        HttpResponse<String> photo = proof(sanne, code, "image/jpeg", "loonstrook.jpg", jpegWithComment());
        assertEquals(201, photo.statusCode(), photo.body());
        assertTrue(photo.body().contains("loonstrook.jpg"));
        byte[] stored = db.select(INKOMSTENOPGAVE_BIJLAGE.INHOUD).from(INKOMSTENOPGAVE_BIJLAGE)
                .orderBy(INKOMSTENOPGAVE_BIJLAGE.ID.desc()).limit(1).fetchSingle(INKOMSTENOPGAVE_BIJLAGE.INHOUD);
        assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Huisstraat 12"), "metadata is gone");
        byte[] heic = new byte[64];
        System.arraycopy("\0\0\0\u0018ftypheic".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, heic, 0, 12);
        HttpResponse<String> iphone = proof(sanne, code, "application/octet-stream", "IMG_0001.HEIC", heic);
        assertEquals(422, iphone.statusCode(), iphone.body());
        assertTrue(iphone.body().contains("iPhone"), iphone.body());
        // A real iPhone photo (HEIC, with a place in its EXIF): converted by libheif's heif-convert, stored as a JPEG
        // without the place.
        byte[] heicPhoto;
        try (var in = getClass().getResourceAsStream("/uploads/iphone-foto-met-plaats.heic")) {
            heicPhoto = in.readAllBytes();
        }
        assertTrue(new String(heicPhoto, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Huisstraat 12"), "the fixture has the place");
        HttpResponse<String> converted = proof(sanne, code, "image/heic", "IMG_0002.HEIC", heicPhoto);
        assertEquals(201, converted.statusCode(), converted.body() + " (is libheif-examples installed? .ci/run installs it)");
        assertTrue(converted.body().contains("IMG_0002.jpg"), converted.body());
        var storedPhoto = db.select(INKOMSTENOPGAVE_BIJLAGE.INHOUD, INKOMSTENOPGAVE_BIJLAGE.CONTENT_TYPE).from(INKOMSTENOPGAVE_BIJLAGE)
                .orderBy(INKOMSTENOPGAVE_BIJLAGE.ID.desc()).limit(1).fetchSingle();
        assertEquals("image/jpeg", storedPhoto.value2());
        assertFalse(new String(storedPhoto.value1(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("Huisstraat"), "EXIF is gone");
        assertEquals(404, proof(token(FATIMA), code, "image/jpeg", "x.jpg", jpegWithComment()).statusCode(), "no report of hers for that month");
    }

    /**
     * ADR 0055: proof sent with a report has an id; the app downloads it, and deletes it while the consulent has not taken
     * the report in hand (VERSTUURD); the report's timeline says so, for both sides. After that: 409.
     */
    @Test
    void proofHasAnIdAndIsDeletedUntilTheConsulentTakesTheReportInHand() throws IOException {
        String henk = token(JAN); // Jan (Utrecht): no other test here stores a report of his
        String code = reportable(UTRECHT).get(0).code();
        String body = "{\"geenInkomsten\":false,\"bronnen\":[{\"soort\":\"WERK\",\"naam\":\"Bouwbedrijf\",\"netto\":\"200.00\",\"loonstrookVolgt\":true}]}";
        HttpResponse<String> sent = browser().postJson("/api/v1/inkomsten/" + code, body, auth(henk, UUID.randomUUID().toString()));
        assertEquals(201, sent.statusCode(), sent.body());
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] other = "%PDF-1.4\n%verkeerd\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(201, proof(henk, code, "application/pdf", "loonstrook.pdf", pdf).statusCode());
        HttpResponse<String> both = proof(henk, code, "application/pdf", "verkeerd.pdf", other);
        assertEquals(201, both.statusCode(), both.body());
        List<?> files = (List<?>) json.readValue(both.body(), Map.class).get("bewijsBestanden");
        assertEquals(2, files.size(), both.body());
        String payslip = (String) ((Map<?, ?>) files.get(0)).get("id");
        String wrong = (String) ((Map<?, ?>) files.get(1)).get("id");
        assertEquals(true, ((Map<?, ?>) files.get(1)).get("verwijderbaar"));

        HttpResponse<String> download = download(henk, "/api/v1/inkomsten/" + code + "/bewijs/" + payslip);
        assertEquals(200, download.statusCode(), download.body());
        assertEquals(new String(pdf, java.nio.charset.StandardCharsets.US_ASCII), download.body(), "the bytes as sent");
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(null));
        assertEquals("no-store", download.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(download.headers().firstValue("ETag").isEmpty());
        String fatima = token(FATIMA);
        assertEquals(404, download(fatima, "/api/v1/inkomsten/" + code + "/bewijs/" + payslip).statusCode());
        assertEquals(404, download(henk, "/api/v1/inkomsten/" + code + "/bewijs/" + UUID.randomUUID()).statusCode());
        assertEquals(404, browser().delete("/api/v1/inkomsten/" + code + "/bewijs/" + wrong, fatima).statusCode());
        assertEquals(404, browser().delete("/api/v1/inkomsten/" + code + "/bewijs/" + UUID.randomUUID(), henk).statusCode());

        HttpResponse<String> deleted = browser().delete("/api/v1/inkomsten/" + code + "/bewijs/" + wrong, henk);
        assertEquals(204, deleted.statusCode(), deleted.body());
        Map<?, ?> after = json.readValue(browser().getJson("/api/v1/inkomsten/" + code, henk).body(), Map.class);
        assertEquals(List.of("loonstrook.pdf"), after.get("bewijs"));
        assertTrue(((List<?>) after.get("tijdlijn")).stream().anyMatch(e -> "BEWIJS_VERWIJDERD".equals(((Map<?, ?>) e).get("soort"))
                && "verkeerd.pdf".equals(((Map<?, ?>) e).get("reden"))), after.toString());
        assertEquals(404, download(henk, "/api/v1/inkomsten/" + code + "/bewijs/" + wrong).statusCode(), "gone");

        // The consulent: the file is not offered any more; the timeline of the file says what happened, and when.
        long henkId = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(JAN)).fetchSingle(BURGER.ID);
        nl.bijstandsportaal.testsupport.WebClient dennis = employee(DENNIS);
        String reportPage = dennis.get("/consulent/burgers/" + henkId + "/inkomsten/" + code).body();
        var proofLinks = org.jsoup.Jsoup.parse(reportPage).select("a[href*=/bewijs/]");
        assertTrue(proofLinks.stream().noneMatch(l -> l.text().contains("verkeerd.pdf")) && proofLinks.stream().anyMatch(l -> l.text().contains("loonstrook.pdf")),
                proofLinks.toString());
        String timeline = org.jsoup.Jsoup.parse(dennis.get("/consulent/burgers/" + henkId + "/tijdlijn").body()).text();
        assertTrue(timeline.matches(".*bewijs verwijderd door de burger om \\d\\d:\\d\\d uur.*verkeerd\\.pdf.*"), timeline);

        // Taken in hand: the proof is the consulent's now.
        HttpResponse<String> inHand = dennis.postForm("/consulent/burgers/" + henkId + "/inkomsten/" + code,
                Map.of("csrfToken", nl.bijstandsportaal.testsupport.WebClient.csrfToken(reportPage), "status", "IN_BEHANDELING"));
        assertEquals(303, inHand.statusCode(), inHand.body());
        HttpResponse<String> refused = browser().delete("/api/v1/inkomsten/" + code + "/bewijs/" + payslip, henk);
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals(ProblemTypes.FILE_HANDLED, json.readValue(refused.body(), Map.class).get("type"));
        Map<?, ?> handled = json.readValue(browser().getJson("/api/v1/inkomsten/" + code, henk).body(), Map.class);
        assertEquals(false, ((Map<?, ?>) ((List<?>) handled.get("bewijsBestanden")).get(0)).get("verwijderbaar"));
    }

    private HttpResponse<String> download(String bearer, String path) {
        return browser().send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/pdf, image/*, application/json").GET());
    }

    /**
     * The periods of this municipality that can be reported today, newest first: from their last day (as the
     * municipality sets) back to the oldest the overview shows.
     */
    /**
     * "Waar heb ik recht op?" takes a new income report at once (its outcome is kept for a minute, but a report sent
     * here clears it): the income is then the bijstand expected plus what was earned, and the reason says so.
     */
    @Test
    void theRegelingenCheckTakesANewReportAtOnce() throws IOException {
        String henk = token(HENK);
        Optional<ReportPeriod> known = newestWithFigures(reportable(UTRECHT));
        if (known.isEmpty()) {
            return; // no reportable month has figures yet: nothing is estimated, so nothing for the check to take
        }
        assertEquals(200, browser().getJson("/api/v1/regelingen", henk).statusCode()); // worked out and kept
        String body = "{\"geenInkomsten\":false,\"bronnen\":[{\"soort\":\"WERK\",\"naam\":\"Bakkerij\",\"netto\":\"380.00\",\"loonstrookVolgt\":true}]}";
        HttpResponse<String> sent = browser().postJson("/api/v1/inkomsten/" + known.get().code(), body, auth(henk, UUID.randomUUID().toString()));
        assertEquals(201, sent.statusCode(), sent.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> paid = (Map<String, Object>) json.readValue(sent.body(), Map.class).get("verwachteUitbetaling");
        java.math.BigDecimal total = new java.math.BigDecimal((String) paid.get("bedrag")).add(new java.math.BigDecimal("380.00"));
        String after = browser().getJson("/api/v1/regelingen", henk).body();
        if (after.contains("De bedragen voor deze maand staan nog niet in het portaal")) {
            return; // this month's norm is not known yet: no income limit to hold the income against (said as such)
        }
        String money = nl.bijstandsportaal.platform.i18n.Messages.money(nl.bijstandsportaal.platform.i18n.Messages.DUTCH, total);
        assertTrue(after.contains("Volgens je laatste inkomstenopgave (tot en met " + TestToday.dutch(known.get().to()) + ") had je " + money),
                money + " in " + after);
    }

    private List<ReportPeriod> reportable(String gemeente) {
        RuleBook book = rules.book();
        LocalDate today = TestToday.date();
        List<ReportPeriod> periods = new java.util.ArrayList<>();
        ReportPeriod period = ReportPeriods.containing(today, gemeente, book);
        for (int i = 0; i <= IncomeService.PERIODS_BACK; i++) {
            if (!today.isBefore(ReportPeriods.opensOn(period, gemeente, book))) {
                periods.add(period);
            }
            period = ReportPeriods.containing(period.from().minusDays(1), gemeente, book);
        }
        return periods;
    }

    private Optional<ReportPeriod> newestWithFigures(List<ReportPeriod> reportable) {
        return reportable.stream().filter(p -> KnownNorms.known(rules.book(), p)).findFirst();
    }

    /** 409 problem+json: the figures of this month are not known yet. */
    private void assertFiguresNotKnown(HttpResponse<String> response, YearMonth month) throws IOException {
        assertEquals(409, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        Map<?, ?> problem = json.readValue(response.body(), Map.class);
        assertEquals(ProblemTypes.FIGURES_NOT_KNOWN, problem.get("type"), response.body());
        assertTrue(problem.get("detail").toString().contains("De bedragen voor " + TestToday.dutch(month) + " zijn nog niet bekend"), response.body());
    }

    private HttpResponse<String> proof(String bearer, String code, String type, String name, byte[] bytes) {
        return browser().send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/v1/inkomsten/" + code + "/bewijs"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", type).header("X-Bestandsnaam", name)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .header("Accept", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** A small JPEG with a comment that stands for what a phone adds (an address). */
    private static byte[] jpegWithComment() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", out);
        byte[] plain = out.toByteArray();
        byte[] comment = "Huisstraat 12".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream withComment = new java.io.ByteArrayOutputStream();
        withComment.write(plain, 0, 2); // SOI
        withComment.write(new byte[]{(byte) 0xFF, (byte) 0xFE, 0, (byte) (comment.length + 2)});
        withComment.write(comment);
        withComment.write(plain, 2, plain.length - 2);
        return withComment.toByteArray();
    }

    @Test
    void sendsAtTheSameMomentWithDifferentKeysMakeOneReportWithVersions() throws Exception {
        String sanne = token(SANNE);
        String body = "{\"geenInkomsten\":true}";
        int senders = 4;
        // The oldest month that can be reported, other than the one the test above sends (the class shares its database).
        List<ReportPeriod> reportable = reportable(WESTLAND);
        Optional<ReportPeriod> sentAbove = newestWithFigures(reportable);
        List<ReportPeriod> others = reportable.stream().filter(p -> !sentAbove.equals(Optional.of(p))).toList();
        assertFalse(others.isEmpty(), "the overview shows more than one ended month");
        Optional<ReportPeriod> known = others.stream().filter(p -> KnownNorms.known(rules.book(), p)).reduce((newer, older) -> older);
        long sanneId = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(SANNE)).fetchSingle(BURGER.ID);
        // Sending never waits for figures (ADR 0019): without a month that has them, the oldest other month is sent all the same.
        String code = known.orElse(others.get(others.size() - 1)).code();
        for (var response : atTheSameMoment(senders,
                () -> browser().postJson("/api/v1/inkomsten/" + code, body, auth(sanne, UUID.randomUUID().toString())))) {
            assertEquals(201, response.statusCode(), response.body());
        }
        var report = db.selectFrom(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.BURGER_ID.eq(sanneId))
                .and(INKOMSTENOPGAVE.PERIODE_CODE.eq(code)).fetchSingle();
        assertEquals(senders, report.getVersie(), "the first made the report, each other send a correction");

        // The same send retried at the same moment with one key: stored once, the same answer for all.
        String key = UUID.randomUUID().toString();
        List<HttpResponse<String>> answers = atTheSameMoment(senders,
                () -> browser().postJson("/api/v1/inkomsten/" + code, body, auth(sanne, key)));
        for (var answer : answers) {
            assertEquals(201, answer.statusCode(), answer.body());
            assertEquals(answers.get(0).body(), answer.body());
        }
        assertEquals(senders + 1, db.select(INKOMSTENOPGAVE.VERSIE).from(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.ID.eq(report.getId()))
                .fetchSingle(INKOMSTENOPGAVE.VERSIE), "one correction for the one key");
    }

    private static <T> List<T> atTheSameMoment(int times, java.util.concurrent.Callable<T> call) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(times);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<T>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new java.util.ArrayList<>();
            for (var f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badInputGetsProblemJsonNamingTheField() throws IOException {
        String jan = token(JAN);
        // Jan's municipality, Utrecht, has four-week periods: the newest that can be reported.
        List<ReportPeriod> reportable = reportable(UTRECHT);
        assertFalse(reportable.isEmpty(), "the last ended four weeks can be reported");
        assertTrue(reportable.get(0).isFourWeeks(), reportable.get(0).code());
        HttpResponse<String> response = browser().postJson("/api/v1/inkomsten/" + reportable.get(0).code(),
                "{\"geenInkomsten\":false,\"bronnen\":[{\"soort\":\"LOTERIJ\",\"naam\":\"\",\"netto\":\"-3\"}]}", auth(jan, UUID.randomUUID().toString()));
        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        Map<?, ?> problem = json.readValue(response.body(), Map.class);
        List<?> errors = (List<?>) problem.get("errors");
        // What breaks the contract (an unknown soort, an amount that is not a decimal) is named first (StrictApiInput).
        assertEquals(List.of("bronnen[0].netto", "bronnen[0].soort"),
                errors.stream().map(x -> ((Map<?, ?>) x).get("field")).toList());
        // A period that has not begun yet cannot be reported.
        ReportPeriod next = ReportPeriods.containing(ReportPeriods.containing(TestToday.date(), UTRECHT, rules.book()).to().plusDays(1),
                UTRECHT, rules.book());
        assertEquals(404, browser().postJson("/api/v1/inkomsten/" + next.code(), "{\"geenInkomsten\":true}", auth(jan, java.util.UUID.randomUUID().toString())).statusCode());
    }
}
