package nl.bijstandsportaal.notifications;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import io.micronaut.json.JsonMapper;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.bijstandsportaal.platform.db.generated.Tables.BEZORGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.EMAIL_BEVESTIGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A citizen gives an e-mail address and confirms it with a one-time link (ADR 0040); only a confirmed address gets e-mail. */
@MicronautTest
class EmailConfirmationTest extends PortalTest {

    @Inject
    JsonMapper json;

    private static final String AHMED = "999990068";
    private static final Pattern LINK = Pattern.compile("(/meldingen/email/bevestigen\\?code=[A-Za-z0-9_-]+)");

    @Inject
    DSLContext db;
    @Inject
    RecordingSenders recording;
    @Inject
    Outbox outbox;

    private long burger(String bsn) {
        return db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(bsn)).fetchSingle(BURGER.ID);
    }

    /** Gives {@code address} on the settings page; returns the link path from the e-mail sent to it. */
    private String give(WebClient web, String address) {
        String form = web.get("/meldingen/instellingen").body();
        HttpResponse<String> sent = web.postForm("/meldingen/email", Map.of("csrfToken", WebClient.csrfToken(form), "email", address));
        assertEquals(303, sent.statusCode(), sent.body());
        RecordingSenders.Sent mail = recording.recent().stream().filter(s -> s.to().equals(address)).findFirst().orElseThrow();
        assertEquals("Bevestig je e-mailadres", mail.title());
        Matcher m = LINK.matcher(mail.body());
        assertTrue(m.find(), mail.body());
        return m.group(1);
    }

    private HttpResponse<String> confirm(WebClient web, String link) {
        HttpResponse<String> page = web.get(link);
        String code = link.substring(link.indexOf("code=") + 5);
        String csrf = WebClient.csrfToken(page.statusCode() == 200 ? page.body() : web.get("/meldingen/instellingen").body());
        return web.postForm("/meldingen/email/bevestigen", Map.of("csrfToken", csrf, "code", code));
    }

    private long emailDeliveries(String bsn) {
        return db.fetchCount(BEZORGING.join(MELDING).on(MELDING.ID.eq(BEZORGING.MELDING_ID)),
                MELDING.BURGER_ID.eq(burger(bsn)).and(BEZORGING.KANAAL.eq("EMAIL")));
    }

    private void write(String bsn) {
        Outbox.Message message = new Outbox.Message(burger(bsn), Topic.BERICHTEN, "test/" + UUID.randomUUID(),
                "notification.income.soon", "[\"2026-11-01\",\"2026-11-30\",\"2026-12-10\"]", "/berichten");
        db.transactionResult(tx -> outbox.write(tx.dsl(), message, Instant.parse("2026-11-23T10:00:00Z")));
    }

    @Test
    void aBadAddressIsNamedAtItsField() {
        WebClient web = citizen(HENK);
        String form = web.get("/meldingen/instellingen").body();
        int before = recording.recent().size();
        for (String bad : new String[]{"henk.example.org", "henk@", "henk @example.org", "henk@example"}) {
            HttpResponse<String> back = web.postForm("/meldingen/email", Map.of("csrfToken", WebClient.csrfToken(form), "email", bad));
            assertEquals(400, back.statusCode(), bad);
            Document page = Jsoup.parse(back.body());
            assertEquals("E-mailadres: dit is geen e-mailadres dat we kunnen lezen. Schrijf het zo: naam@voorbeeld.nl.",
                    page.selectFirst("#fouten a[href=#email]").text(), bad);
            assertEquals(bad, page.selectFirst("#email").val());
            assertEquals("true", page.selectFirst("#email").attr("aria-invalid"));
        }
        HttpResponse<String> empty = web.postForm("/meldingen/email", Map.of("csrfToken", WebClient.csrfToken(form), "email", " "));
        assertEquals(400, empty.statusCode());
        assertEquals("E-mailadres: vul je e-mailadres in.", Jsoup.parse(empty.body()).selectFirst("#fouten a[href=#email]").text());
        assertEquals(before, recording.recent().size(), "nothing sent");
        assertEquals(0, db.fetchCount(EMAIL_BEVESTIGING, EMAIL_BEVESTIGING.BURGER_ID.eq(burger(HENK))));
        assertEquals(403, web.postForm("/meldingen/email", Map.of("email", "henk@example.org")).statusCode(), "no CSRF token");
    }

    @Test
    void theLinkWorksOnceAndOnlyThenEmailGoesOut() {
        WebClient web = citizen(AHMED);
        db.update(BURGER).setNull(BURGER.EMAIL).where(BURGER.ID.eq(burger(AHMED))).execute();
        String link = give(web, "ahmed@example.org");

        Document waiting = Jsoup.parse(web.get("/meldingen/instellingen").body());
        assertTrue(waiting.selectFirst("[data-email-bevestigd]").text().contains("nog geen bevestigd e-mailadres"), waiting.text());
        assertTrue(waiting.selectFirst("[data-email-wacht]").text().contains("ahmed@example.org"));
        String hash = db.select(EMAIL_BEVESTIGING.TOKEN_HASH).from(EMAIL_BEVESTIGING).where(EMAIL_BEVESTIGING.BURGER_ID.eq(burger(AHMED)))
                .fetchSingle(EMAIL_BEVESTIGING.TOKEN_HASH);
        assertFalse(link.contains(hash), "only the hash is stored");
        assertEquals(EmailAddresses.hash(link.substring(link.indexOf("code=") + 5)), hash);

        write(AHMED);
        assertEquals(0, emailDeliveries(AHMED), "no e-mail before the address is confirmed");

        HttpResponse<String> page = web.get(link);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(Jsoup.parse(page.body()).text().contains("ahmed@example.org"));
        HttpResponse<String> done = confirm(web, link);
        assertEquals(303, done.statusCode(), done.body());
        Document after = Jsoup.parse(web.follow(done).body());
        assertTrue(after.text().contains("Je e-mailadres is bevestigd."), after.text());
        assertEquals("Bevestigd e-mailadres: ahmed@example.org. Meldingen per e-mail gaan naar dit adres.",
                after.selectFirst("[data-email-bevestigd]").text());
        assertNull(after.selectFirst("[data-email-wacht]"));
        assertNotNull(db.select(BURGER.EMAIL_BEVESTIGD_OP).from(BURGER).where(BURGER.ID.eq(burger(AHMED))).fetchSingle(BURGER.EMAIL_BEVESTIGD_OP));

        assertEquals(404, web.get(link).statusCode(), "a link works once");
        assertEquals(404, confirm(web, link).statusCode());

        write(AHMED);
        assertEquals(1, emailDeliveries(AHMED), "e-mail once the address is confirmed");

        String form = web.get("/meldingen/instellingen").body();
        HttpResponse<String> removed = web.postForm("/meldingen/email/verwijderen", Map.of("csrfToken", WebClient.csrfToken(form)));
        assertEquals(303, removed.statusCode());
        assertNull(db.select(BURGER.EMAIL).from(BURGER).where(BURGER.ID.eq(burger(AHMED))).fetchSingle(BURGER.EMAIL));
        write(AHMED);
        assertEquals(1, emailDeliveries(AHMED), "no e-mail after removing");
    }

    @Test
    void aNewAddressWaitsWhileTheConfirmedOneStays() {
        WebClient web = citizen(JAN);
        String app = new MobileApp(server.getURI(), json).login(citizen(JAN)).access();
        db.update(BURGER).set(BURGER.EMAIL, "jan@example.org").where(BURGER.ID.eq(burger(JAN))).execute();
        String first = give(web, "jan.oud@example.org");
        String second = give(web, "jan.nieuw@example.org");
        assertEquals("jan@example.org", db.select(BURGER.EMAIL).from(BURGER).where(BURGER.ID.eq(burger(JAN))).fetchSingle(BURGER.EMAIL),
                "the confirmed address stays until the new one is confirmed");
        assertEquals("jan@example.org", me(app).get("email"), "the app sees the confirmed address only");
        assertEquals(404, web.get(first).statusCode(), "a newer address replaces the link before");
        assertEquals(303, confirm(web, second).statusCode());
        assertEquals("jan.nieuw@example.org", db.select(BURGER.EMAIL).from(BURGER).where(BURGER.ID.eq(burger(JAN))).fetchSingle(BURGER.EMAIL));
        assertEquals("jan.nieuw@example.org", me(app).get("email"));

        String form = web.get("/meldingen/instellingen").body();
        assertEquals(303, web.postForm("/meldingen/email/verwijderen", Map.of("csrfToken", WebClient.csrfToken(form))).statusCode());
        assertFalse(me(app).containsKey("email"), "no address: no field");
    }

    private Map<?, ?> me(String token) {
        HttpResponse<String> answer = browser().getJson("/api/v1/ik", token);
        assertEquals(200, answer.statusCode(), answer.body());
        try {
            return json.readValue(answer.body(), Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anExpiredLinkSaysSo() {
        WebClient web = citizen(SANNE);
        String before = db.select(BURGER.EMAIL).from(BURGER).where(BURGER.ID.eq(burger(SANNE))).fetchOne(BURGER.EMAIL);
        String link = give(web, "sanne.nieuw@example.org");
        db.update(EMAIL_BEVESTIGING).set(EMAIL_BEVESTIGING.VERLOOPT_OP, LocalDateTime.of(2000, 1, 1, 0, 0))
                .where(EMAIL_BEVESTIGING.BURGER_ID.eq(burger(SANNE))).execute();
        HttpResponse<String> page = web.get(link);
        assertEquals(410, page.statusCode());
        assertTrue(Jsoup.parse(page.body()).text().contains("Deze link werkt niet meer."), page.body());
        assertEquals(410, confirm(web, link).statusCode());
        assertEquals(before, db.select(BURGER.EMAIL).from(BURGER).where(BURGER.ID.eq(burger(SANNE))).fetchOne(BURGER.EMAIL));
        assertNull(Jsoup.parse(web.get("/meldingen/instellingen").body()).selectFirst("[data-email-wacht]"), "no longer shown as waiting");
    }

    @Test
    void anotherCitizensLinkDoesNotWork() {
        WebClient fatima = citizen(FATIMA);
        String link = give(fatima, "fatima.nieuw@example.org");
        WebClient sanne = citizen(SANNE);
        String sannes = db.select(BURGER.EMAIL).from(BURGER).where(BURGER.ID.eq(burger(SANNE))).fetchOne(BURGER.EMAIL);
        HttpResponse<String> page = sanne.get(link);
        assertEquals(404, page.statusCode());
        assertFalse(page.body().contains("fatima.nieuw@example.org"), "the address is not shown to another");
        assertEquals(404, confirm(sanne, link).statusCode());
        assertEquals(sannes, db.select(BURGER.EMAIL).from(BURGER).where(BURGER.ID.eq(burger(SANNE))).fetchOne(BURGER.EMAIL));
        assertNotEquals("fatima.nieuw@example.org", sannes);
        assertEquals(404, sanne.get("/meldingen/email/bevestigen?code=nonsense").statusCode());
        assertEquals(404, sanne.get("/meldingen/email/bevestigen").statusCode());

        assertEquals(303, confirm(fatima, link).statusCode(), "still works for its owner");
        assertEquals("fatima.nieuw@example.org", db.select(BURGER.EMAIL).from(BURGER).where(BURGER.ID.eq(burger(FATIMA))).fetchOne(BURGER.EMAIL));
    }

    @Test
    void theLinkNeedsLogin() {
        HttpResponse<String> anonymous = browser().get("/meldingen/email/bevestigen?code=abc");
        assertTrue(anonymous.statusCode() == 303 || anonymous.statusCode() == 302 || anonymous.statusCode() == 401, "" + anonymous.statusCode());
    }

    @Test
    void thePageExplainsTheApp() {
        Document page = Jsoup.parse(citizen(HENK).get("/meldingen/instellingen").body());
        String text = page.text();
        assertTrue(text.contains("de app van je gemeente"), text);
        assertTrue(text.contains("Log in met DigiD"), text);
        assertEquals(0, page.select("a[href*=play.google], a[href*=apps.apple]").size(), "no store links");
    }
}
