package nl.bijstandsportaal.notifications;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.time.Today;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * A citizen's quiet hours, in Dutch time: no push message or e-mail from {@code from} until {@code until} (the
 * inbox in the portal still shows everything at once). The hours may run past midnight (21:00-08:00, the default);
 * equal times mean no quiet hours. Pure.
 */
@Pure
public record QuietHours(LocalTime from, LocalTime until) {

    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    public boolean contains(LocalTime time) {
        if (from.equals(until)) {
            return false;
        }
        if (from.isBefore(until)) {
            return !time.isBefore(from) && time.isBefore(until);
        }
        return !time.isBefore(from) || time.isBefore(until);
    }

    /** {@code at} itself when it is outside the quiet hours; otherwise the moment they end. */
    public Instant nextAllowed(Instant at) {
        ZonedDateTime local = at.atZone(Today.DUTCH_TIME);
        if (!contains(local.toLocalTime())) {
            return at;
        }
        boolean endsTomorrow = from.isAfter(until) && !local.toLocalTime().isBefore(from);
        LocalDate day = endsTomorrow ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        // On the night the clocks change the end still falls at that local time (ZonedDateTime moves it out of a gap).
        return ZonedDateTime.of(day, until, Today.DUTCH_TIME).toInstant();
    }
}
