package nl.bijstandsportaal.platform.time;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDateTime;

/**
 * The one clock of the application, in Europe/Amsterdam. {@code portal.clock.fixed} (e.g. 2026-11-23T10:00) stops
 * it at that moment: for tests with amounts that must not change with the calendar, and for a demo or training
 * "as on" a given day. Never set it in production.
 */
@Factory
public class ClockFactory {

    /** The name of the real-time clock bean. */
    public static final String WALL = "wall";

    @Primary
    @Singleton
    Clock clock(@Value("${portal.clock.fixed:}") String fixed) {
        if (fixed == null || fixed.isBlank()) {
            return Clock.system(Today.DUTCH_TIME);
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
