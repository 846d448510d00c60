package nl.bijstandsportaal.platform.time;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.demo.DemoMode;

import java.time.Clock;
import java.time.LocalDateTime;

/**
 * The one clock of the application, in Europe/Amsterdam. {@code portal.clock.fixed} (e.g. 2026-11-23T10:00) stops
 * it at that moment: for tests with amounts that must not change with the calendar, and for a demo or training
 * "as on" a given day. Only in a demo: outside one, setting it stops the start-up (ADR 0034).
 */
@Factory
public class ClockFactory {

    /** The name of the real-time clock bean. */
    public static final String WALL = "wall";

    @Primary
    @Singleton
    Clock clock(@Value("${portal.clock.fixed:}") String fixed, DemoMode demo) {
        if (fixed == null || fixed.isBlank()) {
            return Clock.system(Today.DUTCH_TIME);
        }
        if (!demo.isActive()) {
            throw new IllegalStateException("PORTAL_CLOCK (portal.clock.fixed) is set, but this is not a demo: "
                    + "the clock can stand still only with PORTAL_DEMO=true (docs/adr/0034).");
        }
        return Clock.fixed(LocalDateTime.parse(fixed).atZone(Today.DUTCH_TIME).toInstant(), Today.DUTCH_TIME);
    }

    /**
     * The real time, always, for what is measured against tokens the security library dates by the real time (a
     * session's age). Dates and deadlines a person sees never come from this clock.
     */
    @Singleton
    @Named(WALL)
    Clock wallClock() {
        return Clock.system(Today.DUTCH_TIME);
    }
}
