package nl.bijstandsportaal.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.bijstandsportaal.testsupport.PortalTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the demo off (the default), its pages do not exist, and the portal starts only with secrets of its own and the
 * real clock (ADR 0034).
 */
@MicronautTest
class DemoOffTest extends PortalTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("portal.demo.enabled", "false");
        properties.remove("portal.clock.fixed");
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", "a-test-secret-of-this-installation-0123456789abcdef");
        properties.put("portal.csrf.secret", "a-test-csrf-secret-of-this-installation-0123456789");
        // Keys at rest of this installation (ADR 0042): 32 bytes each, base64.
        properties.put("portal.data-keys.keys", "*k1:" + java.util.Base64.getEncoder().encodeToString("an-installation-data-key-32bytes".getBytes()));
        properties.put("portal.data-keys.bsn-index-key", java.util.Base64.getEncoder().encodeToString("an-installation-index-key-32byte".getBytes()));
        return properties;
    }

    @Test
    void withoutKeysAtRestOrWithTheDemoKeysThePortalDoesNotStart() {
        Map<String, Object> missing = new HashMap<>(getProperties());
        missing.put("portal.data-keys.keys", "");
        missing.put("portal.data-keys.bsn-index-key", java.util.Base64.getEncoder().encodeToString("too short".getBytes()));
        String message = startUpFailure(missing);
        assertTrue(message.contains("PORTAL_DATA_KEYS is not set"), message);
        assertTrue(message.contains("PORTAL_BSN_INDEX_KEY is shorter than 32 bytes"), message);

        Map<String, Object> demoKeys = new HashMap<>(getProperties());
        demoKeys.remove("portal.data-keys.keys");
        demoKeys.remove("portal.data-keys.bsn-index-key");
        message = startUpFailure(demoKeys);
        assertTrue(message.contains("PORTAL_DATA_KEYS: key demo is the demo key"), message);
        assertTrue(message.contains("PORTAL_BSN_INDEX_KEY still has the demo value"), message);
    }

    @Test
    void aDatabaseOfItsOwnWithoutTlsIsRefused() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("portal.db.url", "jdbc:mysql://db.example:3306/portal");
        String message = startUpFailure(properties);
        assertTrue(message.contains("DB_URL does not require TLS with a checked certificate"), message);

        properties.put("portal.db.url", "jdbc:mysql://db.example:3306/portal?sslMode=REQUIRED");
        properties.put("portal.db.tls", "off-on-this-host");
        message = startUpFailure(properties);
        assertTrue(message.contains("only for a database on this machine"), message);
    }

    @Test
    void theDemoPagesAreNotThere() {
        for (String path : new String[]{"/demo/verzonden", "/demo/digid", "/demo/medewerker"}) {
            assertEquals(404, browser().get(path).statusCode(), path);
        }
    }

    @Test
    void withTheRepositorysSecretsThePortalDoesNotStart() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", "demo-only-secret-change-me-0123456789abcdef0123456789");
        properties.put("portal.csrf.secret", "");
        String message = startUpFailure(properties);
        assertTrue(message.contains("JWT_SECRET still has the demo value"), message);
        assertTrue(message.contains("CSRF_SECRET is not set"), message);
    }

    @Test
    void theTestClockCannotBeSetOutsideADemo() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("portal.clock.fixed", "2026-11-23T10:00");
        assertTrue(startUpFailure(properties).contains("PORTAL_CLOCK"));
    }

    private static String startUpFailure(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder().properties(properties).environments("test").build();
        Exception e;
        try {
            e = assertThrows(Exception.class, () -> context.start().getBean(EmbeddedServer.class).start());
        } finally {
            // whatever started before the refusal (a pool, the embedded database) is stopped again
            context.close();
        }
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
