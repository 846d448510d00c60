package nl.bijstandsportaal.platform.time;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDateTime;

/**
 * The one clock of the application, in Europe/Amsterdam. {@code portal.clock.fixed} (e.g. 2026-11-23T10:00) stops
 * it at that moment: for tests with amounts that must not change with the calendar, and for a demo or training
 * "as on" a given day. Never set it in production.
 */
@Factory
class ClockFactory {

    @Singleton
    Clock clock(@Value("${portal.clock.fixed:}") String fixed) {
        if (fixed == null || fixed.isBlank()) {
            return Clock.system(Today.DUTCH_TIME);
        }
        return Clock.fixed(LocalDateTime.parse(fixed).atZone(Today.DUTCH_TIME).toInstant(), Today.DUTCH_TIME);
    }
}
