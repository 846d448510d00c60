package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.rules.Household.Leefvorm;
import nl.bijstandsportaal.rules.Household.Member;
import nl.bijstandsportaal.rules.Household.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static nl.bijstandsportaal.rules.TestRules.UTRECHT;
import static nl.bijstandsportaal.rules.TestRules.WESTLAND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormCalculatorTest {

    private static final RuleBook RULES = TestRules.book();
    private static final YearMonth JAN_2024 = YearMonth.of(2024, 1);
    private static final LocalDate BORN_1980 = LocalDate.of(1980, 3, 10);

    private static MonthlyNorm norm(Household household, YearMonth month) {
        return NormCalculator.forMonth(household, month, WESTLAND, RULES);
    }

    private static Household single(Member... others) {
        return new Household(Leefvorm.ALLEENSTAAND, BORN_1980, null, false, List.of(others));
    }

    private static Member adult(String name) {
        return new Member(name, LocalDate.of(1990, 1, 1), Status.GEEN);
    }

    /** The norm examples of ../shared/domain.md (1 January 2024, incl. vakantietoeslag). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "single 21 to pension age,        ALLEENSTAAND,        1980-03-10,           , false, 1283.83",
            "single parent 21 to pension age, ALLEENSTAANDE_OUDER, 1980-03-10,           , false, 1283.83",
            "partners 21 to pension age,      PARTNERS,            1980-03-10, 1982-05-01, false, 1834.04",
            "single 18-20,                    ALLEENSTAAND,        2004-02-01,           , false, 316.94",
            "single at pension age,           ALLEENSTAAND,        1950-01-01,           , false, 1425.76",
            "partners at pension age,         PARTNERS,            1950-01-01, 1952-01-01, false, 1933.98",
            "single in an institution,        ALLEENSTAAND,        1980-03-10,           , true,  406.51",
            "partners in an institution,      PARTNERS,            1980-03-10, 1982-05-01, true,  632.31",
    })
    void theNormsOfJanuary2024(String who, Leefvorm leefvorm, LocalDate born, LocalDate partnerBorn, boolean institution,
                               BigDecimal expected) {
        MonthlyNorm norm = norm(new Household(leefvorm, born, partnerBorn, institution, List.of()), JAN_2024);
        assertEquals(expected, norm.inclVt(), who);
        assertEquals(1, norm.parts().size());
        assertFalse(norm.parts().get(0).isKostendelersnorm());
    }

    /** Art. 22a: (40 + A x 30) / A percent of the partners norm, A = the number of kostendelers. */
    @ParameterizedTest(name = "A = {0}: {1}% -> {2}")
    @CsvSource({
            "1, 70,    1283.83",  // no one else: the single norm itself (70% of 1834.04 is 1283.828)
            "2, 50,    917.02",
            "3, 43.33, 794.75",   // 1834.04 x 130/300 = 794.7507
            "4, 40,    733.62",   // 1834.04 x 0.40 = 733.616
    })
    void theKostendelersnormPercentages(int a, BigDecimal percent, BigDecimal expected) {
        List<Member> others = new ArrayList<>();
        for (int i = 1; i < a; i++) {
            others.add(adult("Huisgenoot " + i));
        }
        MonthlyNorm norm = norm(single(others.toArray(Member[]::new)), JAN_2024);
        assertEquals(expected, norm.inclVt());
        MonthlyNorm.Part part = norm.parts().get(0);
        if (a == 1) {
            assertNull(part.kostendelerPercent());
        } else {
            assertEquals(a, part.kostendelers());
            assertEquals(0, percent.compareTo(part.kostendelerPercent().setScale(2, java.math.RoundingMode.HALF_UP)));
            assertEquals(new BigDecimal("1834.04"), part.partnersNorm());
        }
    }

    @Test
    void partnersWithAnAdultChildEachGetTheirShare() {
        Household household = new Household(Leefvorm.PARTNERS, BORN_1980, LocalDate.of(1982, 5, 1), false,
                List.of(new Member("Petra", LocalDate.of(1990, 1, 1), Status.GEEN)));
        // A = 3: 2 x 43.333..% x 1834.04 = 1589.5013
        assertEquals(new BigDecimal("1589.50"), norm(household, JAN_2024).inclVt());
    }

    @ParameterizedTest(name = "{0} does not share the costs")
    @CsvSource({"STUDIEFINANCIERING", "BBL", "KAMERHUURDER", "KOSTGANGER"})
    void studentsAndRentersDoNotShareTheCosts(Status status) {
        MonthlyNorm norm = norm(single(new Member("Sam", LocalDate.of(1990, 1, 1), status)), JAN_2024);
        assertEquals(new BigDecimal("1283.83"), norm.inclVt());
    }

    @Test
    void someoneUnder27DoesNotShareTheCosts() {
        MonthlyNorm norm = norm(single(new Member("Tim", LocalDate.of(1997, 2, 2), Status.GEEN)), JAN_2024);
        assertEquals(new BigDecimal("1283.83"), norm.inclVt(), "Tim is 26 all of January 2024");
    }

    @Test
    void aHouseholdMemberTurning27MidMonthSplitsTheMonth() {
        // Tim turns 27 on 16 June 2024: 15 days on the single norm, 15 days as one of two kostendelers.
        MonthlyNorm norm = norm(single(new Member("Tim", LocalDate.of(1997, 6, 16), Status.GEEN)), YearMonth.of(2024, 6));
        assertEquals(2, norm.parts().size());
        MonthlyNorm.Part before = norm.parts().get(0);
        MonthlyNorm.Part after = norm.parts().get(1);
        assertEquals(LocalDate.of(2024, 6, 15), before.to());
        assertEquals(15, before.days());
        assertEquals(LocalDate.of(2024, 6, 16), after.from());
        assertEquals(List.of("Tim"), after.kostendelerNames());
        // 1283.83 x 15/30 + 917.02 x 15/30 = 641.915 + 458.51 = 1100.425, rounded once
        assertEquals(new BigDecimal("1100.43"), norm.inclVt());
    }

    @Test
    void aNormChangeOnFirstJulyStartsWithTheMonth() {
        Household household = single();
        MonthlyNorm june = norm(household, YearMonth.of(2024, 6));
        MonthlyNorm july = norm(household, YearMonth.of(2024, 7));
        assertEquals(new BigDecimal("1283.83"), june.inclVt());
        assertEquals(new BigDecimal("1300.00"), july.inclVt());
        assertEquals(1, july.parts().size());
        assertEquals(LocalDate.of(2024, 7, 1), july.parts().get(0).categoryRule().from());
        assertEquals("domain.md 2024-01", june.parts().get(0).categoryRule().source());
    }

    @Test
    void youngPartnersWithChildrenHaveTheirOwnNorm() {
        LocalDate twenty = LocalDate.of(2003, 6, 1);
        Household without = new Household(Leefvorm.PARTNERS, twenty, LocalDate.of(2004, 2, 2), false, List.of());
        Household with = new Household(Leefvorm.PARTNERS, twenty, LocalDate.of(2004, 2, 2), false, List.of(), true);
        assertEquals(RuleKey.NORM_PARTNERS_18_20, norm(without, JAN_2024).parts().get(0).category());
        assertEquals(RuleKey.NORM_PARTNERS_18_20_MET_KINDEREN, norm(with, JAN_2024).parts().get(0).category());
        Household olderPartnerWithChildren = new Household(Leefvorm.PARTNERS, twenty, LocalDate.of(1990, 2, 2), false, List.of(), true);
        assertEquals(new BigDecimal("1631.48"), norm(olderPartnerWithChildren, JAN_2024).inclVt());
    }

    @Test
    void partnersOfWhomOneHasReachedAowAgeGetTheAowNorm() {
        Household oneAow = new Household(Leefvorm.PARTNERS, LocalDate.of(1955, 1, 1), LocalDate.of(1970, 1, 1), false, List.of());
        assertEquals(RuleKey.NORM_PARTNERS_AOW, norm(oneAow, JAN_2024).parts().get(0).category()); // art. 22 sub c
    }

    @Test
    void turning21ChangesTheCategoryOnTheBirthday() {
        Household household = new Household(Leefvorm.ALLEENSTAAND, LocalDate.of(2003, 1, 11), null, false, List.of());
        MonthlyNorm norm = norm(household, JAN_2024);
        assertEquals(RuleKey.NORM_ALLEENSTAAND_18_20, norm.parts().get(0).category());
        assertEquals(RuleKey.NORM_ALLEENSTAAND_21_AOW, norm.parts().get(1).category());
        // 316.94 x 10/31 + 1283.83 x 21/31 = 102.2387 + 869.6913 = 971.93
        assertEquals(new BigDecimal("971.93"), norm.inclVt());
    }

    @Test
    void vakantietoeslagIsReservedFromTheNormAndPaidInTheMunicipalitysMonth() {
        MonthlyNorm westland = norm(single(), JAN_2024);
        assertEquals(new BigDecimal("64.19"), westland.vakantietoeslag()); // 5% of 1283.83 = 64.1915
        assertEquals(new BigDecimal("1219.64"), westland.exclVt());
        assertEquals(5, westland.vtPayMonth());
        MonthlyNorm utrecht = NormCalculator.forMonth(single(), JAN_2024, UTRECHT, RULES);
        assertEquals(6, utrecht.vtPayMonth(), "Utrecht's own value wins over the national one");
    }

    @Test
    void theExplanationNamesEveryRuleVersionUsed() {
        MonthlyNorm norm = norm(single(adult("Lisa")), JAN_2024);
        List<RuleKey> keys = norm.rulesUsed().stream().map(RulePeriod::key).toList();
        assertTrue(keys.containsAll(List.of(RuleKey.NORM_ALLEENSTAAND_21_AOW, RuleKey.NORM_PARTNERS_21_AOW,
                RuleKey.KOSTENDELER_BASIS_PROCENT, RuleKey.KOSTENDELER_PER_PERSOON_PROCENT,
                RuleKey.KOSTENDELER_MINIMUMLEEFTIJD, RuleKey.VAKANTIETOESLAG_PROCENT)), keys.toString());
        norm.rulesUsed().forEach(rule -> assertFalse(rule.source().isBlank()));
    }

    @Test
    void noNormUnder18AndNoRulesNoAmount() {
        Household child = new Household(Leefvorm.ALLEENSTAAND, LocalDate.of(2010, 1, 1), null, false, List.of());
        assertThrows(IllegalArgumentException.class, () -> norm(child, JAN_2024));
        assertThrows(RuleBook.MissingRuleException.class, () -> norm(single(), YearMonth.of(2023, 12)));
    }
}
