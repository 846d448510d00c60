package nl.bijstandsportaal.platform.demo;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import nl.bijstandsportaal.platform.db.DatabaseSettings;

import java.util.Locale;

/**
 * Whether this run is a demo: DigiD mock, demo accounts, demo data, demo secrets and a clock that may stand still.
 * The demo runs only when asked for ({@code PORTAL_DEMO=true}) and only on the embedded database, which no real
 * installation uses: without the setting the portal is not a demo, whatever database it has (ADR 0034). With DB_URL
 * set, PORTAL_DEMO=true stops the start-up: production configuration cannot switch the mock login on by accident.
 */
@Context
public class DemoMode {

    private final boolean active;

    DemoMode(@Value("${portal.demo.enabled:false}") String setting, DatabaseSettings database) {
        String value = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
        boolean asked = switch (value) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw new IllegalStateException("PORTAL_DEMO (portal.demo.enabled) must be true or false, not '"
                    + setting.trim() + "': the demo runs only when asked for with PORTAL_DEMO=true (docs/adr/0034).");
        };
        if (database.isExternal() && asked) {
            throw new IllegalStateException("PORTAL_DEMO=true is refused with an external database (DB_URL): "
                    + "the demo login must never run against real data.");
        }
        this.active = asked;
    }

    public boolean isActive() {
        return active;
    }
}
