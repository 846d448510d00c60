package nl.bijstandsportaal.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleFilesTest {

    private static final String HEADER = RuleFiles.HEADER + "\n";

    private static String problemsOf(String csv) {
        RuleFileException e = assertThrows(RuleFileException.class, () -> RuleBook.of(TestRules.parse(csv)));
        return String.join("\n", e.problems());
    }

    @Test
    void overlappingPeriodsAreRefusedNamingFileAndLine() {
        String problems = problemsOf(HEADER + """
                norm.alleenstaand_21_aow,*,2025-01-01,2025-06-30,1000.00,vastgesteld,a
                norm.alleenstaand_21_aow,*,2025-06-01,,1010.00,vastgesteld,b
                """);
        assertTrue(problems.contains("test.csv line 3"), problems);
        assertTrue(problems.contains("overlaps"), problems);
        assertTrue(problems.contains("test.csv line 2"), "names the other period too: " + problems);
    }

    @Test
    void gapsAreRefusedWithTheDateToUse() {
        String problems = problemsOf(HEADER + """
                norm.alleenstaand_21_aow,*,2025-01-01,2025-06-30,1000.00,vastgesteld,a
                norm.alleenstaand_21_aow,*,2025-07-02,,1010.00,vastgesteld,b
                """);
        assertTrue(problems.contains("test.csv line 3") && problems.contains("gap") && problems.contains("2025-07-01"), problems);
    }

    @Test
    void anOpenPeriodMustBeClosedBeforeTheNextOne() {
        String problems = problemsOf(HEADER + """
                norm.alleenstaand_21_aow,*,2025-01-01,,1000.00,vastgesteld,a
                norm.alleenstaand_21_aow,*,2025-07-01,,1010.00,vastgesteld,b
                """);
        assertTrue(problems.contains("no end date") && problems.contains("2025-06-30"), problems);
    }

    @Test
    void aMunicipalityAndTheNationalRuleAreSeparateSeries() {
        RuleBook book = RuleBook.of(TestRules.parse(HEADER + """
                giften.vrij_per_jaar,*,2026-01-01,,1200,vastgesteld,Participatiewet in balans
                giften.vrij_per_jaar,0344,2026-01-01,2026-12-31,1500,vastgesteld,"Beleidsregels Utrecht, art. 4"
                """));
        assertEquals(new BigDecimal("1500"), book.value(RuleKey.GIFTEN_VRIJ_PER_JAAR, "0344", LocalDate.of(2026, 5, 1)));
        assertEquals(new BigDecimal("1200"), book.value(RuleKey.GIFTEN_VRIJ_PER_JAAR, "0344", LocalDate.of(2027, 1, 1)),
                "after Utrecht's own period the national rule applies again");
        assertEquals(new BigDecimal("1200"), book.value(RuleKey.GIFTEN_VRIJ_PER_JAAR, "1783", LocalDate.of(2026, 5, 1)));
        assertEquals("Beleidsregels Utrecht, art. 4", book.get(RuleKey.GIFTEN_VRIJ_PER_JAAR, "0344", LocalDate.of(2026, 5, 1)).source());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "norm.alleenstaand_21_aox,*,2025-01-01,,1000.00,vastgesteld,a | unknown rule",
            "norm.alleenstaand_21_aow,Utrecht,2025-01-01,,1000.00,vastgesteld,a | four-digit CBS code",
            "norm.alleenstaand_21_aow,*,1-1-2025,,1000.00,vastgesteld,a | is not a date",
            "norm.alleenstaand_21_aow,*,2025-01-01,2024-12-31,1000.00,vastgesteld,a | is before geldig_vanaf",
            "norm.alleenstaand_21_aow,*,2025-01-01,,1.000.00,vastgesteld,a | is not a number",
            "norm.alleenstaand_21_aow,*,2025-01-01,,1000.005,vastgesteld,a | at most 2 decimals",
            "kostendeler.basis_procent,*,2025-01-01,,140,vastgesteld,a | a percentage from 0 to 100",
            "kostendeler.minimumleeftijd,*,2025-01-01,,27.5,vastgesteld,a | a whole number",
            "maatregel.giften_1200,1783,2026-01-01,,2,vastgesteld,a | 1 (on) or 0 (off)",
            "norm.alleenstaand_21_aow,*,2025-01-01,,1000.00,vastgesteld, | every rule needs its source",
            "norm.alleenstaand_21_aow,*,2025-01-01,,1000.00,misschien,a | status must be 'vastgesteld'",
            "norm.alleenstaand_21_aow,*,2025-01-01,,1000.00,a | expected 7 fields",
    })
    void badLinesAreRefusedWithWhatToDo(String line, String expected) {
        String problems = String.join("\n", assertThrows(RuleFileException.class,
                () -> TestRules.parse(HEADER + line + "\n")).problems());
        assertTrue(problems.startsWith("test.csv line 2: "), problems);
        assertTrue(problems.contains(expected), problems);
    }

    @Test
    void allProblemsAreReportedAtOnceAndCommentsAreSkipped() {
        List<String> problems = assertThrows(RuleFileException.class, () -> TestRules.parse(HEADER + """
                # a comment
                norm.x,*,2025-01-01,,1,vastgesteld,a

                norm.y,*,2025-01-01,,1,vastgesteld,a
                """)).problems();
        assertEquals(2, problems.size());
        assertTrue(problems.get(1).startsWith("test.csv line 5"), problems.toString());
    }

    @Test
    void aProvisionalFigureIsMarkedAsSuch() {
        RuleBook book = RuleBook.of(TestRules.parse(HEADER + """
                norm.alleenstaand_21_aow,*,2026-01-01,2026-06-30,1401.50,vastgesteld,normenbrief
                norm.alleenstaand_21_aow,*,2026-07-01,2026-12-31,1419.46,voorlopig,wettekst
                """));
        assertFalse(book.get(RuleKey.NORM_ALLEENSTAAND_21_AOW, "0344", LocalDate.of(2026, 6, 30)).provisional());
        assertTrue(book.get(RuleKey.NORM_ALLEENSTAAND_21_AOW, "0344", LocalDate.of(2026, 7, 1)).provisional());
    }

    /** Participatiewet in balans: a municipality cannot switch a measure on before its article is in force. */
    @Test
    void aMeasureIsNotSwitchedOnBeforeItsLawIsInForce() {
        String law = """
                wet.art34b,*,2026-01-01,2026-12-31,0,vastgesteld,fase 3
                wet.art34b,*,2027-01-01,,1,vastgesteld,fase 3
                """;
        String problems = problemsOf(HEADER + law + """
                maatregel.bufferbudget,1783,2026-12-01,,1,vastgesteld,raadsbesluit
                """);
        assertTrue(problems.contains("maatregel.bufferbudget (gemeente 1783) is switched on from 2026-12-01")
                && problems.contains("wet.art34b allows it only from 2027-01-01"), problems);
        RuleBook fine = RuleBook.of(TestRules.parse(HEADER + law + """
                maatregel.bufferbudget,1783,2026-01-01,2026-12-31,0,vastgesteld,raadsbesluit
                maatregel.bufferbudget,1783,2027-01-01,,1,vastgesteld,raadsbesluit
                """));
        assertTrue(fine.isOn(RuleKey.MAATREGEL_BUFFERBUDGET, "1783", LocalDate.of(2027, 1, 1)));
        assertTrue(problemsOf(HEADER + """
                wet.art34b,1783,2026-01-01,,1,vastgesteld,raadsbesluit
                """).contains("set by the law for the whole country"));
    }

    /** The seed data cites the day each measure of Participatiewet in balans may start. */
    @Test
    void theSeedSaysWhenEachMeasureMayStart() {
        RuleBook book = RuleFiles.loadSeed();
        for (RuleKey law : List.of(RuleKey.WET_34A, RuleKey.WET_34B, RuleKey.WET_36_AMBTSHALVE)) {
            assertFalse(book.isOn(law, "*", LocalDate.of(2026, 12, 31)), law.code());
            assertTrue(book.isOn(law, "*", LocalDate.of(2027, 1, 1)), law.code());
            assertTrue(book.get(law, "*", LocalDate.of(2027, 1, 1)).source().contains("BWBR0051679"), law.code());
        }
        assertTrue(book.isOn(RuleKey.WET_34A_JONGEREN, "*", LocalDate.of(2026, 7, 1)), "the gedoogjaar allows it in 2026");
        assertTrue(book.get(RuleKey.NORM_ALLEENSTAAND_21_AOW, "*", LocalDate.of(2026, 7, 1)).provisional(),
                "July 2026 norms are worked out from the law text, not yet confirmed by the normenbrief");
    }

    @Test
    void aFileWithoutTheHeaderIsRefused() {
        List<String> problems = assertThrows(RuleFileException.class,
                () -> TestRules.parse("norm.alleenstaand_21_aow,*,2025-01-01,,1000.00,a\n")).problems();
        assertTrue(problems.get(0).contains("header"), problems.toString());
    }

    @Test
    void quotedFieldsMayHoldCommasAndQuotes() {
        assertEquals(List.of("a", "b, c", "say \"hi\"", ""), RuleFiles.split("a,\"b, c\",\"say \"\"hi\"\"\","));
    }

    /** The seed data the portal starts with: it loads, every period names its source, and the known figures are right. */
    @Test
    void theSeedFilesLoadWithTheirSources() {
        RuleBook book = RuleFiles.loadSeed();
        assertFalse(book.all().isEmpty());
        book.all().forEach(p -> assertFalse(p.source().isBlank(), p.origin()));
        LocalDate jan2024 = LocalDate.of(2024, 1, 15);
        assertEquals(new BigDecimal("1283.83"), book.value(RuleKey.NORM_ALLEENSTAAND_21_AOW, "0344", jan2024));
        assertEquals(new BigDecimal("1834.04"), book.value(RuleKey.NORM_PARTNERS_21_AOW, "1783", jan2024));
        assertEquals(new BigDecimal("40"), book.value(RuleKey.KOSTENDELER_BASIS_PROCENT, "1783", LocalDate.of(2026, 11, 1)));
        // The maxima of the work disregards are indexed every half year (art. 31 lid 2 sub n and r; Velsen's tables of
        // 1 January 2024, wetten.overheid.nl BWBR0015703 from 2025).
        assertEquals(new BigDecimal("264"), book.value(RuleKey.VRIJLATING_ARBEID_MAXIMUM, "1783", jan2024));
        assertEquals(new BigDecimal("164.73"), book.value(RuleKey.VRIJLATING_ALLEENSTAANDE_OUDER_MAXIMUM, "1783", jan2024));
        assertEquals(new BigDecimal("278"), book.value(RuleKey.VRIJLATING_ARBEID_MAXIMUM, "1783", LocalDate.of(2025, 9, 1)));
        assertEquals(new BigDecimal("173.87"), book.value(RuleKey.VRIJLATING_ALLEENSTAANDE_OUDER_MAXIMUM, "1783", LocalDate.of(2025, 9, 1)));
        assertEquals(5, book.value(RuleKey.VAKANTIETOESLAG_UITBETAALMAAND, "1783", jan2024).intValue(), "Westland's own month");
        assertEquals(6, book.value(RuleKey.VAKANTIETOESLAG_UITBETAALMAAND, "0344", jan2024).intValue(), "the national default");
        assertTrue(book.isOn(RuleKey.MAATREGEL_BUFFERBUDGET, "0344", LocalDate.of(2027, 1, 1)));
        assertFalse(book.isOn(RuleKey.MAATREGEL_BUFFERBUDGET, "1783", LocalDate.of(2027, 3, 1)));
        assertTrue(book.isOn(RuleKey.MAATREGEL_BUFFERBUDGET, "1783", LocalDate.of(2027, 7, 1)));
        assertEquals(LocalDate.of(2027, 7, 1),
                book.nextChange(List.of(RuleKey.MAATREGEL_BUFFERBUDGET), "1783", LocalDate.of(2027, 3, 1)).orElseThrow());
    }

    /**
     * Participatiewet in balans, phase 3 (1 January 2027; gemeente.nu 15-10-2025, "fasering in drie fasen"): the
     * bufferbudget (art. 34b), the individuele inkomenstoeslag without an application (art. 36) and the new disregard
     * for everyone (art. 34a) are not in force before then, so no municipality in the seed data has them on in 2026
     * (the tolerance of 2026 covers the disregard for young people only).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = RuleKey.class, names = {"MAATREGEL_BUFFERBUDGET", "MAATREGEL_IIT_AMBTSHALVE", "MAATREGEL_VRIJLATING_34A"})
    void measuresOfThePhaseOf2027AreOffEverywhereIn2026(RuleKey measure) {
        RuleBook book = RuleFiles.loadSeed();
        for (String gemeente : List.of("*", "0344", "1783")) {
            for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
                assertFalse(book.isOn(measure, gemeente, day), measure + " in " + gemeente + " on " + day);
            }
        }
    }

    @Test
    void lookingAheadFiguresNotKnownYetAreTheLastKnownButMeasuresAreNeverAssumed() {
        RuleBook book = RuleBook.of(TestRules.parse(HEADER + """
                vrijlating.arbeid_maximum,*,2026-01-01,2026-12-31,285,vastgesteld,a
                maatregel.vrijlating_34a,*,2026-01-01,2026-12-31,0,vastgesteld,b
                maatregel.vrijlating_34a,*,2027-01-01,,1,vastgesteld,c
                maatregel.vrijlating_34a_jongeren,0344,2026-07-01,2026-12-31,1,vastgesteld,d
                """));
        LocalDate december = LocalDate.of(2026, 12, 31);
        LocalDate march = LocalDate.of(2027, 3, 31);
        RuleBook ahead = book.assumingFiguresOf(december);
        assertTrue(book.find(RuleKey.VRIJLATING_ARBEID_MAXIMUM, "0344", march).isEmpty());
        assertEquals(new BigDecimal("285"), ahead.value(RuleKey.VRIJLATING_ARBEID_MAXIMUM, "0344", march), "last known figure");
        assertTrue(ahead.isOn(RuleKey.MAATREGEL_VRIJLATING_34A, "0344", march), "a measure known to start applies");
        assertFalse(ahead.isOn(RuleKey.MAATREGEL_VRIJLATING_34A_JONGEREN, "0344", march), "an ended measure is not assumed");
        assertTrue(ahead.find(RuleKey.VRIJLATING_ARBEID_MAXIMUM, "0344", LocalDate.of(2025, 12, 31)).isEmpty(), "nothing assumed backwards");
    }
}
