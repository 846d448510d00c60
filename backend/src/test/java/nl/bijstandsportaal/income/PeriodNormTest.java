package nl.bijstandsportaal.income;

import nl.bijstandsportaal.rules.ReportPeriods;
import nl.bijstandsportaal.rules.ReportPeriods.ReportPeriod;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.rules.Household;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.TestRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The norm of a report period: day by day, across months and norm changes, and from the day bijstand began. */
class PeriodNormTest {

    private static final RuleBook RULES = RuleBook.of(TestRules.parse(TestRules.CSV));
    private static final Household SINGLE = new Household(Household.Leefvorm.ALLEENSTAAND, LocalDate.of(1980, 5, 1), null, false, List.of());
    private static final ReportPeriod OCTOBER = new ReportPeriod("2024-10", LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 31),
            LocalDate.of(2024, 11, 10));

    @Test
    void aWholeMonthIsTheMonthlyNorm() {
        assertEquals(new BigDecimal("1300.00"), IncomeService.normFor(SINGLE, OCTOBER, "0344", RULES));
    }

    @Test
    void bijstandThatBeganDuringThePeriodCountsFromThatDay() {
        // 15 to 31 October: 17 of 31 days of 1,300.00 = 712.903... -> 712.90
        assertEquals(new BigDecimal("712.90"), IncomeService.normFor(SINGLE, OCTOBER, LocalDate.of(2024, 10, 15), "0344", RULES));
    }

    @Test
    void fourWeeksAcrossTheNormChangeOfFirstJulyTakeEachDayAtItsOwnNorm() {
        ReportPeriod fourWeeks = new ReportPeriod("2024-06-17-4W", LocalDate.of(2024, 6, 17), LocalDate.of(2024, 7, 14),
                LocalDate.of(2024, 7, 21));
        // 14 June days at 1,283.83/30 and 14 July days at 1,300.00/31
        BigDecimal june = new BigDecimal("1283.83").multiply(BigDecimal.valueOf(14)).divide(BigDecimal.valueOf(30), java.math.MathContext.DECIMAL64);
        BigDecimal july = new BigDecimal("1300.00").multiply(BigDecimal.valueOf(14)).divide(BigDecimal.valueOf(31), java.math.MathContext.DECIMAL64);
        assertEquals(june.add(july).setScale(2, java.math.RoundingMode.HALF_UP), IncomeService.normFor(SINGLE, fourWeeks, "0344", RULES));
    }

    @Test
    void theExplanationSaysFromWhichDayTheNormCounts() {
        LocalDate began = LocalDate.of(2024, 10, 15);
        BigDecimal norm = IncomeService.normFor(SINGLE, OCTOBER, began, "0344", RULES);
        Offsetting.Result r = Offsetting.offset(norm, began, List.of(), Offsetting.History.NONE, new Offsetting.Person(false, false, null), "0344", OCTOBER.to(), RULES);
        assertEquals(Text.of("income.calc.normFrom", began), r.explanation().get(0));
        assertTrue(r.explanation().contains(Text.of("income.calc.norm", new BigDecimal("712.90"))));
        assertEquals(new BigDecimal("712.90"), r.bijstand());
    }
}
