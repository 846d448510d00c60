package nl.bijstandsportaal.platform;

import nl.bijstandsportaal.platform.db.DatabaseSettings;
import nl.bijstandsportaal.platform.demo.DemoMode;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DigiD mock runs only when asked for, and never against a real database. */
class DemoModeTest {

    @Test
    void demoRunsOnlyWhenAskedFor() throws Exception {
        assertTrue(demo("true", null).isActive());
        assertTrue(demo(" TRUE ", null).isActive());
        assertFalse(demo("false", null).isActive());
        assertFalse(demo("", null).isActive(), "without the setting the embedded database is no demo");
        assertFalse(demo("false", "jdbc:mysql://db.gemeente.nl/portal").isActive());
    }

    @Test
    void theOldAutomaticSettingIsRefusedWithAClearMessage() {
        Throwable cause = cause(assertThrows(Exception.class, () -> demo("auto", null)));
        assertTrue(cause instanceof IllegalStateException && cause.getMessage().contains("PORTAL_DEMO"), cause.toString());
    }

    @Test
    void askingForTheDemoOnARealDatabaseStopsTheStartUp() {
        Throwable cause = cause(assertThrows(Exception.class, () -> demo("true", "jdbc:mysql://db.gemeente.nl/portal")));
        assertTrue(cause instanceof IllegalStateException, cause.toString());
    }

    private static Throwable cause(Exception e) {
        return e.getCause() != null ? e.getCause() : e;
    }

    private static DemoMode demo(String setting, String url) throws Exception {
        DatabaseSettings settings = new DatabaseSettings();
        settings.setUrl(url);
        Constructor<DemoMode> c = DemoMode.class.getDeclaredConstructor(String.class, DatabaseSettings.class);
        c.setAccessible(true);
        return c.newInstance(setting, settings);
    }
}
