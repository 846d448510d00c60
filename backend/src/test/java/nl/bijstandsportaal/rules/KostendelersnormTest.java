package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.rules.Household.Leefvorm;
import nl.bijstandsportaal.rules.Household.Member;
import nl.bijstandsportaal.rules.Household.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kostendelersnorm (Participatiewet art. 19a lid 1 and 22a) on the portal's own rule data, for December 2026
 * (norms of 1 July 2026: partners 21 to pension age € 2.027,79, single 18-20 € 350,42, partners of whom one is
 * 18-20 € 1.364,32 or € 1.769,88 with children; wetten.overheid.nl BWBR0015703, text from 2026-07-01).
 */
class KostendelersnormTest {

    private static final RuleBook RULES = RuleFiles.loadSeed();
    private static final YearMonth DECEMBER_2026 = YearMonth.of(2026, 12);
    private static final LocalDate AGE_30 = LocalDate.of(1996, 6, 1);
    private static final LocalDate AGE_19 = LocalDate.of(2007, 6, 1);
    private static final Member HOUSEMATE_40 = new Member("Kees", LocalDate.of(1986, 6, 1), Status.GEEN);

    private static BigDecimal norm(Household household) {
        return NormCalculator.forMonth(household, DECEMBER_2026, "1783", RULES).inclVt();
    }

    private static Household couple(LocalDate applicant, LocalDate partner, boolean children, Member... others) {
        return new Household(Leefvorm.PARTNERS, applicant, partner, false, List.of(others), children);
    }

    /**
     * Art. 22a lid 1 and 3: A counts the kostendelers and the spouses of 21 or older; a spouse of 18-20 keeps a norm of
     * their own (single 18-20, with children increased by what children add: 1,769.88 - 1,364.32 = 405.56).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // who                                           | children | housemates | expected (incl. vt)
            "couple 30 and 19 alone (art. 20 lid 1 sub c)      | false | 0 | 1364.32",
            "couple 30 and 19, one housemate: A = 2            | false | 1 | 1364.32",
            "couple 30 and 19, two housemates: A = 3           | false | 2 | 1229.13",
            "couple 30 and 19 with children, one housemate     | true  | 1 | 1769.88",
    })
    void aSpouseUnder21IsNoKostendelerAndKeepsTheirOwnNorm(String who, boolean children, int housemates, BigDecimal expected) {
        Member[] others = housemates == 1 ? new Member[]{HOUSEMATE_40}
                : housemates == 2 ? new Member[]{HOUSEMATE_40, new Member("Ria", LocalDate.of(1970, 1, 1), Status.GEEN)} : new Member[0];
        assertEquals(expected, norm(couple(AGE_30, AGE_19, children, others)), who);
        assertEquals(expected, norm(couple(AGE_19, AGE_30, children, others)), who + ", applicant and partner swapped");
    }

    @Test
    void aHousemateNeverRaisesTheNormOfACouple() {
        for (LocalDate[] ages : new LocalDate[][]{{AGE_30, AGE_19}, {AGE_19, AGE_30}, {AGE_30, AGE_30}}) {
            BigDecimal alone = norm(couple(ages[0], ages[1], false));
            BigDecimal withHousemate = norm(couple(ages[0], ages[1], false, HOUSEMATE_40));
            assertTrue(withHousemate.compareTo(alone) <= 0, alone + " alone, " + withHousemate + " with a housemate");
        }
    }

    @Test
    void theYoungSpousesOwnPartIsExplained() {
        MonthlyNorm.Part part = NormCalculator.forMonth(couple(AGE_19, AGE_30, false, HOUSEMATE_40), DECEMBER_2026, "1783", RULES).parts().get(0);
        assertEquals(2, part.kostendelers(), "the partner of 30 and the housemate");
        assertEquals(0, new BigDecimal("350.42").compareTo(part.youngPartnerNorm()));
        assertNull(NormCalculator.forMonth(couple(AGE_30, AGE_30, false, HOUSEMATE_40), DECEMBER_2026, "1783", RULES)
                .parts().get(0).youngPartnerNorm());
    }

    /** Art. 19a lid 1 sub b, c and d: who lives in the home on commercial terms or studies does not share the costs. */
    @ParameterizedTest
    @EnumSource(value = Status.class, names = "GEEN", mode = EnumSource.Mode.EXCLUDE)
    void someoneWhoStudiesOrLivesThereOnCommercialTermsSharesNoCosts(Status status) {
        Household single = new Household(Leefvorm.ALLEENSTAAND, AGE_30, null, false, List.of(new Member("Kees", LocalDate.of(1986, 6, 1), status)));
        assertEquals(new BigDecimal("1419.46"), norm(single), status.name());
        assertFalse(NormCalculator.forMonth(single, DECEMBER_2026, "1783", RULES).parts().get(0).isKostendelersnorm());
    }

    /** Before 2023 a housemate of 21 already shared the costs; since 1 January 2023 from 27 (art. 19a lid 1). */
    @Test
    void theMinimumAgeIsDated() {
        assertEquals(21, RULES.value(RuleKey.KOSTENDELER_MINIMUMLEEFTIJD, "1783", LocalDate.of(2022, 12, 31)).intValueExact());
        assertEquals(27, RULES.value(RuleKey.KOSTENDELER_MINIMUMLEEFTIJD, "1783", LocalDate.of(2023, 1, 1)).intValueExact());
    }

    /**
     * Published municipal tables differ by a few cents for 3 and 6 persons: some round the percentage to two decimals
     * first (43.33 instead of 43.333...). The method is a rule per municipality; the default is the exact fraction.
     */
    @Test
    void roundingThePercentageFirstIsAMunicipalitysRule() {
        Household withTwo = new Household(Leefvorm.ALLEENSTAAND, AGE_30, null, false,
                List.of(HOUSEMATE_40, new Member("Ria", LocalDate.of(1970, 1, 1), Status.GEEN)));
        // Exact: 2,027.79 x (40 + 3 x 30) / 3 % = 878.709 -> 878.71.
        assertEquals(new BigDecimal("878.71"), norm(withTwo));
        RuleBook rounded = RuleBook.of(java.util.stream.Stream.concat(RULES.all().stream(), java.util.stream.Stream.of(
                new RulePeriod(RuleKey.KOSTENDELER_PROCENT_AFGEROND, "1783", LocalDate.of(2026, 1, 1), null, BigDecimal.ONE, false, "test: afgerond percentage", "test")))
                .toList());
        // Rounded first: 2,027.79 x 43.33 % = 878.641 -> 878.64.
        assertEquals(new BigDecimal("878.64"), NormCalculator.forMonth(withTwo, DECEMBER_2026, "1783", rounded).inclVt());
    }
}
