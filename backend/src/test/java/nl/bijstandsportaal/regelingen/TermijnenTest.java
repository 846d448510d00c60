package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.regelingen.Termijnen.Herstel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The legal clock of an application (Awb 4:13, 4:14, 4:15, 6:7, 6:8; Algemene termijnenwet), on fixed dates. */
class TermijnenTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void eightWeeksAfterReceipt() {
        // Received Monday 2 November 2026: 8 weeks later is Monday 28 December 2026.
        Termijnen.Clock c = Termijnen.decision(d("2026-11-02"), 8, List.of(), null, d("2026-11-23"));
        assertEquals(d("2026-12-28"), c.deadline());
        assertEquals(35, c.daysLeft());
        assertFalse(c.paused() || c.overdue() || c.adjourned());
    }

    @Test
    void aDeadlineOnAWeekendOrHolidayMovesToTheNextWorkingDay() {
        // Received 30 October 2026: 8 weeks is Friday 25 December (Christmas), then Boxing Day, then the weekend.
        assertEquals(d("2026-12-28"), Termijnen.decision(d("2026-10-30"), 8, List.of(), null, d("2026-11-01")).deadline());
        // Saturday 2 January 2027 -> Monday 4 January.
        assertEquals(d("2027-01-04"), Termijnen.nextWorkingDay(d("2027-01-02")));
    }

    /** Two hersteltermijnen and a verdaging: every day the clock stood still is added; a verdaging replaces the date. */
    @Test
    void twoRequestsToCompleteAndAVerdaging() {
        LocalDate received = d("2026-09-01");
        Herstel first = new Herstel(d("2026-09-10"), d("2026-09-24"), d("2026-09-17")); // 7 days still
        Herstel second = new Herstel(d("2026-10-05"), d("2026-10-19"), null); // term passed unused: 14 days
        Termijnen.Clock c = Termijnen.decision(received, 8, List.of(first, second), null, d("2026-11-02"));
        // 1 September + 8 weeks = 27 October; + 21 days = 17 November (Tuesday).
        assertEquals(21, c.pausedDays());
        assertEquals(d("2026-11-17"), c.deadline());
        assertFalse(c.paused());

        // On 2 November the municipality names 1 December: the earlier 21 days are in that date already.
        Termijnen.Verdaging later = new Termijnen.Verdaging(d("2026-11-02"), d("2026-12-01"));
        Termijnen.Clock adjourned = Termijnen.decision(received, 8, List.of(first, second), later, d("2026-11-02"));
        assertEquals(d("2026-12-01"), adjourned.deadline());
        assertTrue(adjourned.adjourned());

        // A third request after the verdaging (asked 9 November, done 16 November) moves it by 7 days: 8 December.
        Herstel third = new Herstel(d("2026-11-09"), d("2026-11-23"), d("2026-11-16"));
        Termijnen.Clock again = Termijnen.decision(received, 8, List.of(first, second, third), later, d("2026-11-20"));
        assertEquals(d("2026-12-08"), again.deadline());
        assertEquals(28, again.pausedDays());
    }

    @Test
    void whileARequestIsOpenTheClockStandsStill() {
        Herstel open = new Herstel(d("2026-11-10"), d("2026-11-24"), null);
        Termijnen.Clock c = Termijnen.decision(d("2026-11-02"), 8, List.of(open), null, d("2026-11-16"));
        assertTrue(c.paused());
        assertEquals(6, c.pausedDays(), "11 to 16 November");
        assertFalse(c.overdue());
        // Completed late (after the due day): the suspension ends on the due day.
        Herstel late = new Herstel(d("2026-11-10"), d("2026-11-24"), d("2026-11-30"));
        assertEquals(14, Termijnen.decision(d("2026-11-02"), 8, List.of(late), null, d("2026-12-01")).pausedDays());
    }

    @Test
    void aPassedDeadlineIsOverdue() {
        Termijnen.Clock c = Termijnen.decision(d("2026-09-01"), 8, List.of(), null, d("2026-11-02"));
        assertTrue(c.overdue());
        assertEquals(-6, c.daysLeft());
    }

    /** Bezwaar: six weeks from the day after the decision was sent (Awb 6:7, 6:8). */
    @ParameterizedTest(name = "sent {0}: bezwaar until {1}")
    @CsvSource({"2026-11-23, 2027-01-04", "2026-11-16, 2026-12-28", "2026-03-26, 2026-05-07"})
    void bezwaarWithinSixWeeks(LocalDate sent, LocalDate until) {
        // 2026-11-23 + 6 weeks = Monday 4 January 2027; 2026-11-16 + 6 weeks = Monday 28 December;
        // 2026-03-26 + 6 weeks = Thursday 7 May 2026 (a normal day: 5 May is Tuesday).
        assertEquals(until, Termijnen.bezwaarUntil(sent, 6));
    }

    @ParameterizedTest(name = "{0} is a holiday")
    @CsvSource({"2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14", "2026-05-25",
            "2026-12-25", "2026-12-26", "2025-04-26", "2027-03-26", "2027-03-29", "2027-05-06", "2027-05-17"})
    void holidaysOfTheAlgemeneTermijnenwet(LocalDate day) {
        assertTrue(Termijnen.holiday(day));
    }

    @Test
    void ordinaryDaysAreNoHolidays() {
        assertFalse(Termijnen.holiday(d("2026-04-28")));
        assertFalse(Termijnen.holiday(d("2026-05-15")), "the Friday after Ascension is equated by decree only");
        assertEquals(d("2026-04-05"), Termijnen.easterSunday(2026));
        assertEquals(d("2027-03-28"), Termijnen.easterSunday(2027));
    }

    /** No later day and no "send again": the request is one pause, as before steps were recorded. */
    @Test
    void aRequestWithoutStepsIsOnePause() {
        assertEquals(List.of(new Herstel(d("2026-11-10"), d("2026-11-24"), d("2026-11-17"))),
                Termijnen.herstel(d("2026-11-10"), d("2026-11-24"), d("2026-11-17"), List.of()));
    }

    /** A hersteltermijn made longer while it runs (Awb 4:5): one pause, until the first file or the new day. */
    @Test
    void moreTimeWhileTheTermRunsIsOnePauseToTheNewDay() {
        Termijnen.HerstelStap later = new Termijnen.HerstelStap(Termijnen.HerstelStapSoort.EXTENDED, d("2026-11-20"), d("2026-11-24"), d("2026-12-01"));
        Termijnen.HerstelStap file = new Termijnen.HerstelStap(Termijnen.HerstelStapSoort.FILE_SENT, d("2026-11-27"), null, null);
        List<Herstel> sent = Termijnen.herstel(d("2026-11-10"), d("2026-12-01"), d("2026-11-27"), List.of(later, file));
        assertEquals(List.of(new Herstel(d("2026-11-10"), d("2026-12-01"), d("2026-11-27"))), sent);
        assertEquals(17, Termijnen.decision(d("2026-11-02"), 8, sent, null, d("2026-12-10")).pausedDays(), "11 to 27 November");

        List<Herstel> waiting = Termijnen.herstel(d("2026-11-10"), d("2026-12-01"), null, List.of(later));
        Termijnen.Clock onTheOldDay = Termijnen.decision(d("2026-11-02"), 8, waiting, null, d("2026-11-25"));
        assertTrue(onTheOldDay.paused(), "past the old last day, before the new one: still waiting for the citizen");
        assertEquals(21, Termijnen.decision(d("2026-11-02"), 8, waiting, null, d("2026-12-10")).pausedDays(), "nothing came: to the new day");
    }

    /** More time given after the term passed unused: the clock ran in between; the new term is a new pause. */
    @Test
    void moreTimeAfterTheTermPassedIsANewPause() {
        List<Herstel> periods = Termijnen.herstel(d("2026-11-10"), d("2026-11-30"), d("2026-11-25"), List.of(
                new Termijnen.HerstelStap(Termijnen.HerstelStapSoort.EXTENDED, d("2026-11-20"), d("2026-11-17"), d("2026-11-30")),
                new Termijnen.HerstelStap(Termijnen.HerstelStapSoort.FILE_SENT, d("2026-11-25"), null, null)));
        assertEquals(List.of(new Herstel(d("2026-11-10"), d("2026-11-17"), null), new Herstel(d("2026-11-20"), d("2026-11-30"), d("2026-11-25"))),
                periods);
        // 11-17 November and 21-25 November stand still; 18-20 November count.
        assertEquals(12, Termijnen.decision(d("2026-11-02"), 8, periods, null, d("2026-12-01")).pausedDays());
    }

    /**
     * "Not good enough, send again": the first file completed the application (the pause ended that day); asking again is a
     * new request to complete, a new pause from the day after it until the next file or the new day.
     */
    @Test
    void notGoodEnoughEndsThePauseAtTheFileAndStartsANewOne() {
        Termijnen.HerstelStap first = new Termijnen.HerstelStap(Termijnen.HerstelStapSoort.FILE_SENT, d("2026-11-13"), null, null);
        Termijnen.HerstelStap again = new Termijnen.HerstelStap(Termijnen.HerstelStapSoort.NOT_GOOD_ENOUGH, d("2026-11-16"), d("2026-11-24"), d("2026-11-23"));
        Termijnen.HerstelStap second = new Termijnen.HerstelStap(Termijnen.HerstelStapSoort.FILE_SENT, d("2026-11-20"), null, null);

        List<Herstel> open = Termijnen.herstel(d("2026-11-10"), d("2026-11-23"), null, List.of(first, again));
        assertEquals(List.of(new Herstel(d("2026-11-10"), d("2026-11-24"), d("2026-11-13")), new Herstel(d("2026-11-16"), d("2026-11-23"), null)), open);
        Termijnen.Clock waiting = Termijnen.decision(d("2026-11-02"), 8, open, null, d("2026-11-18"));
        assertTrue(waiting.paused(), "waiting for the citizen again");
        assertEquals(5, waiting.pausedDays(), "11-13 and 17-18 November");

        List<Herstel> done = Termijnen.herstel(d("2026-11-10"), d("2026-11-23"), d("2026-11-20"), List.of(first, again, second));
        Termijnen.Clock c = Termijnen.decision(d("2026-11-02"), 8, done, null, d("2026-11-23"));
        assertFalse(c.paused());
        assertEquals(7, c.pausedDays(), "11-13 and 17-20 November; 14-16 November the municipality had the file");
        // 2 November + 8 weeks = 28 December; + 7 days = Monday 4 January 2027.
        assertEquals(d("2027-01-04"), c.deadline());
    }
}
