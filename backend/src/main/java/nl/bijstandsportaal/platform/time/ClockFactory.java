package nl.bijstandsportaal.platform.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** The one clock of the application, in Europe/Amsterdam. Tests replace it to move time. */
@Factory
class ClockFactory {

    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Singleton
    Clock clock() {
        return Clock.system(AMSTERDAM);
    }
}
