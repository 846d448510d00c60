package nl.bijstandsportaal.notifications;

import nl.bijstandsportaal.testsupport.TestRows;

import nl.bijstandsportaal.testsupport.TestToday;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import nl.bijstandsportaal.testsupport.PortalTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.BEZORGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** E-mail over real SMTP (GreenMail): the generic e-mail with the link, and nothing of the message itself. */
@MicronautTest
class EmailDeliveryTest extends PortalTest {

    final GreenMail smtp = new GreenMail(ServerSetup.SMTP.dynamicPort());

    {
        smtp.start();
    }

    @Inject
    DSLContext db;
    @Inject
    Outbox outbox;
    @Inject
    Dispatcher dispatcher;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("portal.email.smtp-host", "127.0.0.1");
        properties.put("portal.email.from", "noreply@bijstandsportaal.example");
        properties.put("javamail.properties.mail.smtp.host", "127.0.0.1");
        properties.put("javamail.properties.mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
        return properties;
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void theEmailSaysAMessageIsWaitingAndNothingMore() throws Exception {
        long sanne = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(SANNE)).fetchSingle(BURGER.ID);
        db.update(BURGER).set(BURGER.EMAIL, "sanne.devries@example.org").set(BURGER.STILLE_UREN_VAN, LocalTime.MIDNIGHT)
                .set(BURGER.STILLE_UREN_TOT, LocalTime.MIDNIGHT).where(BURGER.ID.eq(sanne)).execute();
        // One database for all test classes: leave out what other tests left waiting.
        db.update(BEZORGING).set(BEZORGING.STATUS, Outbox.Delivery.SKIPPED).where(BEZORGING.STATUS.eq(Outbox.Delivery.WAITING)).execute();
        String secret = "Je uitkering wordt verlaagd met 120 euro";
        long id = db.transactionResult(tx -> outbox.write(tx.dsl(), new Outbox.Message(sanne, Topic.BERICHTEN, "test/" + UUID.randomUUID(),
                "notification.message.new", "[\"" + secret + "\"]", null), TestToday.instant())).orElseThrow();

        dispatcher.dispatchAll();

        assertEquals(Outbox.Delivery.SENT, db.select(BEZORGING.STATUS).from(BEZORGING).where(BEZORGING.MELDING_ID.eq(id))
                .and(BEZORGING.KANAAL.eq("EMAIL")).fetchSingle(BEZORGING.STATUS));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Er staat een bericht voor je klaar", received[0].getSubject());
        assertEquals("sanne.devries@example.org", received[0].getAllRecipients()[0].toString());
        String body = GreenMailUtil.getBody(received[0]);
        assertTrue(body.contains("/berichten"), body);
        assertFalse(body.contains("120 euro") || body.contains("Sanne"), "the content shows only after login: " + body);
    }
}
