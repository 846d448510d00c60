package nl.bijstandsportaal.appointments;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestToday;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.AFSPRAAK;
import static nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT;
import static nl.bijstandsportaal.platform.db.generated.Tables.BEZORGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.GESPREKSVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Appointments over HTTP, on both sides: the consulent plans one from the citizen's file; the citizen sees it on the home
 * page and its own page, confirms or asks for another time with one tap, and downloads it for the calendar; the
 * consulent sees the answer, moves or cancels it, and after the time records whether the citizen came (with whether a
 * reminder had reached them). Nobody reaches another's. The app does the same through /api/v1/afspraken.
 */
@MicronautTest
class AppointmentsTest extends PortalTest {

    private static final LocalDate TODAY = TestToday.date();
    private static final Locale NL = Locale.forLanguageTag("nl");

    @Inject
    DSLContext db;
    @Inject
    JsonMapper json;

    private long idOf(String bsn) {
        return db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(bsn)).fetchSingle(BURGER.ID);
    }

    private static String when(LocalDate day, String time) {
        return day.getDayOfWeek().getDisplayName(TextStyle.FULL, NL) + " " + TestToday.dutch(day) + " om " + time;
    }

    private static Map<String, String> form(String token, LocalDate day, String time, String how, String about) {
        Map<String, String> form = new HashMap<>(Map.of("csrfToken", token, "datum", day.toString(), "tijd", time, "duur", "30",
                "vorm", how, "onderwerp", about, "meenemen", "Je identiteitsbewijs"));
        if (how.equals("KANTOOR")) {
            form.put("adres", "Stadhuis, Markt 1, Naaldwijk");
        } else if (how.equals("VIDEO")) {
            form.put("link", "https://video.example.org/kamer/42");
        }
        return form;
    }

    /** Marieke plans an appointment with Sanne; returns its public id. */
    private String plan(WebClient marieke, LocalDate day, String time, String how, String about) {
        long sanne = idOf(SANNE);
        String token = WebClient.csrfToken(marieke.get("/consulent/burgers/" + sanne + "/afspraken/nieuw").body());
        HttpResponse<String> planned = marieke.postForm("/consulent/burgers/" + sanne + "/afspraken", form(token, day, time, how, about));
        assertEquals(303, planned.statusCode(), planned.body());
        return db.select(AFSPRAAK.PUBLIC_ID).from(AFSPRAAK).where(AFSPRAAK.BURGER_ID.eq(sanne)).and(AFSPRAAK.ONDERWERP.eq(about))
                .fetchSingle(AFSPRAAK.PUBLIC_ID);
    }

    @Test
    void theConsulentPlansTheCitizenAnswersAndTheConsulentSeesItMovesAndCancels() {
        long sanne = idOf(SANNE);
        WebClient marieke = employee(MARIEKE);
        String file = marieke.get("/consulent/burgers/" + sanne).body();
        assertTrue(Jsoup.parse(file).getElementById("afspraken-titel") != null, "the file has a section for appointments");
        String formPage = marieke.get("/consulent/burgers/" + sanne + "/afspraken/nieuw").body();
        String token = WebClient.csrfToken(formPage);
        int before = db.fetchCount(AFSPRAAK, AFSPRAAK.BURGER_ID.eq(sanne));

        // Mistakes come back with a message per field and what was typed.
        Map<String, String> wrong = new HashMap<>(Map.of("csrfToken", token, "datum", TestToday.typed(TODAY.minusDays(1)), "tijd", "25:00",
                "duur", "30", "vorm", "VIDEO", "link", "http://niet-veilig.example.org", "onderwerp", "Je plan voor werk"));
        HttpResponse<String> refused = marieke.postForm("/consulent/burgers/" + sanne + "/afspraken", wrong);
        assertEquals(400, refused.statusCode());
        var page = Jsoup.parse(refused.body());
        assertTrue(page.text().contains("Datum: deze dag is al voorbij. Kies vandaag of later."), page.text());
        assertTrue(page.text().contains("Tijd: dit is geen tijd. Schrijf het zo: 10:30."), page.text());
        assertTrue(page.text().contains("Link naar het videogesprek: dit is geen goede link."), page.text());
        assertEquals("Je plan voor werk", page.getElementById("onderwerp").val());
        assertEquals("http://niet-veilig.example.org", page.getElementById("link").val());
        assertEquals(TestToday.typed(TODAY.minusDays(1)), page.getElementById("datum").val());
        assertTrue(page.getElementById("vorm-VIDEO").hasAttr("checked"));
        HttpResponse<String> noPlace = marieke.postForm("/consulent/burgers/" + sanne + "/afspraken",
                Map.of("csrfToken", token, "datum", TODAY.plusDays(3).toString(), "tijd", "10:30", "duur", "30", "vorm", "KANTOOR", "onderwerp", "Iets"));
        assertTrue(Jsoup.parse(noPlace.body()).text().contains("Adres: vul in waar de burger moet komen."));
        HttpResponse<String> tooEarly = marieke.postForm("/consulent/burgers/" + sanne + "/afspraken",
                Map.of("csrfToken", token, "datum", TODAY.plusDays(3).toString(), "tijd", "6:15", "duur", "30", "vorm", "TELEFOON", "onderwerp", "Iets"));
        assertTrue(Jsoup.parse(tooEarly.body()).text().contains("Tijd: kies een tijd tussen 07:00 en 21:00."));
        assertEquals(before, db.fetchCount(AFSPRAAK, AFSPRAAK.BURGER_ID.eq(sanne)), "nothing stored");

        // Planned: stored in UTC, the citizen is told (no personal data in the push), audited.
        LocalDate day = TODAY.plusDays(3);
        String id = plan(marieke, day, "10:30", "KANTOOR", "We bespreken je plan voor werk");
        var row = db.selectFrom(AFSPRAAK).where(AFSPRAAK.PUBLIC_ID.eq(id)).fetchSingle();
        assertEquals(LocalDateTime.ofInstant(day.atTime(10, 30).atZone(TestToday.DUTCH_TIME).toInstant(), ZoneOffset.UTC), row.getBegintOp());
        assertEquals("GEPLAND", row.getStatus());
        assertEquals("GEEN", row.getAntwoord());
        var message = db.selectFrom(MELDING).where(MELDING.BURGER_ID.eq(sanne)).and(MELDING.SLEUTEL.eq("afspraak/" + id + "/1/gepland")).fetchSingle();
        assertEquals("BERICHTEN", message.getOnderwerp());
        assertEquals("/afspraken/" + id, message.getLink());
        assertTrue(db.fetchExists(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(sanne).and(AUDIT_EVENT.ACTION.eq("AFSPRAAK_GEPLAND"))));
        String fileAfter = Jsoup.parse(marieke.get("/consulent/burgers/" + sanne + "?opgeslagen=afspraak").body()).text();
        assertTrue(fileAfter.contains("Opgeslagen. De burger krijgt een bericht.") && fileAfter.contains(when(day, "10:30"))
                && fileAfter.contains("Nog geen antwoord"), fileAfter);

        // Sanne: the message in her inbox, the appointment on her to-do list and its own page.
        WebClient citizen = citizen(SANNE);
        String inbox = Jsoup.parse(citizen.get("/berichten").body()).text();
        assertTrue(inbox.contains("Je consulent heeft een afspraak met je gemaakt: " + TestToday.dutch(day) + " om 10:30. Over: We bespreken je plan voor werk."), inbox);
        String home = Jsoup.parse(citizen.get("/overzicht").body()).text();
        assertTrue(home.contains("Dit moet je doen") && home.contains("Je hebt een afspraak met je consulent: " + when(day, "10:30")), home);
        String list = Jsoup.parse(citizen.get("/afspraken").body()).text();
        assertTrue(list.contains(when(day, "10:30")) && list.contains("Je hebt nog niet laten weten of je komt."), list);
        String mine = citizen.get("/afspraken/" + id).body();
        var minePage = Jsoup.parse(mine);
        assertTrue(minePage.text().contains("Stadhuis, Markt 1, Naaldwijk") && minePage.text().contains("Je identiteitsbewijs")
                && minePage.text().contains("30 minuten, tot 11:00"), minePage.text());
        assertEquals("/afspraken/" + id + "/agenda.ics", minePage.getElementById("agenda").attr("href"));

        // One tap: she will come. The consulent sees it.
        String citizenToken = WebClient.csrfToken(mine);
        HttpResponse<String> confirmed = citizen.postForm("/afspraken/" + id + "/bevestigen", Map.of("csrfToken", citizenToken));
        assertEquals(303, confirmed.statusCode());
        assertTrue(Jsoup.parse(citizen.get(WebClient.location(confirmed)).body()).text().contains("Dank je. Je consulent weet nu dat je komt."));
        assertEquals("BEVESTIGD", db.select(AFSPRAAK.ANTWOORD).from(AFSPRAAK).where(AFSPRAAK.PUBLIC_ID.eq(id)).fetchSingle().value1());
        assertTrue(Jsoup.parse(marieke.get("/consulent/burgers/" + sanne).body()).text().contains("Bevestigd: de burger komt"));

        // A note that is too long comes back kept; then one tap with a note: another time, please.
        String longNote = "x".repeat(501);
        HttpResponse<String> tooLong = citizen.postForm("/afspraken/" + id + "/andere-tijd", Map.of("csrfToken", citizenToken, "notitie", longNote));
        assertEquals(400, tooLong.statusCode());
        assertTrue(Jsoup.parse(tooLong.body()).text().contains("Wanneer kun je wel: maak het korter. Het mag 500 tekens zijn; het zijn er nu 501."));
        assertEquals(longNote, Jsoup.parse(tooLong.body()).getElementById("notitie").val());
        HttpResponse<String> other = citizen.postForm("/afspraken/" + id + "/andere-tijd", Map.of("csrfToken", citizenToken, "notitie", "Liever dinsdag in de middag"));
        assertEquals(303, other.statusCode());
        String withNote = Jsoup.parse(marieke.get("/consulent/burgers/" + sanne).body()).text();
        assertTrue(withNote.contains("Vraagt om een andere tijd") && withNote.contains("Notitie van de burger: Liever dinsdag in de middag"), withNote);

        // The consulent moves it: a new version, the answer asked again, the citizen told in plain words.
        String moveForm = marieke.get("/consulent/burgers/" + sanne + "/afspraken/" + id + "/verzetten").body();
        assertEquals("10:30", Jsoup.parse(moveForm).getElementById("tijd").val());
        LocalDate newDay = TODAY.plusDays(4);
        Map<String, String> moved = form(WebClient.csrfToken(moveForm), newDay, "14:00", "TELEFOON", "We bespreken je plan voor werk");
        assertEquals(303, marieke.postForm("/consulent/burgers/" + sanne + "/afspraken/" + id + "/verzetten", moved).statusCode());
        var after = db.selectFrom(AFSPRAAK).where(AFSPRAAK.PUBLIC_ID.eq(id)).fetchSingle();
        assertEquals(2, after.getVersie());
        assertEquals("GEEN", after.getAntwoord());
        assertNull(after.getAntwoordNotitie());
        assertNull(after.getLocatie());
        assertTrue(db.fetchExists(MELDING, MELDING.BURGER_ID.eq(sanne).and(MELDING.SLEUTEL.eq("afspraak/" + id + "/2/verzet"))));
        String inboxMoved = Jsoup.parse(citizen.get("/berichten").body()).text();
        assertTrue(inboxMoved.contains("Je afspraak van " + TestToday.dutch(day) + " om 10:30 is verzet. De nieuwe tijd is " + TestToday.dutch(newDay) + " om 14:00."), inboxMoved);
        assertTrue(db.fetchExists(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(sanne).and(AUDIT_EVENT.ACTION.eq("AFSPRAAK_VERZET"))));

        // Cancelled: the citizen is told, can no longer answer, and the consulent cannot cancel twice into a new message.
        String token2 = WebClient.csrfToken(marieke.get("/consulent/burgers/" + sanne).body());
        assertEquals(303, marieke.postForm("/consulent/burgers/" + sanne + "/afspraken/" + id + "/annuleren", Map.of("csrfToken", token2)).statusCode());
        assertEquals(303, marieke.postForm("/consulent/burgers/" + sanne + "/afspraken/" + id + "/annuleren", Map.of("csrfToken", token2)).statusCode());
        assertEquals(1, db.fetchCount(MELDING, MELDING.BURGER_ID.eq(sanne).and(MELDING.SLEUTEL.eq("afspraak/" + id + "/geannuleerd"))));
        assertTrue(Jsoup.parse(citizen.get("/berichten").body()).text().contains("Je afspraak van " + TestToday.dutch(newDay) + " om 14:00 gaat niet door."));
        HttpResponse<String> late = citizen.postForm("/afspraken/" + id + "/bevestigen", Map.of("csrfToken", citizenToken));
        assertEquals(409, late.statusCode());
        assertTrue(Jsoup.parse(late.body()).text().contains("Dit kan niet meer: de afspraak gaat niet door of is al begonnen."));
        assertEquals(400, marieke.postForm("/consulent/burgers/" + sanne + "/afspraken/" + id + "/verzetten", moved).statusCode());
        assertEquals(400, marieke.postForm("/consulent/burgers/" + sanne + "/afspraken/" + id + "/uitkomst",
                Map.of("csrfToken", token2, "uitkomst", "GEWEEST")).statusCode(), "no outcome for what did not take place");
    }

    @Test
    void anAppointmentIsAConversationWithEveryStepAndWhatBothSidesWrite() throws Exception {
        long sanne = idOf(SANNE);
        WebClient marieke = employee(MARIEKE);
        String about = "Je vrijwilligerswerk " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = TODAY.plusDays(5);
        String id = plan(marieke, day, "09:30", "TELEFOON", about);

        // Sanne: the appointment is in her conversations, with when, what about, her answer and the first step.
        WebClient citizen = citizen(SANNE);
        var list = Jsoup.parse(citizen.get("/gesprekken").body());
        var link = list.select("a:contains(Afspraak: " + about + ")");
        assertEquals(1, link.size(), list.text());
        String thread = link.attr("href");
        var appointmentPage = Jsoup.parse(citizen.get("/afspraken/" + id).body());
        assertEquals(thread, appointmentPage.getElementById("gesprek").attr("href"), "the appointment page leads to its conversation");
        var page = Jsoup.parse(citizen.get(thread).body());
        assertTrue(page.text().contains("Wanneer: " + when(day, "09:30")) && page.text().contains("Waarover: " + about)
                && page.text().contains("Afspraak gemaakt door Marieke Jansen") && page.text().contains("Je hebt nog niet laten weten of je komt."),
                page.text());
        assertEquals("/afspraken/" + id, page.select("a:contains(Laat weten of je komt)").attr("href"));

        // She asks for another time with a note, then asks a question in the thread; the consulent finds it in the work list.
        String token = WebClient.csrfToken(appointmentPage.outerHtml());
        assertEquals(303, citizen.postForm("/afspraken/" + id + "/andere-tijd", Map.of("csrfToken", token, "notitie", "Liever na 11 uur")).statusCode());
        String question = "Moet ik mijn rooster van het vrijwilligerswerk klaar hebben?";
        String threadToken = WebClient.csrfToken(citizen.get(thread).body());
        assertEquals(303, citizen.postMultipart(thread + "?csrfToken=" + threadToken, Map.of("bericht", question), "bestand", "", "", null).statusCode());
        String consulentThread = "/consulent/burgers/" + sanne + thread;
        var work = Jsoup.parse(marieke.get("/consulent").body());
        assertEquals(1, work.select("a[href=" + consulentThread + "]").size(), work.text());
        assertTrue(work.select("a[href=" + consulentThread + "]").text().contains(about), "named after what the appointment is about");

        // Marieke reads it whole (her steps, Sanne's answer with the note, the question), answers and moves it.
        var seen = Jsoup.parse(marieke.get(consulentThread).body());
        assertTrue(seen.text().contains("Afspraak gepland door Marieke Jansen") && seen.text().contains("Sanne de Vries vraagt om een andere tijd")
                && seen.text().contains("Liever na 11 uur") && seen.text().contains(question), seen.text());
        var file = Jsoup.parse(marieke.get("/consulent/burgers/" + sanne).body());
        assertEquals(consulentThread, file.select("a:contains(Gesprek over deze afspraak)").stream()
                .filter(a -> a.text().contains(when(day, "09:30"))).findFirst().orElseThrow().attr("href"));
        String answer = "Nee, dat hoeft niet. Neem wel je agenda mee.";
        assertEquals(303, marieke.postForm("/consulent/burgers/" + sanne + "/bericht", Map.of("csrfToken", WebClient.csrfToken(seen.outerHtml()),
                "gesprek", thread.substring("/gesprekken/".length()), "bericht", answer, "gecontroleerd", "ja")).statusCode());
        String moveForm = marieke.get("/consulent/burgers/" + sanne + "/afspraken/" + id + "/verzetten").body();
        assertEquals(303, marieke.postForm("/consulent/burgers/" + sanne + "/afspraken/" + id + "/verzetten",
                form(WebClient.csrfToken(moveForm), day, "11:30", "TELEFOON", about)).statusCode());

        // Sanne reads the answer and the move in the same thread.
        String now = Jsoup.parse(citizen.get(thread).body()).text();
        assertTrue(now.contains(answer) && now.contains("Afspraak verzet door Marieke Jansen")
                && now.contains("Van " + when(day, "09:30") + " naar " + when(day, "11:30") + "."), now);
        // (The test clock stands still, so every line has the same moment; in time order, ties keep messages in order.)
        assertTrue(now.contains("Je vroeg om een andere tijd") && now.indexOf(question) < now.indexOf(answer), now);

        // The app: the same conversation with its appointment and every step.
        String app = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        List<Map> all = json.readValue(browser().getJson("/api/v1/gesprekken", app).body(), Argument.listOf(Map.class));
        Map<?, ?> dto = all.stream().filter(c -> c.get("afspraak") != null && id.equals(((Map<?, ?>) c.get("afspraak")).get("id")))
                .findFirst().orElseThrow();
        Map<?, ?> afspraak = (Map<?, ?>) dto.get("afspraak");
        assertEquals(about, afspraak.get("onderwerp"));
        assertEquals("GEEN", afspraak.get("antwoord"), "moved: her answer is asked again");
        assertEquals(true, afspraak.get("kanAntwoorden"));
        assertEquals(List.of("GEPLAND", "ANDERE_TIJD", "VERZET"), ((List<?>) afspraak.get("stappen")).stream().map(x -> ((Map<?, ?>) x).get("soort")).toList());
        Map<?, ?> otherTime = (Map<?, ?>) ((List<?>) afspraak.get("stappen")).get(1);
        assertEquals("Liever na 11 uur", otherTime.get("tekst"));
        assertEquals(List.of(question, answer), ((List<?>) dto.get("berichten")).stream().map(m -> ((Map<?, ?>) m).get("tekst")).toList());

        // The file's timeline has every step; nobody else reaches the thread.
        String timeline = Jsoup.parse(marieke.get("/consulent/burgers/" + sanne + "/tijdlijn").body()).text();
        assertTrue(timeline.contains("Afspraak verzet: " + about) && timeline.contains("De burger vraagt een andere tijd: " + about), timeline);
        assertEquals(404, citizen(FATIMA).get(thread).statusCode());
        assertEquals(404, employee(DENNIS).get(consulentThread).statusCode());
    }

    @Test
    void afterTheTimeTheConsulentRecordsANoShowWithWhetherAReminderReachedTheCitizen() {
        long fatima = idOf(FATIMA);
        long marieke = db.select(MEDEWERKER.ID).from(MEDEWERKER).where(MEDEWERKER.OIDC_SUBJECT.eq(MARIEKE)).fetchSingle(MEDEWERKER.ID);
        Instant yesterday = TODAY.minusDays(1).atTime(14, 0).atZone(TestToday.DUTCH_TIME).toInstant();
        String reminded = pastAppointment(fatima, marieke, yesterday, "Herinnerd gesprek");
        String notReminded = pastAppointment(fatima, marieke, yesterday.minusSeconds(3600), "Niet herinnerd gesprek");
        String attended = pastAppointment(fatima, marieke, yesterday.minusSeconds(7200), "Wel gekomen gesprek");
        // The two-hour reminder of the first went out by push before it started; the second's only waited in the outbox.
        long sent = reminder(fatima, reminded, "uur");
        db.insertInto(BEZORGING).set(BEZORGING.MELDING_ID, sent).set(BEZORGING.KANAAL, "PUSH").set(BEZORGING.DEVICE_ID, 1L)
                .set(BEZORGING.STATUS, "VERSTUURD").set(BEZORGING.NIET_VOOR, utc(yesterday.minusSeconds(7200)))
                .set(BEZORGING.VERSTUURD_OP, utc(yesterday.minusSeconds(7100))).execute();
        long waiting = reminder(fatima, notReminded, "dag");
        db.insertInto(BEZORGING).set(BEZORGING.MELDING_ID, waiting).set(BEZORGING.KANAAL, "EMAIL").set(BEZORGING.DEVICE_ID, 0L)
                .set(BEZORGING.STATUS, "OVERGESLAGEN").set(BEZORGING.NIET_VOOR, utc(yesterday.minusSeconds(90000))).execute();

        WebClient web = employee(MARIEKE);
        String file = web.get("/consulent/burgers/" + fatima).body();
        var buttons = Jsoup.parse(file).select("form[action$=/uitkomst] button");
        assertEquals(6, buttons.size(), "two outcomes for each appointment whose time has passed");
        String token = WebClient.csrfToken(file);
        for (String id : List.of(reminded, notReminded)) {
            assertEquals(303, web.postForm("/consulent/burgers/" + fatima + "/afspraken/" + id + "/uitkomst",
                    Map.of("csrfToken", token, "uitkomst", "NIET_GEKOMEN")).statusCode());
        }
        assertEquals(303, web.postForm("/consulent/burgers/" + fatima + "/afspraken/" + attended + "/uitkomst",
                Map.of("csrfToken", token, "uitkomst", "GEWEEST")).statusCode());
        assertEquals(400, web.postForm("/consulent/burgers/" + fatima + "/afspraken/" + attended + "/uitkomst",
                Map.of("csrfToken", token, "uitkomst", "ZOMAAR")).statusCode());

        assertEquals(true, db.select(AFSPRAAK.HERINNERD).from(AFSPRAAK).where(AFSPRAAK.PUBLIC_ID.eq(reminded)).fetchSingle().value1());
        assertEquals(false, db.select(AFSPRAAK.HERINNERD).from(AFSPRAAK).where(AFSPRAAK.PUBLIC_ID.eq(notReminded)).fetchSingle().value1());
        assertEquals("GEWEEST", db.select(AFSPRAAK.STATUS).from(AFSPRAAK).where(AFSPRAAK.PUBLIC_ID.eq(attended)).fetchSingle().value1());
        String after = Jsoup.parse(web.get("/consulent/burgers/" + fatima).body()).text();
        assertTrue(after.contains("Niet gekomen (een herinnering is wel aangekomen)") && after.contains("Niet gekomen (er is geen herinnering aangekomen)")
                && after.contains("Geweest"), after);
        assertTrue(db.fetchExists(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(fatima).and(AUDIT_EVENT.ACTION.eq("AFSPRAAK_NIET_GEKOMEN"))));
        String inbox = Jsoup.parse(citizen(FATIMA).get("/berichten").body()).text();
        assertTrue(inbox.contains("Je was niet bij je afspraak van " + TestToday.dutch(TODAY.minusDays(1)) + " om 14:00. Bel je consulent"), inbox);
    }

    private String pastAppointment(long burger, long medewerker, Instant start, String about) {
        String id = UUID.randomUUID().toString();
        db.insertInto(AFSPRAAK).set(AFSPRAAK.PUBLIC_ID, id).set(AFSPRAAK.BURGER_ID, burger).set(AFSPRAAK.MEDEWERKER_ID, medewerker)
                .set(AFSPRAAK.BEGINT_OP, utc(start)).set(AFSPRAAK.DUUR_MINUTEN, 30).set(AFSPRAAK.VORM, "TELEFOON")
                .set(AFSPRAAK.ONDERWERP, about).set(AFSPRAAK.STATUS, "GEPLAND").set(AFSPRAAK.ANTWOORD, "BEVESTIGD").set(AFSPRAAK.VERSIE, 1)
                .set(AFSPRAAK.GEPLAND_OP, utc(start.minusSeconds(7 * 86400))).set(AFSPRAAK.GEWIJZIGD_OP, utc(start.minusSeconds(7 * 86400)))
                .execute();
        return id;
    }

    private long reminder(long burger, String appointment, String stage) {
        return db.insertInto(MELDING).set(MELDING.PUBLIC_ID, UUID.randomUUID().toString()).set(MELDING.BURGER_ID, burger)
                .set(MELDING.ONDERWERP, "BERICHTEN").set(MELDING.SLEUTEL, "afspraak/" + appointment + "/1/" + stage)
                .set(MELDING.TEKST, "notification.appointment.hoursBefore").set(MELDING.ARGUMENTEN, "[\"2026-01-01\",\"10:00\"]")
                .set(MELDING.AANGEMAAKT_OP, TestToday.utc().minusDays(2)).returning(MELDING.ID).fetchSingle(MELDING.ID);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Test
    void nobodyReachesAnotherCitizensAppointment() {
        WebClient marieke = employee(MARIEKE);
        String id = plan(marieke, TODAY.plusDays(5), "09:15", "TELEFOON", "Privé " + UUID.randomUUID());
        long sanne = idOf(SANNE);

        // Fatima (another citizen): page, answers, calendar file and app all answer as if it did not exist.
        WebClient fatima = citizen(FATIMA);
        assertEquals(404, fatima.get("/afspraken/" + id).statusCode());
        assertEquals(404, fatima.get("/afspraken/" + id + "/agenda.ics").statusCode());
        String token = WebClient.csrfToken(fatima.get("/afspraken").body());
        assertEquals(404, fatima.postForm("/afspraken/" + id + "/bevestigen", Map.of("csrfToken", token)).statusCode());
        assertEquals(404, fatima.postForm("/afspraken/" + id + "/andere-tijd", Map.of("csrfToken", token, "notitie", "x".repeat(600))).statusCode());
        assertFalse(fatima.get("/afspraken").body().contains(id));
        String app = new MobileApp(server.getURI(), json).login(citizen(FATIMA)).access();
        HttpResponse<String> api = browser().getJson("/api/v1/afspraken/" + id, app);
        assertEquals(404, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(404, browser().postJson("/api/v1/afspraken/" + id + "/bevestigen", "", MobileApp.auth(app, null)).statusCode());
        assertEquals(404, browser().postJson("/api/v1/afspraken/" + id + "/verzetten", "{}", MobileApp.auth(app, null)).statusCode());
        assertEquals(404, browser().send(HttpRequest.newBuilder(URI.create(server.getURI() + "/api/v1/afspraken/" + id + "/agenda.ics"))
                .header("Authorization", "Bearer " + app).header("Accept", "text/calendar").GET()).statusCode());
        assertEquals("GEEN", db.select(AFSPRAAK.ANTWOORD).from(AFSPRAAK).where(AFSPRAAK.PUBLIC_ID.eq(id)).fetchSingle().value1());

        // Dennis (a consulent of Utrecht) cannot see, plan, move, cancel or record anything of Sanne (Westland).
        WebClient dennis = employee(DENNIS);
        String dennisToken = WebClient.csrfToken(dennis.get("/consulent").body());
        assertEquals(404, dennis.get("/consulent/burgers/" + sanne + "/afspraken/nieuw").statusCode());
        assertEquals(404, dennis.postForm("/consulent/burgers/" + sanne + "/afspraken",
                form(dennisToken, TODAY.plusDays(3), "10:00", "TELEFOON", "Van Utrecht")).statusCode());
        assertEquals(404, dennis.get("/consulent/burgers/" + sanne + "/afspraken/" + id + "/verzetten").statusCode());
        assertEquals(404, dennis.postForm("/consulent/burgers/" + sanne + "/afspraken/" + id + "/annuleren", Map.of("csrfToken", dennisToken)).statusCode());
        assertEquals(404, dennis.postForm("/consulent/burgers/" + sanne + "/afspraken/" + id + "/uitkomst",
                Map.of("csrfToken", dennisToken, "uitkomst", "NIET_GEKOMEN")).statusCode());
        assertEquals("GEPLAND", db.select(AFSPRAAK.STATUS).from(AFSPRAAK).where(AFSPRAAK.PUBLIC_ID.eq(id)).fetchSingle().value1());

        // A citizen cannot reach the consulent's side at all.
        WebClient sanneWeb = citizen(SANNE);
        assertEquals(403, sanneWeb.get("/consulent/burgers/" + sanne + "/afspraken/nieuw").statusCode());
        String sanneToken = WebClient.csrfToken(sanneWeb.get("/afspraken").body());
        assertEquals(403, sanneWeb.postForm("/consulent/burgers/" + sanne + "/afspraken/" + id + "/annuleren", Map.of("csrfToken", sanneToken)).statusCode());
    }

    /** The calendar file: RFC 5545 lines (CRLF, folded at 75 octets), UTC times, a stable UID, texts escaped. */
    @Test
    void theCalendarFileIsAValidEventThatKeepsItsUidWhenMoved() {
        WebClient marieke = employee(MARIEKE);
        LocalDate day = TODAY.plusDays(6);
        String about = "Werk; inkomsten, en je plan \\ een lange zin die zeker langer is dan vijfenzeventig tekens, met een é erin";
        String id = plan(marieke, day, "09:45", "VIDEO", about);
        WebClient sanne = citizen(SANNE);
        HttpResponse<String> file = sanne.get("/afspraken/" + id + "/agenda.ics");
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"), file.headers().toString());
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"afspraak-" + day + ".ics\""));
        String body = file.body();
        assertTrue(body.endsWith("\r\n") && !body.replace("\r\n", "").contains("\n"), "every line ends with CRLF");
        for (String line : body.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded at 75 octets: " + line);
        }
        Map<String, String> props = unfold(body);
        assertEquals("PUBLISH", props.get("METHOD"));
        assertEquals("2.0", props.get("VERSION"));
        assertEquals(id + "@bijstandsportaal", props.get("UID"));
        assertEquals("0", props.get("SEQUENCE"));
        String start = utcStamp(day.atTime(9, 45).atZone(TestToday.DUTCH_TIME).toInstant());
        assertEquals(start, props.get("DTSTART"));
        assertEquals(utcStamp(day.atTime(10, 15).atZone(TestToday.DUTCH_TIME).toInstant()), props.get("DTEND"));
        assertEquals("Afspraak met je consulent: Werk\\; inkomsten\\, en je plan \\\\ een lange zin die zeker langer is dan vijfenzeventig tekens\\, met een é erin",
                props.get("SUMMARY"));
        assertEquals("https://video.example.org/kamer/42", props.get("LOCATION"));
        assertTrue(props.get("DESCRIPTION").contains("\\nNeem mee: Je identiteitsbewijs\\n"), props.get("DESCRIPTION"));
        assertEquals("CONFIRMED", props.get("STATUS"));

        // Moved: the same UID, one more SEQUENCE, the new time. The app gets the same file.
        String moveForm = marieke.get("/consulent/burgers/" + idOf(SANNE) + "/afspraken/" + id + "/verzetten").body();
        assertEquals(303, marieke.postForm("/consulent/burgers/" + idOf(SANNE) + "/afspraken/" + id + "/verzetten",
                form(WebClient.csrfToken(moveForm), day.plusDays(1), "11:00", "KANTOOR", "Kort")).statusCode());
        String app = new MobileApp(server.getURI(), json).login(sanne).access();
        HttpResponse<String> fromApp = browser().send(HttpRequest.newBuilder(URI.create(server.getURI() + "/api/v1/afspraken/" + id + "/agenda.ics"))
                .header("Authorization", "Bearer " + app).GET());
        assertEquals(200, fromApp.statusCode());
        assertTrue(fromApp.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        Map<String, String> moved = unfold(fromApp.body());
        assertEquals(id + "@bijstandsportaal", moved.get("UID"));
        assertEquals("1", moved.get("SEQUENCE"));
        assertEquals(utcStamp(day.plusDays(1).atTime(11, 0).atZone(TestToday.DUTCH_TIME).toInstant()), moved.get("DTSTART"));
        assertEquals("Stadhuis\\, Markt 1\\, Naaldwijk", moved.get("LOCATION"));
    }

    private static String utcStamp(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(instant);
    }

    /** The file's properties by name (the first of each), lines unfolded (RFC 5545 3.1). */
    static Map<String, String> unfold(String ics) {
        List<String> lines = new ArrayList<>();
        for (String raw : ics.split("\r\n")) {
            if (raw.startsWith(" ") && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + raw.substring(1));
            } else {
                lines.add(raw);
            }
        }
        Map<String, String> props = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            props.putIfAbsent(line.substring(0, colon), line.substring(colon + 1));
        }
        return props;
    }

    @Test
    void theAppListsConfirmsAsksAnotherTimeAndAsksForAConversationOnce() throws Exception {
        WebClient marieke = employee(MARIEKE);
        LocalDate day = TODAY.plusDays(8);
        String id = plan(marieke, day, "13:00", "KANTOOR", "Gesprek over je inkomsten " + UUID.randomUUID());
        String app = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();

        List<Map> all = json.readValue(browser().getJson("/api/v1/afspraken", app).body(), Argument.listOf(Map.class));
        Map<?, ?> listed = all.stream().filter(a -> id.equals(a.get("id"))).findFirst().orElseThrow();
        assertEquals(day.atTime(13, 0).atZone(TestToday.DUTCH_TIME).toInstant().toString(), Instant.parse((String) listed.get("begint")).toString());
        assertEquals(when(day, "13:00"), listed.get("wanneer"));
        assertEquals("KANTOOR", listed.get("vorm"));
        assertEquals("Stadhuis, Markt 1, Naaldwijk", listed.get("adres"));
        assertEquals("GEEN", listed.get("antwoord"));
        assertEquals(true, listed.get("kanAntwoorden"));
        assertEquals("/api/v1/afspraken/" + id + "/agenda.ics", listed.get("agenda"));

        HttpResponse<String> confirmed = browser().postJson("/api/v1/afspraken/" + id + "/bevestigen", "", MobileApp.auth(app, null));
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals("BEVESTIGD", json.readValue(confirmed.body(), Map.class).get("antwoord"));

        HttpResponse<String> tooLong = browser().postJson("/api/v1/afspraken/" + id + "/verzetten",
                "{\"toelichting\":\"" + "x".repeat(501) + "\"}", MobileApp.auth(app, null));
        assertEquals(422, tooLong.statusCode());
        assertTrue(tooLong.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(tooLong.body().contains("\"toelichting\"") && tooLong.body().contains("maak het korter"), tooLong.body());
        HttpResponse<String> other = browser().postJson("/api/v1/afspraken/" + id + "/verzetten", "{\"toelichting\":\"Na 12 uur\"}", MobileApp.auth(app, null));
        assertEquals(200, other.statusCode(), other.body());
        Map<?, ?> otherBody = json.readValue(other.body(), Map.class);
        assertEquals("ANDERE_TIJD", otherBody.get("antwoord"));
        assertEquals("Na 12 uur", otherBody.get("toelichting"));
        assertTrue(Jsoup.parse(marieke.get("/consulent/burgers/" + idOf(SANNE)).body()).text().contains("Notitie van de burger: Na 12 uur"));

        // Asking for a conversation: bad input named per field; with a key, a retry adds nothing.
        HttpResponse<String> empty = browser().postJson("/api/v1/afspraken/verzoek", "{\"vorm\":\"BRIEF\"}", MobileApp.auth(app, UUID.randomUUID().toString()));
        assertEquals(422, empty.statusCode());
        // A value outside the contract's list is refused first (StrictApiInput); then what is missing is named.
        assertTrue(empty.body().contains("\"vorm\""), empty.body());
        HttpResponse<String> noAbout = browser().postJson("/api/v1/afspraken/verzoek", "{\"vorm\":\"VIDEO\"}", MobileApp.auth(app, UUID.randomUUID().toString()));
        assertEquals(422, noAbout.statusCode());
        assertTrue(noAbout.body().contains("\"onderwerp\""), noAbout.body());
        String key = UUID.randomUUID().toString();
        String about = "Ik heb werk gevonden " + UUID.randomUUID();
        String body = "{\"onderwerp\":\"" + about + "\",\"vorm\":\"TELEFOON\",\"voorkeurstijden\":\"Maandag\"}";
        HttpResponse<String> first = browser().postJson("/api/v1/afspraken/verzoek", body, MobileApp.auth(app, key));
        HttpResponse<String> retry = browser().postJson("/api/v1/afspraken/verzoek", body, MobileApp.auth(app, key));
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(json.readValue(first.body(), Map.class).get("id"), json.readValue(retry.body(), Map.class).get("id"));
        assertEquals(1, db.fetchCount(GESPREKSVERZOEK, GESPREKSVERZOEK.ONDERWERP.eq(about)));
        assertEquals(422, browser().postJson("/api/v1/afspraken/verzoek", body.replace("Maandag", "Dinsdag"), MobileApp.auth(app, key)).statusCode(),
                "one key, another request: refused");

        // It reaches the consulent's file; planning from it closes the request and fills in the subject.
        long sanne = idOf(SANNE);
        String file = marieke.get("/consulent/burgers/" + sanne).body();
        assertTrue(Jsoup.parse(file).text().contains(about) && Jsoup.parse(file).text().contains("Kan het best: Maandag"));
        String requestId = (String) json.readValue(first.body(), Map.class).get("id");
        String planForm = marieke.get("/consulent/burgers/" + sanne + "/afspraken/nieuw?verzoek=" + requestId).body();
        var planPage = Jsoup.parse(planForm);
        assertEquals(about, planPage.getElementById("onderwerp").val());
        assertTrue(planPage.getElementById("vorm-TELEFOON").hasAttr("checked"));
        Map<String, String> planned = form(WebClient.csrfToken(planForm), TODAY.plusDays(9), "10:00", "TELEFOON", about);
        planned.put("verzoek", requestId);
        assertEquals(303, marieke.postForm("/consulent/burgers/" + sanne + "/afspraken", planned).statusCode());
        assertEquals("GEPLAND", db.select(GESPREKSVERZOEK.STATUS).from(GESPREKSVERZOEK).where(GESPREKSVERZOEK.PUBLIC_ID.eq(requestId)).fetchSingle().value1());
    }

    @Test
    void theCitizenAsksForAConversationOnTheWeb() {
        WebClient sanne = citizen(SANNE);
        String page = sanne.get("/gesprek-aanvragen").body();
        String token = WebClient.csrfToken(page);
        HttpResponse<String> empty = sanne.postForm("/gesprek-aanvragen", Map.of("csrfToken", token, "onderwerp", " ", "vorm", "VIDEO", "voorkeur", "Woensdag"));
        assertEquals(400, empty.statusCode());
        var refused = Jsoup.parse(empty.body());
        assertTrue(refused.text().contains("Waarover wil je praten: schrijf een paar woorden."), refused.text());
        assertEquals("Woensdag", refused.getElementById("voorkeur").val());
        assertTrue(refused.getElementById("vorm-VIDEO").hasAttr("checked"));
        HttpResponse<String> sent = sanne.postForm("/gesprek-aanvragen", Map.of("csrfToken", token, "onderwerp", "Mijn huur gaat omhoog", "vorm", "VIDEO"));
        assertEquals(303, sent.statusCode());
        String list = Jsoup.parse(sanne.get(WebClient.location(sent)).body()).text();
        assertTrue(list.contains("Je vraag is verstuurd.") && list.contains("om een gesprek over: Mijn huur gaat omhoog"), list);
        String file = Jsoup.parse(employee(MARIEKE).get("/consulent/burgers/" + idOf(SANNE)).body()).text();
        assertTrue(file.contains("Vraagt om een gesprek") && file.contains("Mijn huur gaat omhoog"), file);
    }
}
