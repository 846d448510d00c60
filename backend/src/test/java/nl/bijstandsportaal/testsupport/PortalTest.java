package nl.bijstandsportaal.testsupport;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Base of the HTTP tests: the real app on a random port, on the embedded MariaDB with the demo data, with its
 * OpenID Connect clients pointed at the test identity provider. Subclasses add {@code @MicronautTest}. The clock stands
 * still at {@link TestToday}; each test class has its own database.
 */
@Tag("app")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PortalTest implements TestPropertyProvider {

    /** Demo citizens (see DemoDataSeeder): Sanne (Westland, single), Fatima (Westland, single parent), Henk (Utrecht). */
    public static final String SANNE = "999990019";
    public static final String FATIMA = "999990032";
    public static final String JAN = "999990044";
    public static final String HENK = "999990056";
    public static final String MARIEKE = "marieke.jansen@westland.demo";
    public static final String DENNIS = "dennis.deboer@utrecht.demo";
    public static final String PRIYA = "priya.ramdin@utrecht.demo";
    public static final String LOTTE = "lotte.visser@utrecht.demo";
    public static final String SVEN = "sven.bos@utrecht.demo";

    @Inject
    protected EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(TestIdentityProviders.properties());
        // The dispatcher and reminder scheduler do not run in the background; tests call them when they want.
        properties.put("portal.notifications.enabled", "false");
        // Every context runs on the suite's one day and has a database of its own, seeded with demo data dated from
        // that day: no test depends on the real date, and what one test class changes no other class sees.
        properties.put("portal.clock.fixed", TestToday.clockSetting());
        properties.put("portal.db.embedded-database", databaseName(getClass()));
        return properties;
    }

    static String databaseName(Class<?> testClass) {
        String name = "t_" + testClass.getSimpleName().replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
        return name.length() > 60 ? name.substring(0, 60) : name;
    }

    protected WebClient browser() {
        return new WebClient(server.getURI());
    }

    /** Logs a citizen in through the real OIDC flow against the test DigiD provider; ends on their home page. */
    protected WebClient citizen(String bsn) {
        WebClient web = browser();
        TestIdentityProviders.nextCitizen(bsn);
        HttpResponse<String> home = web.follow(web.get("/oauth/login/digid"));
        assertEquals(200, home.statusCode(), home.body());
        assertTrue(home.uri().getPath().equals("/overzicht"), "landed on " + home.uri());
        return web;
    }

    /** Logs an employee in through the real OIDC flow against the test municipality provider. */
    protected WebClient employee(String subject) {
        WebClient web = browser();
        TestIdentityProviders.nextEmployee(subject);
        HttpResponse<String> home = web.follow(web.get("/oauth/login/gemeente"));
        assertEquals(200, home.statusCode(), home.body());
        assertEquals("/consulent", home.uri().getPath());
        return web;
    }
}
