package nl.bijstandsportaal.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The one "today" of the test suite: every test context runs its clock on it and dates its demo data from it, so no
 * outcome depends on the real day. By default 23 November 2026, 10:00 in the Netherlands. The system property
 * {@code portal.test.today} (e.g. {@code ./mvnw verify -Dportal.test.today=2027-02-10}) moves it for every context
 * and the demo data at once: .ci/run runs the suite a second time past the next 1 January, so a test that only
 * holds on one date fails before it lands. Tests say their expectations relative to this day.
 */
public final class TestToday {

    public static final String PROPERTY = "portal.test.today";
    public static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final LocalDateTime DEFAULT = LocalDateTime.of(2026, 11, 23, 10, 0);

    private TestToday() {
    }

    /** The moment the suite runs at, in Dutch local time. */
    public static LocalDateTime moment() {
        String value = System.getProperty(PROPERTY, "").trim();
        if (value.isEmpty()) {
            return DEFAULT;
        }
        return value.contains("T") ? LocalDateTime.parse(value) : LocalDate.parse(value).atTime(10, 0);
    }

    public static LocalDate date() {
        return moment().toLocalDate();
    }

    public static Instant instant() {
        return moment().atZone(DUTCH_TIME).toInstant();
    }

    /** This moment as the database stores moments (UTC, without zone). */
    public static LocalDateTime utc() {
        return LocalDateTime.ofInstant(instant(), java.time.ZoneOffset.UTC);
    }

    public static Clock clock() {
        return Clock.fixed(instant(), DUTCH_TIME);
    }

    /** A date as Dutch pages write it: "15 december 2026". */
    public static String dutch(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.forLanguageTag("nl")));
    }

    /** A date as a citizen types it in a form: "1-12-2026". */
    public static String typed(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy"));
    }

    /** A month as Dutch pages write it: "december 2026". */
    public static String dutch(java.time.YearMonth month) {
        return month.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.forLanguageTag("nl")));
    }

    /** The value of {@code portal.clock.fixed} that stops an application context at this moment. */
    static String clockSetting() {
        return moment().toString();
    }
}
