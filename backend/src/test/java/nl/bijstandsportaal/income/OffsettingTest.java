package nl.bijstandsportaal.income;

import nl.bijstandsportaal.income.Offsetting.History;
import nl.bijstandsportaal.income.Offsetting.Kind;
import nl.bijstandsportaal.income.Offsetting.Result;
import nl.bijstandsportaal.income.Offsetting.Source;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Verrekening: norm minus counted income after disregards, with the vakantietoeslag reserved. */
class OffsettingTest {

    private static final RuleBook RULES = RuleBook.of(TestRules.parse(TestRules.CSV + """
            vrijlating.arbeid_procent,*,2016-01-01,,25,vastgesteld,art. 31 lid 2 sub n
            vrijlating.arbeid_maanden,*,2016-01-01,,6,vastgesteld,art. 31 lid 2 sub n
            vrijlating.arbeid_maximum,*,2024-01-01,,269,vastgesteld,test
            vrijlating.alleenstaande_ouder_procent,*,2016-01-01,,12.5,vastgesteld,art. 31 lid 2 sub r
            vrijlating.alleenstaande_ouder_maximum,*,2024-01-01,,167.79,vastgesteld,test
            giften.vrij_per_jaar,*,2024-01-01,,1200,vastgesteld,test
            maatregel.giften_1200,*,2024-01-01,,1,vastgesteld,test
            maatregel.giften_1200,1783,2024-01-01,,0,vastgesteld,test Westland not yet
            maatregel.vrijlating_34a,*,2024-01-01,2026-12-31,0,vastgesteld,test
            maatregel.vrijlating_34a,*,2027-01-01,,1,vastgesteld,art. 34a
            maatregel.vrijlating_34a_jongeren,*,2026-01-01,2026-12-31,0,vastgesteld,gedoogregeling
            maatregel.vrijlating_34a_jongeren,0344,2026-07-01,2026-12-31,1,vastgesteld,test Utrecht for under-27s in the gedoogjaar
            vrijlating.arbeid_minimumleeftijd,*,2016-01-01,,27,vastgesteld,art. 31 lid 5
            vrijlating.34a_procent,*,2026-01-01,,15,vastgesteld,art. 34a lid 1 sub a
            vrijlating.34a_maanden,*,2026-01-01,,12,vastgesteld,art. 34a lid 1 sub a
            vrijlating.aow_procent,*,2026-01-01,,25,vastgesteld,art. 34a lid 1 sub c
            vrijlating.aow_maximum,*,2026-01-01,,226,vastgesteld,art. 34a lid 1 sub c
            bufferbudget.maximum_per_jaar,*,2026-01-01,,1000,vastgesteld,art. 34b
            maatregel.bufferbudget,*,2024-01-01,,0,vastgesteld,test
            maatregel.bufferbudget,0344,2026-01-01,,1,vastgesteld,test
            """));
    private static final LocalDate DAY = LocalDate.of(2024, 10, 31);
    private static final BigDecimal NORM = new BigDecimal("1300.00");

    private static Result offset(List<Source> sources, History history, boolean singleParent, String gemeente) {
        return Offsetting.offset(NORM, sources, history, singleParent, gemeente, DAY, RULES);
    }

    private static Source work(String net) {
        return new Source(Kind.WERK, "Albert Heijn", new BigDecimal(net));
    }

    @Test
    void withoutIncomeTheNormIsPaidLessTheVakantietoeslag() {
        Result r = offset(List.of(), History.NONE, false, "0344");
        assertEquals(new BigDecimal("1300.00"), r.bijstand());
        assertEquals(new BigDecimal("65.00"), r.vakantietoeslag());
        assertEquals(new BigDecimal("1235.00"), r.paid());
        assertEquals(r.normalPaid(), r.paid());
        assertEquals(List.of(Text.of("income.summary.paid", new BigDecimal("1235.00")), Text.of("income.summary.estimate")), r.summary());
    }

    @ParameterizedTest(name = "work {0}, month {1} of the disregard: keep {2}, paid {3}")
    @CsvSource({
            "380.00, 0, 95.00, 964.25",     // 25% of 380 = 95; counted 285; bijstand 1015; vt 50.75
            "2000.00, 0, 269.00, 511.55",   // 25% = 500, capped at 269; counted 1731 > 1300 ... see below
            "380.00, 5, 95.00, 964.25",     // the sixth month still has it
            "380.00, 6, 0.00, 874.00",      // after six months: counted in full; bijstand 920; vt 46
    })
    void theWorkDisregardIsCappedAndEndsAfterSixMonths(String net, int monthsUsed, String kept, String paid) {
        Result r = offset(List.of(work(net)), new History(monthsUsed, 0, BigDecimal.ZERO), false, "0344");
        assertEquals(new BigDecimal(kept), r.kept());
        if (new BigDecimal(net).compareTo(new BigDecimal("1500")) < 0) {
            assertEquals(new BigDecimal(paid), r.paid());
        } else {
            assertEquals(new BigDecimal("0.00"), r.paid(), "2000 - 269 = 1731 counted, more than the norm");
            assertTrue(r.explanation().contains(Text.of("income.calc.none")));
        }
    }

    @Test
    void theSummarySaysWhatChangesAndWhatMayBeKept() {
        Result r = offset(List.of(work("380.00")), History.NONE, false, "0344");
        // normally 1,235.00; now 964.25: 270.75 less, because 380 was earned, 95 of which may be kept
        assertEquals(Text.of("income.summary.lessKept", new BigDecimal("270.75"), new BigDecimal("380.00"), new BigDecimal("95.00")),
                r.summary().get(1));
        assertTrue(r.rulesUsed().stream().anyMatch(p -> p.key() == RuleKey.VRIJLATING_ARBEID_MAXIMUM));
    }

    @Test
    void aSingleParentOfAYoungChildKeeps12AndAHalfPercentAfterTheWorkDisregard() {
        Result r = offset(List.of(work("1000.00")), new History(6, 3, BigDecimal.ZERO), true, "0344");
        assertEquals(new BigDecimal("125.00"), r.kept());
        assertTrue(r.usedSingleParentDisregard());
        Result capped = offset(List.of(work("2000.00")), new History(6, 0, BigDecimal.ZERO), true, "0344");
        assertEquals(new BigDecimal("167.79"), capped.kept());
        Result over = offset(List.of(work("1000.00")), new History(6, 30, BigDecimal.ZERO), true, "0344");
        assertEquals(new BigDecimal("0"), over.kept().stripTrailingZeros(), "after 30 months");
    }

    @Test
    void giftsUpToTheYearlyFreeAmountDoNotCountWhereTheMeasureIsOn() {
        Source gift = new Source(Kind.GIFT, "Boodschappen van mijn moeder", new BigDecimal("300.00"));
        assertEquals(new BigDecimal("300.00"), offset(List.of(gift), new History(0, 0, new BigDecimal("800")), false, "0344").kept());
        assertEquals(new BigDecimal("100.00"), offset(List.of(gift), new History(0, 0, new BigDecimal("1100")), false, "0344").kept());
        Result westland = offset(List.of(gift), History.NONE, false, "1783");
        assertEquals(new BigDecimal("300.00"), westland.counted(), "Westland counts every gift");
    }

    @Test
    void otherIncomeCountsInFullAndSourcesAddUp() {
        Result r = offset(List.of(work("200.00"), new Source(Kind.UITKERING, "WW", new BigDecimal("150.50")),
                new Source(Kind.ALIMENTATIE, "Alimentatie", new BigDecimal("100.00"))), History.NONE, false, "0344");
        assertEquals(new BigDecimal("450.50"), r.income());
        assertEquals(new BigDecimal("50.00"), r.kept());
        assertEquals(new BigDecimal("400.50"), r.counted());
        assertEquals(new BigDecimal("899.50"), r.bijstand());
        assertFalse(r.usedSingleParentDisregard());
    }

    // Art. 34a (Participatiewet in balans): by law from 2027; in the 2026 gedoogjaar Utrecht (test data) applies it
    // to people under 27 from July. Under 27 there is no sub n or r (art. 31 lid 5).
    private static final LocalDate AUGUST_2026 = LocalDate.of(2026, 8, 31);
    private static final LocalDate AUGUST_2027 = LocalDate.of(2027, 8, 31);
    private static final LocalDate BORN_1990 = LocalDate.of(1990, 3, 1);
    private static final LocalDate BORN_2003 = LocalDate.of(2003, 3, 1);

    private static Result offset34a(String net, History history, boolean singleParent, boolean pension, String gemeente, LocalDate day) {
        return offset34a(net, history, singleParent, pension, BORN_1990, gemeente, day);
    }

    private static Result offset34a(String net, History history, boolean singleParent, boolean pension, LocalDate born,
                                    String gemeente, LocalDate day) {
        return Offsetting.offset(NORM, null, List.of(work(net)), history, new Offsetting.Person(singleParent, pension, born),
                gemeente, day, RULES);
    }

    @ParameterizedTest(name = "{4} on {5}, born {6}: work {0}, 34a months used {1}: keep {2}")
    @CsvSource({
            "1000.00, 0, 150.00, VRIJLATING_34A_PROCENT, 0344, 2026-08-31, 2003-03-01",  // Utrecht, under 27: 34a, 15%
            "3000.00, 0, 450.00, VRIJLATING_34A_PROCENT, 0344, 2026-08-31, 2003-03-01",  // no maximum
            "1000.00, 11, 150.00, VRIJLATING_34A_PROCENT, 0344, 2026-08-31, 2003-03-01", // the twelfth month
            "1000.00, 12, 0.00, , 0344, 2026-08-31, 2003-03-01",                         // after twelve months: in full
            "1000.00, 0, 250.00, VRIJLATING_ARBEID_PROCENT, 0344, 2026-08-31, 1990-03-01", // Utrecht, 27 or older: sub n in 2026
            "1000.00, 0, 250.00, VRIJLATING_ARBEID_PROCENT, 1783, 2026-08-31, 1990-03-01", // Westland: sub n (25%, max 269)
            "1000.00, 0, 150.00, VRIJLATING_34A_PROCENT, 1783, 2027-08-31, 1990-03-01",  // everywhere from 2027
            "1000.00, 0, 150.00, VRIJLATING_34A_PROCENT, 1783, 2027-08-31, 2003-03-01",  // also under 27
    })
    void theNewDisregardIs15PercentForTwelveMonthsWhereTheMunicipalityAppliesIt(String net, int used, String kept, String rule,
                                                                                String gemeente, LocalDate day, LocalDate born) {
        Result r = offset34a(net, new History(used, 0, BigDecimal.ZERO, used), false, false, born, gemeente, day);
        assertEquals(new BigDecimal(kept), r.kept());
        if (rule != null) {
            assertEquals(RuleKey.valueOf(rule), r.disregards().get(0).rule());
            assertTrue(r.usedWorkDisregard(), "counts towards the months");
        } else {
            assertTrue(r.explanation().contains(Text.of("income.calc.newWorkDisregardUsed", 12)));
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"1783, 2026-08-31", "0344, 2026-06-30"})
    void under27ThereIsNoWorkDisregardBeforeArticle34a(String gemeente, LocalDate day) {
        Result r = offset34a("1000.00", History.NONE, true, false, BORN_2003, gemeente, day);
        assertEquals(new BigDecimal("0.00"), r.kept(), "art. 31 lid 5: no sub n, no sub r");
        assertFalse(r.usedWorkDisregard());
        assertTrue(r.explanation().contains(Text.of("income.calc.workDisregardYoung", 27)), r.explanation().toString());
        assertTrue(r.rulesUsed().stream().anyMatch(p -> p.key() == RuleKey.VRIJLATING_ARBEID_MINIMUMLEEFTIJD));
    }

    @Test
    void onTheTwentySeventhBirthdayTheWorkDisregardApplies() {
        LocalDate day = LocalDate.of(2026, 3, 31);
        assertEquals(new BigDecimal("0.00"), offset34a("400.00", History.NONE, false, false, day.plusDays(1).minusYears(27), "1783", day).kept());
        assertEquals(new BigDecimal("100.00"), offset34a("400.00", History.NONE, false, false, day.minusYears(27), "1783", day).kept());
    }

    @Test
    void monthsOfTheOldDisregardDoNotCountTowardsTheNewOne() {
        Result r = offset34a("1000.00", new History(6, 0, BigDecimal.ZERO, 0), false, false, BORN_2003, "0344", AUGUST_2026);
        assertEquals(new BigDecimal("150.00"), r.kept());
        assertTrue(r.explanation().contains(Text.of("income.calc.newWorkDisregard", new Text.Percent(new BigDecimal("15")),
                new BigDecimal("1000.00"), new BigDecimal("150.00"), 1, 12)));
    }

    @Test
    void fromTheAowAgeAQuarterUpTo226WithoutEnd() {
        Result r = offset34a("1000.00", new History(40, 0, BigDecimal.ZERO, 40), false, true, "1783", AUGUST_2027);
        assertEquals(new BigDecimal("226.00"), r.kept());
        assertEquals(RuleKey.VRIJLATING_AOW_PROCENT, r.disregards().get(0).rule());
        assertEquals(new BigDecimal("100.00"), offset34a("400.00", History.NONE, false, true, "1783", AUGUST_2027).kept());
    }

    @Test
    void underArticle34aTheSingleParentDisregardIsGone() {
        Result r = offset34a("1000.00", new History(12, 3, BigDecimal.ZERO, 12), true, false, "0344", AUGUST_2027);
        assertEquals(new BigDecimal("0.00"), r.kept());
        assertFalse(r.usedSingleParentDisregard());
    }

    @Test
    void whereTheMunicipalityHasABufferbudgetTheSummarySaysSoWhenIncomeMakesTheMonthShorter() {
        Result utrecht = offset34a("1000.00", History.NONE, false, false, "0344", AUGUST_2026);
        assertTrue(utrecht.summary().contains(Text.of("income.summary.buffer", new BigDecimal("1000"))), utrecht.summary().toString());
        assertTrue(utrecht.rulesUsed().stream().anyMatch(p -> p.key() == RuleKey.BUFFERBUDGET_MAXIMUM_PER_JAAR));
        Result westland = offset34a("1000.00", History.NONE, false, false, "1783", AUGUST_2026);
        assertFalse(westland.summary().stream().anyMatch(t -> t.key().equals("income.summary.buffer")));
        Result noIncome = Offsetting.offset(NORM, null, List.of(), History.NONE, new Offsetting.Person(false, false, BORN_1990), "0344", AUGUST_2026, RULES);
        assertFalse(noIncome.summary().stream().anyMatch(t -> t.key().equals("income.summary.buffer")), "nothing short");
    }
}
