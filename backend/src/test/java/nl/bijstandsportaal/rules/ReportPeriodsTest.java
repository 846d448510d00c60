package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.rules.ReportPeriods.ReportPeriod;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.TestRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Report periods and deadlines as the municipality sets them. */
class ReportPeriodsTest {

    private static final RuleBook RULES = RuleBook.of(TestRules.parse(TestRules.CSV + """
            inkomstenopgave.vier_weken,*,2015-01-01,,0,vastgesteld,test
            inkomstenopgave.termijn_dagen,*,2015-01-01,,10,vastgesteld,test
            inkomstenopgave.vier_weken,0344,2024-01-01,,1,vastgesteld,test four weeks from Monday 1 January 2024
            inkomstenopgave.termijn_dagen,0344,2015-01-01,,7,vastgesteld,test
            """));

    @Test
    void aCalendarMonthWithTheTenthOfTheNextMonthAsDeadline() {
        ReportPeriod november = ReportPeriods.containing(LocalDate.of(2026, 11, 23), "1783", RULES);
        assertEquals(new ReportPeriod("2026-11", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 10)), november);
        assertEquals(LocalDate.of(2027, 1, 10), ReportPeriods.containing(LocalDate.of(2026, 12, 31), "1783", RULES).deadline());
    }

    @Test
    void fourWeeksCountedFromTheStartOfTheMunicipalitysRule() {
        ReportPeriod first = ReportPeriods.containing(LocalDate.of(2024, 1, 28), "0344", RULES);
        assertEquals(LocalDate.of(2024, 1, 1), first.from());
        assertEquals(LocalDate.of(2024, 1, 28), first.to());
        assertEquals(LocalDate.of(2024, 2, 4), first.deadline());
        ReportPeriod second = ReportPeriods.containing(LocalDate.of(2024, 1, 29), "0344", RULES);
        assertEquals(LocalDate.of(2024, 1, 29), second.from());
        assertEquals(28, second.days());
        assertEquals("2024-01-29-4W", second.code());
    }

    @Test
    void periodsBetweenTwoDaysFollowEachOther() {
        List<ReportPeriod> year = ReportPeriods.between(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "0344", RULES);
        assertEquals(14, year.size(), "13 whole four-week periods and the one that starts on 30 December");
        for (int i = 1; i < year.size(); i++) {
            assertEquals(year.get(i - 1).to().plusDays(1), year.get(i).from());
        }
        assertEquals(12, ReportPeriods.between(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 12, 1), "1783", RULES).size());
    }
}
