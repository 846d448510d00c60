package nl.bijstandsportaal.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.RATE_LIMIT_BUCKET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two portal instances on one database count one client's requests together (issue 17, ADR 0045): three token guesses
 * a minute per address, spread over both instances, and the fourth is refused by either.
 */
@MicronautTest
class SharedRateLimitTest extends PortalTest {

    private static final String CLIENT = "X-Test-Client";

    @Inject
    DSLContext db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("portal.rate-limits.enabled", "true");
        properties.put("portal.rate-limits.store", "database");
        properties.put("portal.rate-limits.client-address-header", CLIENT);
        properties.put("portal.rate-limits.login.per-address", "3");
        return properties;
    }

    @Test
    void aLimitHoldsAcrossTwoInstances() {
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(getProperties()), "test")) {
            WebClient one = browser();
            WebClient two = new WebClient(second.getURI());
            assertEquals(400, token(one, "10.7.0.1", "guess-1").statusCode());
            assertEquals(400, token(two, "10.7.0.1", "guess-2").statusCode());
            assertEquals(400, token(one, "10.7.0.1", "guess-3").statusCode());
            HttpResponse<String> onTwo = token(two, "10.7.0.1", "guess-4");
            assertEquals(429, onTwo.statusCode(), "the second instance knows what the first counted");
            assertTrue(Long.parseLong(onTwo.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            assertEquals(429, token(one, "10.7.0.1", "guess-5").statusCode());
            assertEquals(400, token(two, "10.7.0.2", "guess-6").statusCode(), "another address is not held back");
            assertTrue(db.fetchExists(RATE_LIMIT_BUCKET, RATE_LIMIT_BUCKET.SLEUTEL.eq("a:LOGIN:10.7.0.1")),
                    "the bucket is a row in the shared database");
        }
    }

    private static HttpResponse<String> token(WebClient web, String address, String refreshToken) {
        return web.send(HttpRequest.newBuilder(web.base().resolve("/api/v1/auth/token")).header(CLIENT, address)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.encode(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)))));
    }
}
