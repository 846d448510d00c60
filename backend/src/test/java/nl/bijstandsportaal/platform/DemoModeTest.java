package nl.bijstandsportaal.platform;

import nl.bijstandsportaal.platform.db.DatabaseSettings;
import nl.bijstandsportaal.platform.demo.DemoMode;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DigiD mock can never run against a real database. */
class DemoModeTest {

    @Test
    void demoRunsOnlyOnTheEmbeddedDatabase() throws Exception {
        assertTrue(demo("auto", null).isActive());
        assertFalse(demo("false", null).isActive());
        assertFalse(demo("auto", "jdbc:mysql://db.gemeente.nl/portal").isActive(), "a real database switches the demo off");
    }

    @Test
    void askingForTheDemoOnARealDatabaseStopsTheStartUp() {
        Exception e = assertThrows(Exception.class, () -> demo("true", "jdbc:mysql://db.gemeente.nl/portal"));
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        assertTrue(cause instanceof IllegalStateException, cause.toString());
    }

    private static DemoMode demo(String setting, String url) throws Exception {
        DatabaseSettings settings = new DatabaseSettings();
        settings.setUrl(url);
        Constructor<DemoMode> c = DemoMode.class.getDeclaredConstructor(String.class, DatabaseSettings.class);
        c.setAccessible(true);
        return c.newInstance(setting, settings);
    }
}
