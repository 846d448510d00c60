package nl.bijstandsportaal.platform.atrest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.bijstandsportaal.account.AccountRepository;
import nl.bijstandsportaal.account.Bsn;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK_BIJLAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new key without downtime (ADR 0042, docs/operations.md "Keys at rest"): with the old and the new key configured
 * everything reads; the re-encryption moves every value to the new key; after that the old key can go and everything
 * still reads. Removing it before that stops the start-up, naming the key.
 */
@MicronautTest
class KeyRotationTest extends AtRestTestBase {

    private static final String NEW_KEY = Base64.getEncoder().encodeToString("the-next-key-of-32-bytes-rotates".getBytes(StandardCharsets.US_ASCII));

    @Test
    void oldKeyStillReadsReencryptionMovesToTheNewOneAndThenTheOldOneCanGo() {
        WebClient marieke = employee(MARIEKE);
        askAndSend(marieke, "Bankafschrift", new Object[]{"bank.pdf", "application/pdf", PDF});
        String cookie = marieke.cookie("portal_session").orElseThrow();
        assertTrue(db.fetchCount(BURGER, BURGER.SLEUTEL.eq("demo")) >= 4);

        // Too early: without the old key the portal does not start, and says which key it misses.
        Map<String, Object> onlyNew = keys("*next:" + NEW_KEY);
        Exception refused = assertThrows(Exception.class, () -> ApplicationContext.run(EmbeddedServer.class, onlyNew, "test").close());
        StringBuilder message = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            message.append(t.getMessage());
        }
        assertTrue(message.toString().contains("[demo]") && message.toString().contains("PORTAL_DATA_KEYS"), message.toString());

        // Both keys, the new one current: old values read, new ones are written with the new key.
        try (EmbeddedServer both = ApplicationContext.run(EmbeddedServer.class, keys(DataKeys.DEMO_DATA_KEYS + ",*next:" + NEW_KEY), "test")) {
            assertEquals("application/pdf", download(both, cookie).headers().firstValue("Content-Type").orElse(""));
            assertEquals(new String(PDF, StandardCharsets.US_ASCII), download(both, cookie).body());
            AccountRepository accounts = both.getApplicationContext().getBean(AccountRepository.class);
            assertTrue(accounts.citizenByBsn(Bsn.parse(SANNE)).isPresent());

            ReencryptionJob job = both.getApplicationContext().getBean(ReencryptionJob.class);
            assertTrue(job.left().values().stream().mapToInt(Integer::intValue).sum() > 0);
            assertTrue(job.run() > 0);
            assertEquals(0, job.left().values().stream().mapToInt(Integer::intValue).sum(), job.left().toString());
            assertEquals(0, job.run(), "nothing left to move");
        }
        assertEquals(0, db.fetchCount(BURGER, BURGER.SLEUTEL.ne("next").or(BURGER.SLEUTEL.isNull())));
        for (byte[] value : db.select(BURGER.BSN_VERSLEUTELD).from(BURGER).fetch(BURGER.BSN_VERSLEUTELD)) {
            assertEquals("next", DataKeys.keyIdOf(value));
        }
        for (var file : db.select(DOCUMENTVERZOEK_BIJLAGE.INHOUD, DOCUMENTVERZOEK_BIJLAGE.SLEUTEL).from(DOCUMENTVERZOEK_BIJLAGE).fetch()) {
            assertEquals("next", DataKeys.keyIdOf(file.value1()));
            assertEquals("next", file.value2());
        }

        // The old key removed: the portal starts and reads everything.
        try (EmbeddedServer next = ApplicationContext.run(EmbeddedServer.class, onlyNew, "test")) {
            assertEquals(new String(PDF, StandardCharsets.US_ASCII), download(next, cookie).body());
            DataKeys keys = next.getApplicationContext().getBean(DataKeys.class);
            List<byte[]> bsns = db.select(BURGER.BSN_VERSLEUTELD).from(BURGER).fetch(BURGER.BSN_VERSLEUTELD);
            assertTrue(bsns.stream().map(b -> keys.openText(b, AtRestColumns.BSN)).anyMatch(SANNE::equals));
            assertTrue(next.getApplicationContext().getBean(AccountRepository.class).citizenByBsn(Bsn.parse(SANNE)).isPresent());
        }
    }

    private Map<String, Object> keys(String dataKeys) {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("portal.data-keys.keys", dataKeys);
        return properties;
    }

    /** Marieke's session (from the first instance) opens the file on another instance. */
    private HttpResponse<String> download(EmbeddedServer instance, String cookie) {
        WebClient there = new WebClient(instance.getURI());
        there.cookies().put("portal_session", cookie);
        List<String> links = Jsoup.parse(there.get("/consulent/burgers/" + sanne()).body())
                .select("a[href^=/consulent/burgers/" + sanne() + "/documenten/]").eachAttr("href");
        HttpResponse<String> file = there.get(links.get(0));
        assertEquals(200, file.statusCode());
        return file;
    }
}
