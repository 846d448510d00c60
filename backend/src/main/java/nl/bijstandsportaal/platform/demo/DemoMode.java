package nl.bijstandsportaal.platform.demo;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import nl.bijstandsportaal.platform.db.DatabaseSettings;

/**
 * Whether this run is a demo: DigiD mock, demo accounts and demo data. The demo runs only on the embedded
 * database, which no real installation uses. With DB_URL set the demo is off, and PORTAL_DEMO=true there
 * stops the start-up: production configuration cannot switch the mock login on by accident.
 */
@Context
public class DemoMode {

    private final boolean active;

    DemoMode(@Value("${portal.demo.enabled:auto}") String setting, DatabaseSettings database) {
        boolean asked = !"false".equalsIgnoreCase(setting.trim());
        if (database.isExternal() && "true".equalsIgnoreCase(setting.trim())) {
            throw new IllegalStateException("PORTAL_DEMO=true is refused with an external database (DB_URL): "
                    + "the demo login must never run against real data.");
        }
        this.active = asked && !database.isExternal();
    }

    public boolean isActive() {
        return active;
    }
}
