package nl.bijstandsportaal.account;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Two portal instances on one database (issue 17, ADR 0039): a session started on one works on the other, and logout
 * (or an app's revoke) on one ends it on both: at once where it happened, on the other within the cache time.
 */
@MicronautTest
class SessionsOnTwoInstancesTest extends PortalTest {

    private static final int CACHE_SECONDS = 1;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("portal.session.cache-seconds", String.valueOf(CACHE_SECONDS));
        return properties;
    }

    @Test
    void aSessionStartedOnOneInstanceWorksOnTheOtherAndLogoutEndsItOnBoth() throws InterruptedException {
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(getProperties()), "test")) {
            WebClient onFirst = citizen(SANNE);
            String cookie = onFirst.cookie("portal_session").orElseThrow();
            WebClient onSecond = new WebClient(second.getURI());
            onSecond.cookies().put("portal_session", cookie);
            assertEquals(200, onSecond.get("/overzicht").statusCode(), "the session from the first instance works on the second");

            String csrf = WebClient.csrfToken(onFirst.get("/overzicht").body());
            assertEquals(303, onFirst.postForm("/uitloggen", Map.of("csrfToken", csrf)).statusCode());
            WebClient copyOnFirst = browser();
            copyOnFirst.cookies().put("portal_session", cookie);
            assertNotEquals(200, copyOnFirst.get("/overzicht").statusCode(), "ended at once where the logout happened");
            Thread.sleep(CACHE_SECONDS * 1000L + 300);
            assertNotEquals(200, onSecond.get("/overzicht").statusCode(), "and on the other instance within the cache time");

            // The app: logged in through the first, revoked on the second; the first refuses its access token too.
            MobileApp.Tokens tokens = new MobileApp(server.getURI(), json).login(citizen(FATIMA));
            assertEquals(200, new WebClient(second.getURI()).getJson("/api/v1/ik", tokens.access()).statusCode());
            assertEquals(200, browser().getJson("/api/v1/ik", tokens.access()).statusCode());
            assertEquals(200, new MobileApp(second.getURI(), json).tokenRequestTo("/api/v1/auth/revoke", Map.of("token", tokens.refresh())).statusCode());
            assertEquals(401, new WebClient(second.getURI()).getJson("/api/v1/ik", tokens.access()).statusCode());
            Thread.sleep(CACHE_SECONDS * 1000L + 300);
            assertEquals(401, browser().getJson("/api/v1/ik", tokens.access()).statusCode());
        }
    }
}
