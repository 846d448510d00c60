package nl.bijstandsportaal.documents;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.notifications.MovedReminderScheduler;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.MutableClock;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestToday;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK_BIJLAGE;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK_STAP;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static nl.bijstandsportaal.testsupport.TestToday.dutch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The steps of a document request after it was asked: more time, "not good enough, send again", each on the request's
 * timeline for both sides and in the app, each a message to the citizen, audited; the reminders follow the new day.
 * Nobody reaches another's.
 */
@MicronautTest
class DocumentStepsTest extends PortalTest {

    private static final LocalDate TODAY = TestToday.date();
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PDF2 = "%PDF-1.4\n2 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    DSLContext db;
    @Inject
    JsonMapper json;
    @Inject
    ApplicationContext context;
    @Inject
    DocumentRequests documents;

    private long sanne() {
        return db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(SANNE)).fetchSingle(BURGER.ID);
    }

    private String requestPath(String id) {
        return "/consulent/burgers/" + sanne() + "/documentverzoeken/" + id;
    }

    /** Marieke asks Sanne for a document; returns its public id. */
    private String ask(WebClient marieke, String what, LocalDate deadline) {
        String token = WebClient.csrfToken(marieke.get("/consulent/burgers/" + sanne()).body());
        HttpResponse<String> asked = marieke.postForm("/consulent/burgers/" + sanne() + "/documentverzoeken",
                Map.of("csrfToken", token, "wat", what, "waarom", "We willen zien of er geld bij kwam.", "uiterlijk", deadline.toString(),
                        "gecontroleerd", "ja"));
        assertEquals(303, asked.statusCode(), asked.body());
        return db.select(DOCUMENTVERZOEK.PUBLIC_ID).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.BURGER_ID.eq(sanne()))
                .and(DOCUMENTVERZOEK.WAT.eq(what)).fetchSingle(DOCUMENTVERZOEK.PUBLIC_ID);
    }

    private void runRemindersOn(LocalDate day) {
        MovedReminderScheduler.at(context, new MutableClock(day.atTime(10, 0).atZone(TestToday.DUTCH_TIME).toInstant())).run();
    }

    private List<String> reminderKeys(String id) {
        return db.select(MELDING.SLEUTEL).from(MELDING).where(MELDING.SLEUTEL.like("document/" + id + "/%"))
                .and(MELDING.SLEUTEL.notLike("%/stap/%")).and(MELDING.SLEUTEL.notLike("%/gevraagd")).orderBy(MELDING.ID).fetch(MELDING.SLEUTEL);
    }

    private List<String> stepKinds(String id) {
        return db.select(DOCUMENTVERZOEK_STAP.SOORT).from(DOCUMENTVERZOEK_STAP).join(DOCUMENTVERZOEK).on(DOCUMENTVERZOEK.ID.eq(DOCUMENTVERZOEK_STAP.VERZOEK_ID))
                .where(DOCUMENTVERZOEK.PUBLIC_ID.eq(id)).orderBy(DOCUMENTVERZOEK_STAP.ID).fetch(DOCUMENTVERZOEK_STAP.SOORT);
    }

    @Test
    void moreTimeReachesTheCitizenAndTheRemindersFollowTheNewDay() throws Exception {
        WebClient marieke = employee(MARIEKE);
        String what = "Bankafschriften van november " + UUID.randomUUID();
        String id = ask(marieke, what, TODAY.plusDays(8));
        runRemindersOn(TODAY.plusDays(5));
        assertEquals(List.of("document/" + id + "/herinnering"), reminderKeys(id), "3 days before the first last day");

        // The request's own page offers the earliest later day.
        Document page = Jsoup.parse(marieke.get(requestPath(id)).body());
        assertEquals(TODAY.plusDays(9).toString(), page.getElementById("verlengTot").val());
        assertNull(page.getElementById("opnieuwUitleg"), "nothing sent: nothing to find not good enough");
        String csrf = WebClient.csrfToken(page.outerHtml());

        // Not later than the current day, in the past, or empty: the page comes back with what was typed; nothing stored.
        String reason = "Je bank stuurt de afschriften pas over twee weken.";
        Map<String, String> typed = new HashMap<>(Map.of("csrfToken", csrf, "verlengTot", TestToday.typed(TODAY.plusDays(8)), "verlengReden", reason));
        HttpResponse<String> same = marieke.postForm(requestPath(id) + "/meer-tijd", typed);
        assertEquals(400, same.statusCode());
        Document refused = Jsoup.parse(same.body());
        assertTrue(refused.select(".portal-error-summary a[href=#verlengTot]").text().contains("Nieuwe laatste dag: kies een dag na de huidige laatste dag ("
                + dutch(TODAY.plusDays(8)) + "). Kies " + dutch(TODAY.plusDays(9)) + " of later."), refused.text());
        assertEquals(TestToday.typed(TODAY.plusDays(8)), refused.getElementById("verlengTot").val(), "what was typed stays");
        assertEquals(reason, refused.getElementById("verlengReden").val());
        typed.put("verlengTot", TestToday.typed(TODAY.minusDays(1)));
        assertEquals(400, marieke.postForm(requestPath(id) + "/meer-tijd", typed).statusCode(), "yesterday");
        typed.put("verlengTot", "");
        HttpResponse<String> empty = marieke.postForm(requestPath(id) + "/meer-tijd", typed);
        assertEquals(400, empty.statusCode());
        assertTrue(Jsoup.parse(empty.body()).text().contains("Nieuwe laatste dag: vul een datum in"));
        assertEquals(TODAY.plusDays(8), db.select(DOCUMENTVERZOEK.UITERLIJK).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.PUBLIC_ID.eq(id)).fetchSingle().value1());
        assertEquals(List.of("ASKED"), stepKinds(id));
        assertFalse(db.fetchExists(MELDING, MELDING.SLEUTEL.like("document/" + id + "/stap/%")));

        // More time, with a reason: stored as a step, the citizen hears it, audited.
        typed.put("verlengTot", TestToday.typed(TODAY.plusDays(20)));
        // With words for the citizen, the first press checks how readable they are; nothing is stored yet.
        HttpResponse<String> checked = marieke.postForm(requestPath(id) + "/meer-tijd", typed);
        assertEquals(200, checked.statusCode());
        Document check = Jsoup.parse(checked.body());
        assertTrue(check.getElementById("leesbaarheid-meer-tijd").text().contains("Leesbaarheid van je tekst"), check.text());
        assertEquals(reason, check.getElementById("verlengReden").val());
        assertEquals(List.of("ASKED"), stepKinds(id));
        typed.put("gecontroleerd", "ja");
        HttpResponse<String> extended = marieke.postForm(requestPath(id) + "/meer-tijd", typed);
        assertEquals(303, extended.statusCode(), extended.body());
        String after = Jsoup.parse(marieke.get(WebClient.location(extended)).body()).text();
        assertTrue(after.contains("Opgeslagen. De burger krijgt een bericht.") && after.contains("Meer tijd gegeven door Marieke Jansen")
                && after.contains("Nieuwe laatste dag: " + dutch(TODAY.plusDays(20)) + " (was " + dutch(TODAY.plusDays(8)) + ").") && after.contains(reason), after);
        var row = db.selectFrom(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.PUBLIC_ID.eq(id)).fetchSingle();
        assertEquals(TODAY.plusDays(20), row.getUiterlijk());
        assertEquals(1, row.getRonde());
        var step = db.selectFrom(DOCUMENTVERZOEK_STAP).where(DOCUMENTVERZOEK_STAP.VERZOEK_ID.eq(row.getId())).and(DOCUMENTVERZOEK_STAP.SOORT.eq("EXTENDED")).fetchSingle();
        assertEquals(TODAY.plusDays(8), step.getOudeUiterlijk());
        assertEquals(TODAY.plusDays(20), step.getNieuweUiterlijk());
        assertEquals(reason, step.getTekst());
        assertNotNull(step.getMedewerkerId());
        var message = db.selectFrom(MELDING).where(MELDING.SLEUTEL.eq("document/" + id + "/stap/" + step.getId())).fetchSingle();
        assertEquals("DOCUMENTEN", message.getOnderwerp());
        assertEquals("notification.document.extended.reason", message.getTekst());
        assertEquals("/documenten/" + id, message.getLink());
        assertFalse(message.getArgumenten().contains("twee weken"), "the consulent's words stay in the portal, not in e-mail or push");
        assertTrue(db.fetchExists(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(sanne()).and(AUDIT_EVENT.ACTION.eq("DOCUMENTVERZOEK_VERLENGD"))));

        // Sanne reads it in her inbox and on the request's page, with the reason, and in the app.
        WebClient sanne = citizen(SANNE);
        String inbox = Jsoup.parse(sanne.get("/berichten").body()).text();
        assertTrue(inbox.contains("Je krijgt meer tijd om dit papier te sturen: " + what + ". Stuur het uiterlijk " + dutch(TODAY.plusDays(20)) + "."), inbox);
        String request = Jsoup.parse(sanne.get("/documenten/" + id).body()).text();
        assertTrue(request.contains("Wat er is gebeurd") && request.contains("Je kreeg meer tijd door Marieke Jansen")
                && request.contains(reason) && request.contains("Je consulent vroeg dit"), request);
        String app = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        Map<?, ?> dto = json.readValue(browser().getJson("/api/v1/documentverzoeken/" + id, app).body(), Map.class);
        assertEquals(TODAY.plusDays(20).toString(), dto.get("uiterlijk"));
        List<?> steps = (List<?>) dto.get("stappen");
        assertEquals(List.of("GEVRAAGD", "VERLENGD"), steps.stream().map(s -> ((Map<?, ?>) s).get("soort")).toList());
        Map<?, ?> more = (Map<?, ?>) steps.get(1);
        assertEquals("Je kreeg meer tijd", more.get("titel"));
        assertEquals(reason, more.get("tekst"));
        assertEquals(TODAY.plusDays(8).toString(), more.get("vorigUiterlijk"));
        assertEquals(TODAY.plusDays(20).toString(), more.get("nieuwUiterlijk"));
        assertEquals("Marieke Jansen", more.get("door"));

        // The reminders follow the new day: the one sent for the old day does not stop the one for the new day.
        runRemindersOn(TODAY.plusDays(9));
        assertEquals(List.of("document/" + id + "/herinnering"), reminderKeys(id), "no reminder or 'late' for the old day");
        runRemindersOn(TODAY.plusDays(17));
        runRemindersOn(TODAY.plusDays(21));
        assertEquals(List.of("document/" + id + "/herinnering", "document/" + id + "/herinnering/1", "document/" + id + "/te-laat/1"), reminderKeys(id));
        assertEquals("[\"" + what + "\",\"" + TODAY.plusDays(20) + "\"]",
                db.select(MELDING.ARGUMENTEN).from(MELDING).where(MELDING.SLEUTEL.eq("document/" + id + "/herinnering/1")).fetchSingle().value1());
    }

    @Test
    void notGoodEnoughOpensTheRequestAgainWithTheFilesMarked() throws Exception {
        WebClient marieke = employee(MARIEKE);
        String what = "Loonstrook van oktober " + UUID.randomUUID();
        String id = ask(marieke, what, TODAY.plusDays(10));
        WebClient sanne = citizen(SANNE);
        String upload = "/documenten/" + id + "?csrfToken=" + WebClient.csrfToken(sanne.get("/documenten/" + id).body());
        assertEquals(303, sanne.postMultipart(upload, Map.of(), "bestand", "loonstrook.pdf", "application/pdf", PDF).statusCode());

        Document page = Jsoup.parse(marieke.get(requestPath(id)).body());
        assertNull(page.getElementById("verlengTot"), "sent: more time is not what is needed");
        String csrf = WebClient.csrfToken(page.outerHtml());
        HttpResponse<String> moreTime = marieke.postForm(requestPath(id) + "/meer-tijd", Map.of("csrfToken", csrf,
                "verlengTot", TODAY.plusDays(20).toString(), "verlengReden", ""));
        assertEquals(400, moreTime.statusCode(), "a stale page");
        assertTrue(Jsoup.parse(moreTime.body()).text().contains("dit kan alleen als de burger nog niets stuurde"));

        // No words and a day in the past: both messages, what was typed stays, nothing changes.
        Map<String, String> typed = new HashMap<>(Map.of("csrfToken", csrf, "bestanden", "1", "opnieuwUitleg", " ",
                "opnieuwTot", TestToday.typed(TODAY.minusDays(2))));
        HttpResponse<String> refused = marieke.postForm(requestPath(id) + "/opnieuw", typed);
        assertEquals(400, refused.statusCode());
        Document errors = Jsoup.parse(refused.body());
        assertTrue(errors.select(".portal-error-summary a[href=#opnieuwUitleg]").text().contains("Wat is er niet goed: schrijf wat er mist"), errors.text());
        assertTrue(errors.select(".portal-error-summary a[href=#opnieuwTot]").text().contains("geef de burger minstens 5 dagen vanaf vandaag. Kies "
                + dutch(TODAY.plusDays(5)) + " of later."), errors.text());
        assertEquals(TestToday.typed(TODAY.minusDays(2)), errors.getElementById("opnieuwTot").val());
        // A page from before another file came: nothing changes.
        String wrong = "De foto is niet scherp. Maak een nieuwe foto van de hele bladzijde.";
        typed.putAll(Map.of("opnieuwUitleg", wrong, "opnieuwTot", TestToday.typed(TODAY.plusDays(7)), "bestanden", "0"));
        HttpResponse<String> stale = marieke.postForm(requestPath(id) + "/opnieuw", typed);
        assertEquals(400, stale.statusCode());
        assertTrue(Jsoup.parse(stale.body()).text().contains("de burger heeft net een bestand gestuurd of verwijderd"));
        assertEquals(wrong, Jsoup.parse(stale.body()).getElementById("opnieuwUitleg").val());
        assertEquals("GESTUURD", db.select(DOCUMENTVERZOEK.STATUS).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.PUBLIC_ID.eq(id)).fetchSingle().value1());
        assertEquals(List.of("ASKED", "FILE_SENT"), stepKinds(id));

        typed.put("bestanden", "1");
        Document againChecked = Jsoup.parse(marieke.postForm(requestPath(id) + "/opnieuw", typed).body());
        assertNotNull(againChecked.getElementById("leesbaarheid-opnieuw"), "what is wrong is checked before it goes out");
        assertEquals(wrong, againChecked.getElementById("opnieuwUitleg").val());
        assertEquals(List.of("ASKED", "FILE_SENT"), stepKinds(id));
        typed.put("gecontroleerd", "ja");
        HttpResponse<String> again = marieke.postForm(requestPath(id) + "/opnieuw", typed);
        assertEquals(303, again.statusCode(), again.body());
        var row = db.selectFrom(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.PUBLIC_ID.eq(id)).fetchSingle();
        assertEquals("OPEN", row.getStatus());
        assertNull(row.getGestuurdOp());
        assertEquals(TODAY.plusDays(7), row.getUiterlijk());
        assertNotNull(db.select(DOCUMENTVERZOEK_BIJLAGE.AFGEKEURD_OP).from(DOCUMENTVERZOEK_BIJLAGE)
                .where(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(row.getId())).fetchSingle().value1(), "the file stays, marked");
        assertEquals(List.of("ASKED", "FILE_SENT", "NOT_GOOD_ENOUGH"), stepKinds(id));
        var message = db.selectFrom(MELDING).where(MELDING.SLEUTEL.like("document/" + id + "/stap/%")).fetchSingle();
        assertEquals("notification.document.notGoodEnough", message.getTekst());
        assertEquals("DOCUMENTEN", message.getOnderwerp());
        assertTrue(db.fetchExists(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(sanne()).and(AUDIT_EVENT.ACTION.eq("DOCUMENTVERZOEK_NIET_GOED_GENOEG"))));

        // Sanne is told in plain words, sees what was wrong and her earlier file marked, and can send again.
        String inbox = Jsoup.parse(sanne.get("/berichten").body()).text();
        assertTrue(inbox.contains("Je consulent heeft bekeken wat je stuurde voor: " + what + ". Het is nog niet goed genoeg. Stuur het opnieuw, uiterlijk "
                + dutch(TODAY.plusDays(7)) + "."), inbox);
        String requestPage = sanne.get("/documenten/" + id).body();
        String text = Jsoup.parse(requestPage).text();
        assertTrue(text.contains("Stuur het opnieuw") && text.contains(wrong) && text.contains("Stuur het uiterlijk " + dutch(TODAY.plusDays(7))
                + ". Wat je eerder stuurde, blijft bewaard.") && text.contains("loonstrook.pdf") && text.contains("(bekeken: niet goed genoeg)")
                && text.contains("Nog niet gestuurd"), text);
        String app = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        Map<?, ?> dto = json.readValue(browser().getJson("/api/v1/documentverzoeken/" + id, app).body(), Map.class);
        assertEquals("OPEN", dto.get("status"));
        assertEquals(true, ((Map<?, ?>) ((List<?>) dto.get("bestanden")).get(0)).get("nietGoedGenoeg"));
        assertEquals(List.of("GEVRAAGD", "BESTAND_GESTUURD", "NIET_GOED_GENOEG"), ((List<?>) dto.get("stappen")).stream().map(s -> ((Map<?, ?>) s).get("soort")).toList());
        assertEquals("loonstrook.pdf", ((Map<?, ?>) ((List<?>) dto.get("stappen")).get(1)).get("bestand"));

        // Reminders start again for the new day.
        runRemindersOn(TODAY.plusDays(4));
        assertEquals(List.of("document/" + id + "/herinnering/1"), reminderKeys(id));

        // She sends a new file; Marieke sees both on the citizen's file, with the steps, and closes it.
        upload = "/documenten/" + id + "?csrfToken=" + WebClient.csrfToken(requestPage);
        assertEquals(303, sanne.postMultipart(upload, Map.of(), "bestand", "loonstrook-scherp.pdf", "application/pdf", PDF2).statusCode());
        String file = marieke.get("/consulent/burgers/" + sanne()).body();
        Document filePage = Jsoup.parse(file);
        assertTrue(filePage.text().contains("Stappen (4)") && filePage.text().contains("Niet goed genoeg, opnieuw gevraagd door Marieke Jansen"), filePage.text());
        assertFalse(filePage.select("a[href=" + requestPath(id) + "]").isEmpty(), "a link to the request's own page");
        assertEquals(303, marieke.postForm(requestPath(id), Map.of("csrfToken", WebClient.csrfToken(file), "status", "AFGEROND", "bestanden", "2")).statusCode());
        assertEquals(List.of("ASKED", "FILE_SENT", "NOT_GOOD_ENOUGH", "FILE_SENT", "DONE"), stepKinds(id));

        // For others: every step of the citizen, newest first, with the request.
        List<DocumentRequests.Step> all = documents.stepsOf(sanne());
        DocumentRequests.Step newest = all.get(0);
        assertEquals(DocumentRequests.StepKind.DONE, newest.kind());
        assertEquals(id, newest.requestId());
        assertEquals(what, newest.what());
        assertEquals("Marieke Jansen", newest.by());
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).at().isAfter(all.get(i - 1).at()), "newest first");
        }
        assertEquals(List.of("DONE", "FILE_SENT", "NOT_GOOD_ENOUGH", "FILE_SENT", "ASKED"),
                all.stream().filter(s -> s.requestId().equals(id)).map(s -> s.kind().name()).toList());
    }

    /**
     * A request is a conversation too: the citizen finds it among "Gesprekken" with every step, asks a question in it, the
     * consulent finds the question in the work list and answers in the same thread; the app reads the same.
     */
    @Test
    void aRequestIsAConversationWithItsStepsAndWhatBothSidesWrite() throws Exception {
        WebClient marieke = employee(MARIEKE);
        String what = "Loonstrook van november " + UUID.randomUUID();
        String id = ask(marieke, what, TODAY.plusDays(8));
        String csrf = WebClient.csrfToken(marieke.get(requestPath(id)).body());
        String reason = "Je werkgever stuurt de loonstrook later.";
        assertEquals(303, marieke.postForm(requestPath(id) + "/meer-tijd", Map.of("csrfToken", csrf, "verlengTot", TODAY.plusDays(15).toString(),
                "verlengReden", reason, "gecontroleerd", "ja")).statusCode());

        // Sanne: the conversation is in her list, with what, why and both steps; the request's page leads to it.
        WebClient sanne = citizen(SANNE);
        Document list = Jsoup.parse(sanne.get("/gesprekken").body());
        var link = list.select("a:contains(Gevraagd: " + what + ")");
        assertEquals(1, link.size(), list.text());
        String thread = link.attr("href");
        Document requestPage = Jsoup.parse(sanne.get("/documenten/" + id).body());
        assertEquals(thread, requestPage.select("a:contains(Stel je vraag in het gesprek)").attr("href"));
        Document page = Jsoup.parse(sanne.get(thread).body());
        String text = page.text();
        assertTrue(text.contains("Wat: " + what) && text.contains("Waarom: We willen zien of er geld bij kwam.")
                && text.contains("Uiterlijk sturen: " + dutch(TODAY.plusDays(15))), text);
        assertTrue(text.contains("Je consulent vroeg dit door Marieke Jansen") && text.contains("Je kreeg meer tijd door Marieke Jansen")
                && text.contains(reason), text);
        assertEquals("/documenten/" + id, page.select("a:contains(Stuur het document)").attr("href"));

        // She asks a question in it; the consulent finds it waiting in the work list and reads it with the steps.
        String question = "Mag ik ook een foto van de loonstrook sturen?";
        String token = WebClient.csrfToken(page.outerHtml());
        assertEquals(303, sanne.postMultipart(thread + "?csrfToken=" + token, Map.of("bericht", question), "bestand", "", "", null).statusCode());
        String consulentThread = "/consulent/burgers/" + sanne() + thread;
        Document work = Jsoup.parse(marieke.get("/consulent").body());
        assertEquals(1, work.select("a[href=" + consulentThread + "]").size(), work.text());
        assertTrue(work.select("a[href=" + consulentThread + "]").text().contains(what), "named after what was asked");
        Document seen = Jsoup.parse(marieke.get(consulentThread).body());
        assertTrue(seen.text().contains(question) && seen.text().contains("Meer tijd gegeven door Marieke Jansen") && seen.text().contains(reason),
                seen.text());
        assertEquals(requestPath(id), seen.select("a:contains(Bekijk het verzoek)").attr("href"));
        Document consulentRequest = Jsoup.parse(marieke.get(requestPath(id)).body());
        assertEquals(consulentThread, consulentRequest.select("a:contains(Gesprek over dit verzoek)").attr("href"));

        // The app: the same conversation, its request and steps, and the question.
        String app = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        List<Map> all = json.readValue(browser().getJson("/api/v1/gesprekken", app).body(), io.micronaut.core.type.Argument.listOf(Map.class));
        Map<?, ?> dto = (Map<?, ?>) all.stream().filter(c -> ((Map<?, ?>) c).get("verzoek") != null
                && id.equals(((Map<?, ?>) ((Map<?, ?>) c).get("verzoek")).get("id"))).findFirst().orElseThrow();
        Map<?, ?> verzoek = (Map<?, ?>) dto.get("verzoek");
        assertEquals(what, verzoek.get("wat"));
        assertEquals(TODAY.plusDays(15).toString(), verzoek.get("uiterlijk"));
        assertEquals(List.of("GEVRAAGD", "VERLENGD"), ((List<?>) verzoek.get("stappen")).stream().map(x -> ((Map<?, ?>) x).get("soort")).toList());
        assertEquals(question, ((Map<?, ?>) ((List<?>) dto.get("berichten")).get(0)).get("tekst"));
        assertEquals(true, dto.get("wachtOpAntwoord"));

        // Another citizen does not reach it.
        assertEquals(404, citizen(FATIMA).get(thread).statusCode());
    }

    @Test
    void nobodyElseTakesOrSeesTheSteps() {
        WebClient marieke = employee(MARIEKE);
        String id = ask(marieke, "Huurcontract " + UUID.randomUUID(), TODAY.plusDays(12));

        // Dennis (Utrecht) does not reach Sanne (Westland): the page and both steps are 404, nothing changes.
        WebClient dennis = employee(DENNIS);
        String token = WebClient.csrfToken(dennis.get("/consulent").body());
        assertEquals(404, dennis.get(requestPath(id)).statusCode());
        assertEquals(404, dennis.postForm(requestPath(id) + "/meer-tijd", Map.of("csrfToken", token, "verlengTot", TODAY.plusDays(20).toString())).statusCode());
        assertEquals(404, dennis.postForm(requestPath(id) + "/opnieuw", Map.of("csrfToken", token, "opnieuwUitleg", "Alles",
                "opnieuwTot", TODAY.plusDays(20).toString())).statusCode());
        // A request that is not this citizen's: 404 for Marieke too.
        String mariekeToken = WebClient.csrfToken(marieke.get("/consulent").body());
        assertEquals(404, marieke.get(requestPath(UUID.randomUUID().toString())).statusCode());

        // A citizen is refused on the consulent's side.
        WebClient sanne = citizen(SANNE);
        assertEquals(403, sanne.get(requestPath(id)).statusCode());
        String sanneToken = WebClient.csrfToken(sanne.get("/documenten").body());
        assertEquals(403, sanne.postForm(requestPath(id) + "/meer-tijd", Map.of("csrfToken", sanneToken, "verlengTot", TODAY.plusDays(20).toString())).statusCode());

        // Another citizen does not see the request or its steps, on the web or in the app.
        WebClient fatima = citizen(FATIMA);
        assertEquals(404, fatima.get("/documenten/" + id).statusCode());
        String app = new MobileApp(server.getURI(), json).login(citizen(FATIMA)).access();
        assertEquals(404, browser().getJson("/api/v1/documentverzoeken/" + id, app).statusCode());
        assertTrue(documents.stepsOf(db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(FATIMA)).fetchSingle(BURGER.ID)).stream()
                .noneMatch(s -> s.requestId().equals(id)));

        assertEquals(TODAY.plusDays(12), db.select(DOCUMENTVERZOEK.UITERLIJK).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.PUBLIC_ID.eq(id)).fetchSingle().value1());
        assertEquals(List.of("ASKED"), stepKinds(id));
        assertFalse(mariekeToken.isEmpty());
    }
}
