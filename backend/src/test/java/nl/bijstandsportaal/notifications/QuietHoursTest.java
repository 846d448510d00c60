package nl.bijstandsportaal.notifications;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Quiet hours in Dutch time, also across midnight and on the nights the clocks change. */
class QuietHoursTest {

    @ParameterizedTest(name = "{0}-{1}, at {2}: {3}")
    @CsvSource({
            // default 21:00-08:00; times in UTC (winter: Dutch time is UTC+1, summer UTC+2)
            "21:00, 08:00, 2026-11-23T10:00:00Z, 2026-11-23T10:00:00Z", // 11:00 Dutch time: send now
            "21:00, 08:00, 2026-11-23T19:59:59Z, 2026-11-23T19:59:59Z", // 20:59:59: still allowed
            "21:00, 08:00, 2026-11-23T20:00:00Z, 2026-11-24T07:00:00Z", // 21:00: wait until 08:00 tomorrow
            "21:00, 08:00, 2026-11-24T02:30:00Z, 2026-11-24T07:00:00Z", // 03:30: wait until 08:00 today
            "21:00, 08:00, 2026-11-24T07:00:00Z, 2026-11-24T07:00:00Z", // 08:00: allowed again
            "21:00, 08:00, 2026-03-28T21:30:00Z, 2026-03-29T06:00:00Z", // the night to summer time: 08:00 CEST
            "21:00, 08:00, 2026-10-24T20:00:00Z, 2026-10-25T07:00:00Z", // the night to winter time: 08:00 CET
            "13:00, 14:00, 2026-11-23T12:30:00Z, 2026-11-23T13:00:00Z", // quiet at lunch: same day
            "08:00, 08:00, 2026-11-24T02:30:00Z, 2026-11-24T02:30:00Z", // equal times: no quiet hours
    })
    void pushAndEmailWaitUntilTheQuietHoursEnd(LocalTime from, LocalTime until, Instant at, Instant expected) {
        assertEquals(expected, new QuietHours(from, until).nextAllowed(at));
    }
}
