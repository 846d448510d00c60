package nl.bijstandsportaal.casework;

import nl.bijstandsportaal.testsupport.TestRows;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.AUDIT_EVENT;
import static nl.bijstandsportaal.platform.db.generated.Tables.BEZORGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A consulent sends a plain message from the citizen's page: it lands in the inbox with its deliveries, audited. */
@MicronautTest
class ConsulentMessageTest extends PortalTest {

    @Inject
    DSLContext db;

    @Test
    void aMessageReachesTheInboxWithAGenericDeliveryAndIsAudited() {
        long sanne = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(SANNE)).fetchSingle(BURGER.ID);
        db.update(BURGER).set(BURGER.EMAIL, "sanne@example.org").where(BURGER.ID.eq(sanne)).execute();
        WebClient marieke = employee(MARIEKE);
        String page = marieke.get("/consulent/burgers/" + sanne).body();
        String token = WebClient.csrfToken(page);

        HttpResponse<String> empty = marieke.postForm("/consulent/burgers/" + sanne + "/bericht", Map.of("csrfToken", token, "bericht", "  "));
        assertEquals(400, empty.statusCode());
        String errors = Jsoup.parse(empty.body()).text();
        assertTrue(errors.contains("Bericht: schrijf eerst een bericht."), errors);

        String text = "Hoi Sanne, wil je je loonstrook van oktober nog sturen? Groet, Marieke";
        // First the readability check of what was typed; nothing is sent yet, the text stays in the form.
        HttpResponse<String> checked = marieke.postForm("/consulent/burgers/" + sanne + "/bericht", Map.of("csrfToken", token, "bericht", text));
        assertEquals(200, checked.statusCode());
        var checkPage = Jsoup.parse(checked.body());
        assertTrue(checkPage.getElementById("leesbaarheid") != null, checked.body());
        assertEquals(text, checkPage.getElementById("bericht").text());
        assertEquals("ja", checkPage.select("button[name=gecontroleerd]").attr("value"), "Versturen sends it as it is");
        assertEquals(0, db.fetchCount(MELDING, MELDING.BURGER_ID.eq(sanne).and(MELDING.ARGUMENTEN.contains("loonstrook van oktober"))));
        HttpResponse<String> sent = marieke.postForm("/consulent/burgers/" + sanne + "/bericht",
                Map.of("csrfToken", token, "bericht", text, "gecontroleerd", "ja"));
        assertEquals(303, sent.statusCode(), sent.body());
        var file = Jsoup.parse(marieke.get(sent.headers().firstValue("Location").orElseThrow()).body());
        assertTrue(file.text().contains("Je bericht is verstuurd."), file.text());
        // The message is a conversation of its own; opening it shows the text whole and that it is not read yet.
        String thread = Jsoup.parse(marieke.get(file.select("a[href*=/gesprekken/]").last().attr("href")).body()).text();
        assertTrue(thread.contains(text) && thread.contains("Nog niet gelezen."), thread);

        var melding = db.selectFrom(MELDING).where(MELDING.BURGER_ID.eq(sanne)).and(MELDING.SLEUTEL.like("bericht/%"))
                .orderBy(MELDING.ID.desc()).limit(1).fetchSingle();
        assertEquals("BERICHTEN", melding.getOnderwerp());
        assertEquals("notification.message.new", melding.getTekst());
        assertTrue(melding.getArgumenten().contains("loonstrook van oktober"));
        assertEquals(1, db.fetchCount(BEZORGING, BEZORGING.MELDING_ID.eq(melding.getId()).and(BEZORGING.KANAAL.eq("EMAIL"))));
        assertTrue(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.BURGER_ID.eq(sanne).and(AUDIT_EVENT.ACTION.eq("BERICHT_VERSTUURD"))) >= 1);
    }

    @Test
    void aConsulentOfAnotherMunicipalityCannotSendOne() {
        long sanne = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(SANNE)).fetchSingle(BURGER.ID);
        WebClient dennis = employee(DENNIS);
        String token = WebClient.csrfToken(dennis.get("/consulent").body());
        int before = db.fetchCount(MELDING, MELDING.BURGER_ID.eq(sanne).and(MELDING.SLEUTEL.like("bericht/%")));

        HttpResponse<String> refused = dennis.postForm("/consulent/burgers/" + sanne + "/bericht", Map.of("csrfToken", token, "bericht", "Hallo", "gecontroleerd", "ja"));

        assertEquals(404, refused.statusCode());
        assertEquals(before, db.fetchCount(MELDING, MELDING.BURGER_ID.eq(sanne).and(MELDING.SLEUTEL.like("bericht/%"))));
    }
}
