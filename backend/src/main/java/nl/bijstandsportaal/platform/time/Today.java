package nl.bijstandsportaal.platform.time;

import nl.bijstandsportaal.platform.Pure;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The date in the Netherlands: deadlines and periods are Dutch calendar days, whatever zone a clock is in. */
@Pure
public final class Today {

    public static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private Today() {
    }

    public static LocalDate in(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), DUTCH_TIME);
    }
}
