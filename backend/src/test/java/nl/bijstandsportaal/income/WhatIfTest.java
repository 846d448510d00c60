package nl.bijstandsportaal.income;

import nl.bijstandsportaal.income.WhatIf.Answer;
import nl.bijstandsportaal.income.WhatIf.Month;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.rules.Household;
import nl.bijstandsportaal.rules.Household.Leefvorm;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.TestRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Wat als ik ga werken?" month by month. */
class WhatIfTest {

    private static final RuleBook RULES = RuleBook.of(TestRules.parse(TestRules.CSV.replace(
            "norm.alleenstaand_21_aow,*,2024-07-01,,1300.00,vastgesteld,test", "norm.alleenstaand_21_aow,*,2024-07-01,2024-12-31,1300.00,vastgesteld,test") + """
            vrijlating.arbeid_procent,*,2016-01-01,,25,vastgesteld,art. 31 lid 2 sub n
            vrijlating.arbeid_maanden,*,2016-01-01,,6,vastgesteld,art. 31 lid 2 sub n
            vrijlating.arbeid_maximum,*,2024-01-01,,269,vastgesteld,test
            vrijlating.alleenstaande_ouder_procent,*,2016-01-01,,12.5,vastgesteld,art. 31 lid 2 sub r
            vrijlating.alleenstaande_ouder_maximum,*,2024-01-01,,167.79,vastgesteld,test
            """));
    private static final Household SINGLE = new Household(Leefvorm.ALLEENSTAAND, LocalDate.of(1990, 1, 1), null, false, List.of());

    @Test
    void twelveHoursAtTwelveEurosMonthByMonth() {
        BigDecimal net = WhatIf.monthly(new BigDecimal("12"), new BigDecimal("12.00"));
        assertEquals(new BigDecimal("624.00"), net); // 12 x 12 x 52 / 12
        Answer a = WhatIf.calculate(new WhatIf.Question(SINGLE, "0344", net, YearMonth.of(2024, 9), false), RULES);
        assertEquals(WhatIf.MONTHS, a.months().size());
        Month first = a.months().get(0);
        // norm 1300; keep 25% of 624 = 156; counted 468; bijstand 832; vt 41.60; paid 790.40; total 1414.40; without 1235
        assertEquals(new BigDecimal("156.00"), first.kept());
        assertEquals(new BigDecimal("790.40"), first.paid());
        assertEquals(new BigDecimal("1414.40"), first.total());
        assertEquals(new BigDecimal("179.40"), first.more());
        Month seventh = a.months().get(6);
        assertEquals(YearMonth.of(2025, 3), seventh.month());
        assertEquals(new BigDecimal("0.00"), seventh.kept(), "the disregard ends after six months");
        assertEquals(new BigDecimal("31.20"), seventh.more()); // bijstand 676, vt 33.80, paid 642.20 + 624 = 1266.20 vs 1235
        assertTrue(a.summary().contains(Text.of("whatif.summary.later", YearMonth.of(2025, 3), seventh.total(), seventh.more())));
    }

    @Test
    void monthsWithoutKnownNormsUseTheLastKnownAndSaySo() {
        Answer a = WhatIf.calculate(new WhatIf.Question(SINGLE, "0344", new BigDecimal("400"), YearMonth.of(2024, 11), false), RULES);
        assertFalse(a.months().get(0).assumed());
        assertTrue(a.months().get(2).assumed(), "January 2025 has no norm in these rules");
        assertEquals(new BigDecimal("1300.00"), a.months().get(2).norm());
        assertEquals(Text.of("whatif.assumed", YearMonth.of(2024, 12)), a.leavesOut().get(0));
    }

    @Test
    void aSingleParentKeepsPartAfterTheFirstSixMonths() {
        Household parent = new Household(Leefvorm.ALLEENSTAANDE_OUDER, LocalDate.of(1990, 1, 1), null, false, List.of());
        Answer a = WhatIf.calculate(new WhatIf.Question(parent, "0344", new BigDecimal("800"), YearMonth.of(2024, 7), true), RULES);
        assertEquals(new BigDecimal("200.00"), a.months().get(0).kept());
        assertEquals(new BigDecimal("100.00"), a.months().get(6).kept(), "12.5% of 800 from the seventh month");
    }

    @Test
    void withoutAnyKnownNormTheAnswerSaysSo() {
        Answer a = WhatIf.calculate(new WhatIf.Question(SINGLE, "0344", new BigDecimal("400"), YearMonth.of(2030, 1), false), RULES);
        assertTrue(a.months().isEmpty());
        assertEquals(List.of(Text.of("whatif.summary.unknown", YearMonth.of(2030, 1))), a.summary());
    }

    @Test
    void fromTheDayArticle34aAppliesTheNewDisregardStartsWithItsOwnTwelveMonths() {
        RuleBook rules = RuleBook.of(TestRules.parse(TestRules.CSV + """
                vrijlating.arbeid_procent,*,2016-01-01,,25,vastgesteld,art. 31 lid 2 sub n
                vrijlating.arbeid_maanden,*,2016-01-01,,6,vastgesteld,art. 31 lid 2 sub n
                vrijlating.arbeid_maximum,*,2024-01-01,,269,vastgesteld,test
                maatregel.vrijlating_34a,*,2024-01-01,2024-12-31,0,vastgesteld,test
                maatregel.vrijlating_34a,*,2025-01-01,,1,vastgesteld,test: art. 34a from 2025 in these test rules
                vrijlating.34a_procent,*,2024-01-01,,15,vastgesteld,art. 34a
                vrijlating.34a_maanden,*,2024-01-01,,12,vastgesteld,art. 34a
                maatregel.bufferbudget,*,2024-01-01,,1,vastgesteld,test
                bufferbudget.maximum_per_jaar,*,2024-01-01,,1000,vastgesteld,art. 34b
                """));
        Answer a = WhatIf.calculate(new WhatIf.Question(SINGLE, "0344", new BigDecimal("400"), YearMonth.of(2024, 11), false), rules);
        // November and December 2024: sub n, 25% of 400; from January 2025: 15% of 400, months 1 to 12 of art. 34a
        assertEquals(List.of("100.00", "100.00", "60.00", "60.00"),
                a.months().subList(0, 4).stream().map(m -> m.kept().toPlainString()).toList());
        assertTrue(a.months().stream().skip(2).allMatch(m -> m.kept().compareTo(new BigDecimal("60.00")) == 0), "all 10 later months");
        assertTrue(a.leavesOut().contains(nl.bijstandsportaal.platform.i18n.Text.of("whatif.buffer", new BigDecimal("1000"))));
    }

    /** Figures that are known but not confirmed yet are marked per month, and the answer says what that means. */
    @Test
    void monthsWithProvisionalFiguresAreMarked() {
        RuleBook provisional = RuleBook.of(TestRules.parse(TestRules.CSV.replace(
                "norm.alleenstaand_21_aow,*,2024-07-01,,1300.00,vastgesteld,test",
                "norm.alleenstaand_21_aow,*,2024-07-01,2024-12-31,1300.00,vastgesteld,test\n"
                        + "norm.alleenstaand_21_aow,*,2025-01-01,,1310.00,voorlopig,wettekst")));
        Answer a = WhatIf.calculate(new WhatIf.Question(SINGLE, "0344", new BigDecimal("400"), YearMonth.of(2024, 12), false), provisional);
        assertFalse(a.months().get(0).provisional(), "December 2024 is confirmed");
        assertTrue(a.months().get(1).provisional(), "January 2025 is not confirmed yet");
        assertFalse(a.months().get(1).assumed());
        assertTrue(a.leavesOut().contains(Text.of("whatif.provisional")), a.leavesOut().toString());
    }
}
