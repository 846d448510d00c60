package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.platform.i18n.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Periods a beheerder added, merged over the seed files in memory: see {@link RuleMerge}. */
class RuleMergeTest {

    private static final String UTRECHT = TestRules.UTRECHT;
    private static final String WESTLAND = TestRules.WESTLAND;
    private static final LocalDate D = LocalDate.of(2027, 1, 1);

    /** The test rules plus a municipal rule with an open period for Utrecht. */
    private static final List<RulePeriod> SEED = TestRules.parse(TestRules.CSV
            + "verlaging.afspraak_bedrag,0344,2015-01-01,,25,vastgesteld,Demo Utrecht\n"
            + "buitenland.max_weken,*,2015-01-01,,4,vastgesteld,art. 13\n");

    private static long nextId = 1;

    private static StoredPeriod row(String regel, String gemeente, LocalDate from, LocalDate to, String value) {
        return new StoredPeriod(nextId++, regel, gemeente, from, to, new BigDecimal(value), false, "Raadsbesluit", 7, "Priya Ramdin",
                Instant.parse("2026-11-23T09:00:00Z"));
    }

    private static List<RulePeriod> periods(StoredPeriod... rows) {
        List<String> problems = new ArrayList<>();
        List<RulePeriod> periods = new ArrayList<>();
        for (StoredPeriod row : rows) {
            periods.add(row.toPeriod(problems));
        }
        assertTrue(problems.isEmpty(), problems.toString());
        return periods;
    }

    private static RuleBook book(StoredPeriod... rows) {
        return RuleBook.of(RuleMerge.merge(SEED, periods(rows)).periods());
    }

    @Test
    void anAddedPeriodEndsTheOpenSeedPeriodInMemoryOnly() {
        RulePeriod seedPeriod = SEED.stream().filter(p -> p.key() == RuleKey.VERLAGING_AFSPRAAK_BEDRAG).findFirst().orElseThrow();
        StoredPeriod added = row("verlaging.afspraak_bedrag", UTRECHT, D, null, "30.0000");

        RuleMerge.Result merged = RuleMerge.merge(SEED, periods(added));
        RuleBook book = RuleBook.of(merged.periods());

        assertEquals(new BigDecimal("25"), book.value(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, UTRECHT, D.minusDays(1)));
        assertEquals(new BigDecimal("30"), book.value(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, UTRECHT, D), "30.0000 from the database reads as 30");
        assertEquals(new BigDecimal("30"), book.value(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, UTRECHT, D.plusYears(50)));
        RulePeriod ended = book.get(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, UTRECHT, D.minusDays(1));
        assertEquals(D.minusDays(1), ended.to());
        assertEquals(seedPeriod.origin(), ended.origin(), "the seed line is still named as the origin");
        assertNull(seedPeriod.to(), "the period as read from the file is not changed");
        assertNull(added.to(), "the stored row is not changed");
        assertEquals(new RuleMerge.Note(RuleMerge.Fate.ENDED, added.origin(), D), merged.notes().get(seedPeriod.origin()));
        assertTrue(merged.replaced().isEmpty());
    }

    @Test
    void withoutAnOwnPeriodTheAddedOneBecomesTheMunicipalitysOwnAndTheNationalRuleStays() {
        RuleBook book = book(row("buitenland.max_weken", UTRECHT, D, null, "6"));

        assertEquals(new BigDecimal("4"), book.value(RuleKey.BUITENLAND_MAX_WEKEN, UTRECHT, D.minusDays(1)), "national before D");
        assertEquals(new BigDecimal("6"), book.value(RuleKey.BUITENLAND_MAX_WEKEN, UTRECHT, D));
        assertEquals(new BigDecimal("4"), book.value(RuleKey.BUITENLAND_MAX_WEKEN, WESTLAND, D), "other municipalities keep the national value");
        RulePeriod national = book.get(RuleKey.BUITENLAND_MAX_WEKEN, WESTLAND, D);
        assertTrue(national.isNational());
        assertNull(national.to(), "the national period is never ended by a municipality");
    }

    @Test
    void aPeriodWithAnEndGoesBackToTheNationalValueAfterIt() {
        RuleBook book = book(row("buitenland.max_weken", UTRECHT, D, D.plusMonths(6).minusDays(1), "6"));
        assertEquals(new BigDecimal("6"), book.value(RuleKey.BUITENLAND_MAX_WEKEN, UTRECHT, D.plusMonths(6).minusDays(1)));
        assertEquals(new BigDecimal("4"), book.value(RuleKey.BUITENLAND_MAX_WEKEN, UTRECHT, D.plusMonths(6)));
    }

    @Test
    void laterRowsEndEarlierRowsInTheOrderTheyWereAdded() {
        StoredPeriod first = row("verlaging.afspraak_bedrag", UTRECHT, D, null, "30");
        StoredPeriod second = row("verlaging.afspraak_bedrag", UTRECHT, D.plusYears(1), null, "35");
        RuleMerge.Result merged = RuleMerge.merge(SEED, periods(first, second));
        RuleBook book = RuleBook.of(merged.periods());

        assertEquals(new BigDecimal("25"), book.value(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, UTRECHT, D.minusDays(1)));
        assertEquals(new BigDecimal("30"), book.value(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, UTRECHT, D.plusYears(1).minusDays(1)));
        assertEquals(new BigDecimal("35"), book.value(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, UTRECHT, D.plusYears(1)));
        assertEquals(RuleMerge.Fate.ENDED, merged.notes().get(first.origin()).fate());
    }

    @Test
    void aRowStartingOnTheSameDayReplacesTheEarlierOneWhichNeverApplies() {
        StoredPeriod typo = row("verlaging.afspraak_bedrag", UTRECHT, D, null, "300");
        StoredPeriod fixed = row("verlaging.afspraak_bedrag", UTRECHT, D, null, "30");
        RuleMerge.Result merged = RuleMerge.merge(SEED, periods(typo, fixed));
        RuleBook book = RuleBook.of(merged.periods());

        assertEquals(new BigDecimal("30"), book.value(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, UTRECHT, D));
        assertEquals(new BigDecimal("25"), book.value(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, UTRECHT, D.minusDays(1)));
        assertEquals(List.of(typo.origin()), merged.replaced().stream().map(RulePeriod::origin).toList());
        assertEquals(RuleMerge.Fate.REPLACED, merged.notes().get(typo.origin()).fate());
        assertFalse(book.all().stream().anyMatch(p -> p.origin().equals(typo.origin())));
    }

    @Test
    void anOverlapWithALaterPeriodIsRefusedNamingTheRow() {
        StoredPeriod later = row("verlaging.afspraak_bedrag", UTRECHT, D, null, "30");
        StoredPeriod overlapping = row("verlaging.afspraak_bedrag", UTRECHT, D.minusMonths(6), D.plusMonths(1), "28");
        RuleFileException e = assertThrows(RuleFileException.class, () -> book(later, overlapping));
        String problems = String.join("\n", e.problems());
        assertTrue(problems.contains("overlaps") && problems.contains(later.origin()) && problems.contains(overlapping.origin()), problems);
        assertTrue(problems.contains("toegevoegd op 2026-11-23"), problems);
    }

    @Test
    void anOpenPeriodBeforeALaterOneIsRefusedWithTheEndDateToUse() {
        StoredPeriod later = row("verlaging.afspraak_bedrag", UTRECHT, D, null, "30");
        StoredPeriod open = row("verlaging.afspraak_bedrag", UTRECHT, D.minusMonths(6), null, "28");
        String problems = String.join("\n", assertThrows(RuleFileException.class, () -> book(later, open)).problems());
        assertTrue(problems.contains("no end date") && problems.contains(D.minusDays(1).toString()), problems);

        StoredPeriod fitting = row("verlaging.afspraak_bedrag", UTRECHT, D.minusMonths(6), D.minusDays(1), "28");
        assertEquals(new BigDecimal("28"), book(later, fitting).value(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, UTRECHT, D.minusDays(1)));
    }

    @Test
    void theMergeNeverChangesADayBeforeTheAddedPeriod() {
        RuleBook seedOnly = RuleBook.of(SEED);
        RuleBook merged = book(row("verlaging.afspraak_bedrag", UTRECHT, D, null, "30"), row("buitenland.max_weken", UTRECHT, D, null, "6"));
        for (LocalDate day = LocalDate.of(2024, 1, 1); day.isBefore(D); day = day.plusDays(7)) {
            for (RuleKey key : List.of(RuleKey.VERLAGING_AFSPRAAK_BEDRAG, RuleKey.BUITENLAND_MAX_WEKEN, RuleKey.NORM_ALLEENSTAAND_21_AOW)) {
                assertEquals(seedOnly.find(key, UTRECHT, day).map(RulePeriod::value), merged.find(key, UTRECHT, day).map(RulePeriod::value),
                        key + " on " + day);
            }
        }
    }

    @Test
    void aStoredRowWithAValueThatDoesNotFitItsRuleIsAProblemNamingTheRow() {
        List<String> problems = new ArrayList<>();
        StoredPeriod percent = row("verlaging.eerste_procent", UTRECHT, D, null, "150");
        StoredPeriod unknown = row("verlaging.bestaat_niet", UTRECHT, D, null, "1");
        assertNull(percent.toPeriod(problems));
        assertNull(unknown.toPeriod(problems));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("regel_periode " + percent.id()) && problems.get(0).contains("percentage"), problems.get(0));
        assertTrue(problems.get(1).contains("unknown rule"), problems.get(1));
    }

    @Test
    void everyRuleHasAReadableNameInDutchAndEnglish() {
        for (String bundle : List.of("i18n.messages_nl", "i18n.messages_en", "i18n.messages")) {
            java.util.ResourceBundle texts = java.util.ResourceBundle.getBundle(bundle, java.util.Locale.ROOT,
                    java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
            List<String> missing = java.util.Arrays.stream(RuleKey.values()).map(k -> "rule." + k.code())
                    .filter(key -> !texts.containsKey(key)).toList();
            assertTrue(missing.isEmpty(), bundle + " has no name for " + missing);
        }
    }

    // ---------- The checks of a new period that need no database ----------

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void aChangeNeverStartsInThePast() {
        Map<String, Text> errors = RuleChangeForm.check(RuleKey.BUITENLAND_MAX_WEKEN, TODAY.minusDays(1), null, BigDecimal.ONE, "bron", TODAY);
        assertEquals(Map.of("vanaf", Text.of("beheer.rules.error.vanaf.past", TODAY)), errors);
        assertTrue(RuleChangeForm.check(RuleKey.BUITENLAND_MAX_WEKEN, TODAY, null, BigDecimal.ONE, "bron", TODAY).isEmpty(), "today is fine");
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @CsvSource({
            "verlaging.eerste_procent, 150, beheer.rules.error.waarde.PERCENT",
            "verlaging.eerste_procent, 12.5, ",
            "verlaging.eerste_procent, 100, ",
            "verlaging.afspraak_bedrag, 25.505, beheer.rules.error.waarde.AMOUNT",
            "verlaging.afspraak_bedrag, 25.50, ",
            "verlaging.duur_maanden, 1.5, beheer.rules.error.waarde.NUMBER",
            "verlaging.duur_maanden, 3.0, ",
            "maatregel.bufferbudget, 2, beheer.rules.error.waarde.SWITCH",
            "maatregel.bufferbudget, 0, ",
    })
    void theValueMustFitTheKindOfRule(String code, String value, String error) {
        RuleKey key = RuleKey.byCode(code).orElseThrow();
        Map<String, Text> errors = RuleChangeForm.check(key, TODAY, null, new BigDecimal(value), "bron", TODAY);
        assertEquals(error == null ? Map.of() : Map.of("waarde", Text.of(error)), errors);
    }

    @Test
    void theFormIsReadAsAPersonTypesIt() {
        RuleChangeForm form = new RuleChangeForm("verlaging.afspraak_bedrag", "1-1-2027", "", "€ 1283,50", "ja", "Raadsbesluit");
        RuleChangeForm.Parsed parsed = form.parse();
        assertTrue(parsed.errors().isEmpty(), parsed.errors().toString());
        assertEquals(D, parsed.from());
        assertNull(parsed.to());
        assertEquals(new BigDecimal("1283.5"), parsed.value());
        assertTrue(parsed.provisional(), "the box 'not confirmed yet' was ticked");

        RuleChangeForm bad = new RuleChangeForm("", "morgen", "31-02-2027", "1.283,50", null, "  ");
        RuleChangeForm.Parsed wrong = bad.parse();
        Map<String, Text> errors = RuleChangeForm.combine(wrong.errors(),
                RuleChangeForm.check(wrong.key(), wrong.from(), wrong.to(), wrong.value(), wrong.source(), TODAY));
        assertEquals(List.of("regel", "vanaf", "tot", "waarde", "bron"), List.copyOf(errors.keySet()));
        assertEquals("beheer.rules.error.vanaf.invalid", errors.get("vanaf").key());
        assertEquals("beheer.rules.error.tot.invalid", errors.get("tot").key());
        assertEquals("beheer.rules.error.waarde", errors.get("waarde").key());
    }

    @Test
    void theSourceIsRequiredAndAtMost300Characters() {
        assertEquals("beheer.rules.error.bron",
                RuleChangeForm.check(RuleKey.BUITENLAND_MAX_WEKEN, TODAY, null, BigDecimal.ONE, " ", TODAY).get("bron").key());
        assertEquals(Text.of("beheer.rules.error.bron.long", 300, 301),
                RuleChangeForm.check(RuleKey.BUITENLAND_MAX_WEKEN, TODAY, null, BigDecimal.ONE, "x".repeat(301), TODAY).get("bron"));
        assertTrue(RuleChangeForm.check(RuleKey.BUITENLAND_MAX_WEKEN, TODAY, null, BigDecimal.ONE, "x".repeat(300), TODAY).isEmpty());
    }

    @Test
    void theEndMayNotBeBeforeTheStart() {
        assertEquals("beheer.rules.error.tot.beforeVanaf",
                RuleChangeForm.check(RuleKey.BUITENLAND_MAX_WEKEN, D, D.minusDays(1), BigDecimal.ONE, "bron", TODAY).get("tot").key());
        assertTrue(RuleChangeForm.check(RuleKey.BUITENLAND_MAX_WEKEN, D, D, BigDecimal.ONE, "bron", TODAY).isEmpty(), "one day is fine");
    }

    /** A beheerder cannot switch on a measure of Participatiewet in balans before the law allows it, nor change the law. */
    @Test
    void aMeasureCannotStartBeforeItsLaw() {
        RuleBook seed = RuleFiles.loadSeed();
        RulePeriod early = new RulePeriod(RuleKey.MAATREGEL_BUFFERBUDGET, "1783", LocalDate.of(2026, 12, 1), null,
                BigDecimal.ONE, false, "raadsbesluit", "de nieuwe periode");
        Text error = RuleChangeService.beforeLawInForce(seed, early).orElseThrow();
        assertEquals("beheer.rules.error.vanaf.law", error.key());
        assertEquals(LocalDate.of(2027, 1, 1), error.args().get(0));
        RulePeriod inTime = new RulePeriod(RuleKey.MAATREGEL_BUFFERBUDGET, "1783", LocalDate.of(2027, 1, 1), null,
                BigDecimal.ONE, false, "raadsbesluit", "de nieuwe periode");
        assertTrue(RuleChangeService.beforeLawInForce(seed, inTime).isEmpty());
        RulePeriod off = new RulePeriod(RuleKey.MAATREGEL_BUFFERBUDGET, "1783", LocalDate.of(2026, 12, 1), null,
                BigDecimal.ZERO, false, "raadsbesluit", "de nieuwe periode");
        assertTrue(RuleChangeService.beforeLawInForce(seed, off).isEmpty(), "switching off is always allowed");
        assertEquals("beheer.rules.error.regel.law",
                RuleChangeForm.check(RuleKey.WET_34B, D, null, BigDecimal.ONE, "bron", TODAY).get("regel").key());
    }
}
