package nl.bijstandsportaal.rights;

import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.rights.ChangeEffects.ChangeEffect;
import nl.bijstandsportaal.rights.ChangeForm.ChangeRequest;
import nl.bijstandsportaal.rights.RightsOverview.ChecklistItem;
import nl.bijstandsportaal.rights.RightsOverview.Upcoming;
import nl.bijstandsportaal.rules.Household;
import nl.bijstandsportaal.rules.Household.Leefvorm;
import nl.bijstandsportaal.rules.Household.Member;
import nl.bijstandsportaal.rules.Household.Status;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overview, the change form's check and the predicted effects, as pure functions on test rules: norms of
 * January 2024 and made-up July 2024 figures (TestRules), plus the measures and steps below.
 */
class RightsRulesTest {

    private static final String EXTRA = """
            buitenland.max_weken,*,2015-01-01,,4,vastgesteld,art. 13
            giften.vrij_per_jaar,*,2024-01-01,,1200,vastgesteld,test
            maatregel.giften_1200,*,2024-01-01,,1,vastgesteld,test
            maatregel.giften_1200,1783,2024-01-01,,0,vastgesteld,test Westland nog niet
            vermogensgrens.alleenstaand,*,2024-01-01,,7575,vastgesteld,domain.md
            vermogensgrens.gezin,*,2024-01-01,,15150,vastgesteld,domain.md
            verlaging.afspraak_bedrag,0344,2015-01-01,,25,vastgesteld,test verordening Utrecht
            verlaging.eerste_procent,0344,2015-01-01,,20,vastgesteld,test verordening Utrecht
            verlaging.herhaling_procent,0344,2015-01-01,,50,vastgesteld,test verordening Utrecht
            verlaging.duur_maanden,0344,2015-01-01,,1,vastgesteld,test verordening Utrecht
            """;
    private static final RuleBook RULES = RuleBook.of(TestRules.parse(TestRules.CSV + EXTRA));
    private static final LocalDate TODAY = LocalDate.of(2024, 10, 10);

    /** Henk (58, Utrecht) with Lisa (29) and Tim, who turns 27 on 15 November 2024. */
    private static final Household HENK = new Household(Leefvorm.ALLEENSTAAND, LocalDate.of(1966, 10, 7), null, false,
            List.of(new Member("Lisa", LocalDate.of(1995, 5, 13), Status.GEEN), new Member("Tim", LocalDate.of(1997, 11, 15), Status.GEEN)));
    private static final Situation HENK_SITUATION = new Situation("0344", "Utrecht", HENK,
            List.of(new Situation.Duty("ARBEID", true, "Je bent ziek.", null), new Situation.Duty("PARTICIPATIE", false, null, null)));

    private static final Household SANNE = new Household(Leefvorm.ALLEENSTAAND, LocalDate.of(1990, 9, 1), null, false, List.of());
    private static final Situation SANNE_SITUATION = new Situation("1783", "Westland", SANNE, List.of(new Situation.Duty("ARBEID", false, null, null)));

    @Test
    void theNormIsExplainedInAFewSentencesAndInDetail() {
        RightsOverview o = RightsRules.overview(HENK_SITUATION, TODAY, RULES);
        // Henk and Lisa share the costs: A = 2, 50% of the partners norm 1,900.00 = 950.00; vakantietoeslag 5% = 47.50.
        assertEquals(new BigDecimal("950.00"), o.norm().inclVt());
        assertEquals(new BigDecimal("47.50"), o.norm().vakantietoeslag());
        assertEquals(new BigDecimal("902.50"), o.norm().exclVt());
        assertEquals(Text.of("rights.norm.summary", YearMonth.of(2024, 10), new BigDecimal("902.50")), o.normSummary().get(0));
        assertTrue(o.normSummary().contains(Text.of("rights.norm.summary.kostendelers", 1, "Lisa")));
        assertTrue(o.normDetails().stream().anyMatch(t -> t.key().equals("rights.norm.detail.kostendelersFormula")
                && t.args().get(0).equals(2) && t.args().get(2).equals(new BigDecimal("1900.00"))));
        assertTrue(o.rulesUsed().stream().anyMatch(r -> r.key().code().equals("norm.partners_21_aow") && r.source().equals("test")));
        assertEquals(o.rulesUsed().size(), o.sources().size());
    }

    @Test
    void withoutTheRulesForThisMonthTheOverviewSaysSoInsteadOfAnOldAmount() {
        RuleBook onlyJanuary = RuleBook.of(TestRules.parse("""
                regel,gemeente,geldig_vanaf,geldig_tot,waarde,status,bron
                norm.alleenstaand_21_aow,*,2024-01-01,2024-06-30,1283.83,vastgesteld,domain.md
                """));
        RightsOverview o = RightsRules.overview(SANNE_SITUATION, TODAY, onlyJanuary);
        assertNull(o.norm());
        assertEquals(Text.of("rights.norm.unknown", YearMonth.of(2024, 10)), o.normMissing());
        assertFalse(o.checklist().isEmpty(), "the checklist does not need the norm");
    }

    /** A norm the normenbrief has not confirmed yet is said to be provisional, in the summary and in the sources. */
    @Test
    void aProvisionalNormIsSaidToBeProvisional() {
        RuleBook provisional = RuleBook.of(TestRules.parse(TestRules.CSV.replace(
                "norm.alleenstaand_21_aow,*,2024-07-01,,1300.00,vastgesteld,test",
                "norm.alleenstaand_21_aow,*,2024-07-01,,1300.00,voorlopig,test") + EXTRA));
        RightsOverview o = RightsRules.overview(SANNE_SITUATION, TODAY, provisional);
        assertTrue(o.normSummary().contains(Text.of("rights.norm.summary.provisional")), o.normSummary().toString());
        assertTrue(o.sources().stream().anyMatch(t -> t.key().equals("rights.sources.itemProvisional")));
        RightsOverview confirmed = RightsRules.overview(SANNE_SITUATION, TODAY, RULES);
        assertFalse(confirmed.normSummary().contains(Text.of("rights.norm.summary.provisional")));
    }

    @Test
    void theChecklistFitsTheSituation() {
        List<String> henk = ids(RightsRules.overview(HENK_SITUATION, TODAY, RULES).checklist());
        assertEquals(List.of("inkomen", "giften", "inwoning", "partner", "huisgenoten", "buitenland", "vermogen", "adres", "studie"), henk);
        Household couple = new Household(Leefvorm.PARTNERS, LocalDate.of(1980, 1, 1), LocalDate.of(1982, 1, 1), false, List.of());
        List<String> jan = ids(RightsRules.overview(new Situation("0344", "Utrecht", couple, List.of()), TODAY, RULES).checklist());
        assertFalse(jan.contains("partner"), "partners are not asked whether they start living together");
        assertFalse(jan.contains("huisgenoten"), "nobody else lives there");
    }

    @Test
    void theHousemateExampleNamesWhoTurns27AndWhen() {
        ChecklistItem housemates = item(RightsRules.overview(HENK_SITUATION, TODAY, RULES), "huisgenoten");
        assertEquals(List.of(Text.of("rights.check.huisgenoten.turns", "Tim", 27, LocalDate.of(2024, 11, 15))), housemates.examples());
    }

    @Test
    void giftsFollowTheMunicipalitysMeasure() {
        // Utrecht has the 1,200 euro gift rule on; Westland (in these test rules) not yet.
        ChecklistItem utrecht = item(RightsRules.overview(HENK_SITUATION, TODAY, RULES), "giften");
        assertEquals(List.of(Text.of("rights.check.giften.free", new BigDecimal("1200"))), utrecht.examples());
        ChecklistItem westland = item(RightsRules.overview(SANNE_SITUATION, TODAY, RULES), "giften");
        assertEquals(List.of(Text.of("rights.check.giften.all")), westland.examples());

        assertEquals("boven-grens", quiz(RightsRules.overview(HENK_SITUATION, TODAY, RULES), "boodschappen").correct());
        assertEquals("altijd", quiz(RightsRules.overview(SANNE_SITUATION, TODAY, RULES), "boodschappen").correct());
    }

    @Test
    void theAbroadQuestionAsksForMoreThanTheLimit() {
        RightsOverview.QuizQuestion abroad = quiz(RightsRules.overview(SANNE_SITUATION, TODAY, RULES), "buitenland");
        assertEquals(Text.of("rights.quiz.abroad.question", 6), abroad.question());
        assertEquals("nee", abroad.correct());
        assertEquals(Text.of("rights.quiz.abroad.explanation", 4), abroad.explanation());
    }

    @Test
    void dutiesShowTheOntheffingAndTheStepsComeFromTheMunicipality() {
        RightsOverview o = RightsRules.overview(HENK_SITUATION, TODAY, RULES);
        assertEquals(List.of("INLICHTINGEN", "ARBEID", "PARTICIPATIE"), o.duties().stream().map(RightsOverview.DutyView::code).toList());
        RightsOverview.DutyView work = o.duties().get(1);
        assertTrue(work.ontheffing());
        assertEquals("Je bent ziek.", work.reason());
        assertEquals(Text.of("rights.consequences.talkFirst"), o.consequences().get(0), "a warning comes first");
        assertTrue(o.consequences().contains(Text.of("rights.consequences.appointment", new BigDecimal("25"))));
        assertTrue(o.consequences().contains(Text.of("rights.consequences.first", 1, new Text.Percent(new BigDecimal("20")))));

        RightsOverview westland = RightsRules.overview(SANNE_SITUATION, TODAY, RULES);
        assertTrue(westland.consequences().contains(Text.of("rights.consequences.unknownSteps", "Westland")));
    }

    @Test
    void anEndedOntheffingNoLongerCounts() {
        Situation ended = new Situation("0344", "Utrecht", HENK, List.of(new Situation.Duty("ARBEID", true, "ziek", TODAY.minusDays(1))));
        assertFalse(RightsRules.overview(ended, TODAY, RULES).duties().get(1).ontheffing());
    }

    @Test
    void comingUpTim27TheOntheffingEndAndTheNewNorms() {
        Situation s = new Situation("0344", "Utrecht", HENK, List.of(new Situation.Duty("TAALEIS", true, "cursus vol", LocalDate.of(2024, 12, 31))));
        List<Upcoming> events = RightsRules.overview(s, TODAY, RULES).upcoming();
        assertEquals(List.of("HUISGENOOT_27", "ONTHEFFING_EINDE", "NORMEN", "VAKANTIETOESLAG"), events.stream().map(Upcoming::kind).toList());
        Upcoming tim = events.get(0);
        // From 15 November three share the costs: (40 + 90) / 3 = 43.33% of 1,900 a month.
        assertEquals(LocalDate.of(2024, 11, 15), tim.date());
        assertEquals(new BigDecimal("823.33"), tim.newNorm());
        assertEquals(LocalDate.of(2025, 1, 1), events.get(2).date());
        assertEquals("rights.upcoming.norms.unknown", events.get(2).text().key(), "no norms for 2025 are known, so no amount");
        assertEquals(LocalDate.of(2025, 6, 1), events.get(3).date(), "Utrecht pays the vakantietoeslag in June");
    }

    @Test
    void theRulesVersionChangesWhenARuleThatAppliesChanges() {
        String before = RightsRules.overview(HENK_SITUATION, LocalDate.of(2024, 6, 10), RULES).rulesVersion();
        assertEquals(before, RightsRules.overview(HENK_SITUATION, LocalDate.of(2024, 6, 20), RULES).rulesVersion());
        assertNotEquals(before, RightsRules.overview(HENK_SITUATION, LocalDate.of(2024, 7, 1), RULES).rulesVersion(),
                "new norms on 1 July");
        Situation exempt = new Situation("0344", "Utrecht", HENK, List.of(new Situation.Duty("ARBEID", false, null, null)));
        assertNotEquals(RightsRules.overview(HENK_SITUATION, TODAY, RULES).rulesVersion(),
                RightsRules.overview(exempt, TODAY, RULES).rulesVersion(), "a lifted duty is part of it");
    }

    // ---- The change form -------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GIFT|bedrag=abc|bedrag|change.error.amount",
            "GIFT|bedrag=-5|bedrag|change.error.amount",
            "GIFT|bedrag=|bedrag|change.error.required",
            "GIFT|toelichting=|toelichting|change.error.required",
            "BUITENLAND|datumTot=2024-10-01|datumTot|change.error.returnBeforeLeave",
            "BUITENLAND|land=|land|change.error.required",
            "ADRES|postcode=12345|postcode|change.error.postcode",
            "INWONER_ERBIJ|geboortedatum=2030-01-01|geboortedatum|change.error.birthDate",
            "INWONER_ERBIJ|huishoudstatus=PRINS|huishoudstatus|change.error.choose",
            "INWONER_WEG|lid=77|lid|change.error.choose",
            "ANDERS|datum=31-02-2024|datum|change.error.date",
            "ANDERS|datum=2020-01-01|datum|change.error.dateRange",
    })
    void badInputGetsAMessageForItsField(String kind, String change, String field, String key) {
        Map<String, Text> errors = ChangeForm.check(form(ChangeKind.valueOf(kind), change), TODAY, Map.of(5L, "Lisa")).errors();
        assertEquals(List.of(field), List.copyOf(errors.keySet()), errors.toString());
        assertEquals(key, errors.get(field).key());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"150, 150.00", "'75,50', 75.50", "'1.200', 1200.00", "'1.200,00', 1200.00", "€ 40, 40.00", "1200.5, 1200.50"})
    void amountsAsPeopleTypeThem(String typed, String expected) {
        ChangeRequest request = ChangeForm.check(form(ChangeKind.GIFT, "bedrag=" + typed), TODAY, Map.of()).request();
        assertEquals(new BigDecimal(expected), request.bedrag());
    }

    @Test
    void aDutchDateAndAFullFormPass() {
        ChangeForm.Checked checked = ChangeForm.check(form(ChangeKind.ADRES, "datum=1-11-2024"), TODAY, Map.of());
        assertTrue(checked.ok(), checked.errors().toString());
        assertEquals(LocalDate.of(2024, 11, 1), checked.request().datum());
        assertEquals("Dorpsstraat 1, 3511 AB Utrecht", checked.request().adres());
    }

    /** The app gets the errors in the order of its report's fields; the page sorts them in the order of the form. */
    @Test
    void errorsComeInTheOrderOfTheReportsFields() {
        ChangeForm.Checked checked = ChangeForm.check(form(ChangeKind.ADRES, "straat=;postcode=12;woonplaats=;datum=morgen"), TODAY, Map.of());
        assertEquals(List.of("datum", "straat", "postcode", "woonplaats"), List.copyOf(checked.errors().keySet()));
        assertEquals(List.of("change.error.date", "change.error.required", "change.error.postcode", "change.error.required"),
                checked.errors().values().stream().map(Text::key).toList());
    }

    /** Each error names its field by the short name of the question as this kind asks it. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GIFT|toelichting=|change.toelichting.GIFT.short",
            "ANDERS|toelichting=|change.toelichting.ANDERS.short",
            "BUITENLAND|datum=|change.datum.BUITENLAND.short",
            "ADRES|postcode=12345|change.postcode.short",
            "GIFT|bedrag=0|change.bedrag.short",
            "INWONER_WEG|lid=|change.lid.short",
    })
    void errorsNameTheirField(String kind, String change, String shortName) {
        Map<String, Text> errors = ChangeForm.check(form(ChangeKind.valueOf(kind), change), TODAY, Map.of(5L, "Lisa")).errors();
        assertEquals(Text.of(shortName), errors.values().iterator().next().args().get(0), errors.toString());
    }

    @Test
    void tooMuchTextSaysHowMuchIsAllowed() {
        Map<String, Text> errors = ChangeForm.check(form(ChangeKind.INWONER_ERBIJ, "naam=" + "K".repeat(101)), TODAY, Map.of()).errors();
        assertEquals(Text.of("change.error.tooLong", Text.of("change.naam.short"), 100), errors.get("naam"));
        String many = "x".repeat(ChangeFlow.MAX_TEXT + 1);
        assertEquals(Text.of("change.error.tooLong", Text.of("change.toelichting.short"), ChangeFlow.MAX_TEXT),
                ChangeForm.check(form(ChangeKind.ADRES, "toelichting=" + many), TODAY, Map.of()).errors().get("toelichting"));
    }

    @Test
    void anExplanationIsOptionalUnlessItIsTheChangeItself() {
        ChangeForm.Checked move = ChangeForm.check(form(ChangeKind.ADRES, "toelichting=  "), TODAY, Map.of());
        assertTrue(move.ok(), move.errors().toString());
        assertNull(move.request().toelichting());
        assertEquals("Van mijn moeder", ChangeForm.check(form(ChangeKind.GIFT, ""), TODAY, Map.of()).request().toelichting());
    }

    @Test
    void whoLeavesIsChosenFromThePeopleWhoLiveWithTheCitizen() {
        ChangeForm.Checked checked = ChangeForm.check(form(ChangeKind.INWONER_WEG, "lid=6"), TODAY, Map.of(5L, "Lisa", 6L, "Tim"));
        assertEquals(6L, checked.request().lidId());
        assertEquals("Tim", checked.request().lidNaam());
        assertEquals("change.error.choose", ChangeForm.check(form(ChangeKind.INWONER_WEG, "lid=5"), TODAY, Map.of()).errors().get("lid").key(),
                "nobody lives with the citizen");
    }

    /** Every text the change form derives from its questions exists in Dutch and English. */
    @Test
    void everyTextOfTheChangeFormExists() throws java.io.IOException {
        java.util.Properties dutch = new java.util.Properties();
        java.util.Properties english = new java.util.Properties();
        try (var nl = getClass().getResourceAsStream("/i18n/messages_nl.properties");
             var en = getClass().getResourceAsStream("/i18n/messages_en.properties")) {
            dutch.load(new java.io.InputStreamReader(nl, java.nio.charset.StandardCharsets.UTF_8));
            english.load(new java.io.InputStreamReader(en, java.nio.charset.StandardCharsets.UTF_8));
        }
        List<String> keys = new java.util.ArrayList<>();
        for (ChangeKind kind : ChangeKind.values()) {
            keys.addAll(ChangeFlow.of(kind, Map.of()).keys());
        }
        assertTrue(keys.contains("change.lid.none"), "who leaves, when nobody lives with the citizen");
        List<String> missing = keys.stream().distinct().filter(k -> !dutch.containsKey(k) || !english.containsKey(k)).toList();
        assertTrue(missing.isEmpty(), "missing texts: " + missing);
    }

    // ---- What a change will probably do ---------------------------------------------------------------------

    @Test
    void someoneOf30MovingInLowersTheNormFromThatDay() {
        ChangeRequest brother = ChangeForm.check(form(ChangeKind.INWONER_ERBIJ, "datum=2024-10-20"), TODAY, Map.of()).request();
        ChangeEffect effect = ChangeEffects.predict(brother, SANNE_SITUATION, SANNE, RULES, BigDecimal.ZERO, year -> 0);
        // Alone 1,300.00; with one kostendeler 50% of 1,900.00 = 950.00 a month, from 20 October.
        assertEquals("change.effect.normLower", effect.key());
        assertEquals(List.of(LocalDate.of(2024, 10, 20), new BigDecimal("950.00"), new BigDecimal("1300.00")), effect.args());
        assertEquals(effect, ChangeEffect.decode(effect.key(), effect.encode(), effect.newNorm()), "kept as told");
    }

    @Test
    void aStudentMovingInChangesNothing() {
        ChangeRequest student = ChangeForm.check(form(ChangeKind.INWONER_ERBIJ, "huishoudstatus=STUDIEFINANCIERING"), TODAY, Map.of()).request();
        assertEquals("change.effect.normSame", ChangeEffects.predict(student, SANNE_SITUATION, SANNE, RULES, BigDecimal.ZERO, year -> 0).key());
    }

    @Test
    void lisaMovingOutRaisesHenksNorm() {
        ChangeRequest lisa = ChangeForm.check(form(ChangeKind.INWONER_WEG, "lid=5"), TODAY, Map.of(5L, "Lisa")).request();
        Household henkAndLisa = new Household(Leefvorm.ALLEENSTAAND, HENK.applicantBorn(), null, false, HENK.others().subList(0, 1));
        ChangeEffect effect = ChangeEffects.predict(lisa, HENK_SITUATION, henkAndLisa, RULES, BigDecimal.ZERO, year -> 0);
        assertEquals("change.effect.normHigher", effect.key());
        assertEquals(new BigDecimal("1300.00"), effect.newNorm());
    }

    @Test
    void daysAbroadCountAgainstTheYearlyLimit() {
        ChangeRequest trip = ChangeForm.check(form(ChangeKind.BUITENLAND, ""), TODAY, Map.of()).request(); // 15 to 28 October: 14 days
        assertEquals(new ChangeEffect("change.effect.abroadWithin", List.of(14, 14), null),
                ChangeEffects.predict(trip, SANNE_SITUATION, SANNE, RULES, BigDecimal.ZERO, year -> 0));
        assertEquals(new ChangeEffect("change.effect.abroadTooLong", List.of(34, 6, 4), null),
                ChangeEffects.predict(trip, SANNE_SITUATION, SANNE, RULES, BigDecimal.ZERO, year -> 20));
    }

    /** Art. 13 lid 1 sub e: the four weeks hold per calendar year, so a trip over New Year counts in each year apart. */
    @Test
    void aTripOverNewYearCountsInEachCalendarYear() {
        ChangeRequest trip = ChangeForm.check(form(ChangeKind.BUITENLAND, "datum=2024-12-20;datumTot=2025-02-15"), TODAY, Map.of()).request();
        assertEquals(12, ChangeEffects.daysInYear(trip.datum(), trip.datumTot(), 2024));
        assertEquals(46, ChangeEffects.daysInYear(trip.datum(), trip.datumTot(), 2025));
        assertEquals(new ChangeEffect("change.effect.abroadTooLongInYear", List.of(46, 18, 4, "2025"), null),
                ChangeEffects.predict(trip, SANNE_SITUATION, SANNE, RULES, BigDecimal.ZERO, year -> 0));

        ChangeRequest shorter = ChangeForm.check(form(ChangeKind.BUITENLAND, "datum=2024-12-20;datumTot=2025-01-10"), TODAY, Map.of()).request();
        assertEquals(new ChangeEffect("change.effect.abroadAcrossYears", List.of(22, "2024", 12, "2025", 10, 4), null),
                ChangeEffects.predict(shorter, SANNE_SITUATION, SANNE, RULES, BigDecimal.ZERO, year -> 0));
        assertEquals(new ChangeEffect("change.effect.abroadTooLongInYear", List.of(32, 4, 4, "2024"), null),
                ChangeEffects.predict(shorter, SANNE_SITUATION, SANNE, RULES, BigDecimal.ZERO, year -> year == 2024 ? 20 : 0),
                "the days already abroad in 2024 count only in 2024");
    }

    @Test
    void giftsUpToTheFreeAmountDoNotCount() {
        ChangeRequest gift = ChangeForm.check(form(ChangeKind.GIFT, "bedrag=200"), TODAY, Map.of()).request();
        assertEquals("change.effect.giftFree", ChangeEffects.predict(gift, HENK_SITUATION, HENK, RULES, new BigDecimal("1000"), year -> 0).key());
        assertEquals("change.effect.giftAboveLimit", ChangeEffects.predict(gift, HENK_SITUATION, HENK, RULES, new BigDecimal("1000.01"), year -> 0).key());
        assertEquals("change.effect.giftCheck", ChangeEffects.predict(gift, SANNE_SITUATION, SANNE, RULES, BigDecimal.ZERO, year -> 0).key(),
                "Westland has not switched the measure on");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** A complete form of this kind, with one field changed ("field=value"; empty value = left empty). */
    private static ChangeForm form(ChangeKind kind, String change) {
        Map<String, String> values = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("datum", "2024-10-15"), Map.entry("datumTot", "2024-10-28"), Map.entry("naam", "Karim"),
                Map.entry("geboortedatum", "1994-03-01"), Map.entry("huishoudstatus", "GEEN"), Map.entry("lid", "5"),
                Map.entry("bedrag", "100"), Map.entry("land", "Marokko"), Map.entry("straat", "Dorpsstraat 1"),
                Map.entry("postcode", "3511ab"), Map.entry("woonplaats", "Utrecht"), Map.entry("toelichting", "Van mijn moeder")));
        for (String one : change.isEmpty() ? new String[0] : change.split(";")) {
            String[] parts = one.split("=", 2);
            values.put(parts[0], parts[1]);
        }
        return new ChangeForm(kind, values.get("datum"), values.get("datumTot"), values.get("naam"), values.get("geboortedatum"),
                values.get("huishoudstatus"), values.get("lid"), values.get("bedrag"), values.get("land"), values.get("straat"),
                values.get("postcode"), values.get("woonplaats"), values.get("toelichting"));
    }

    private static List<String> ids(List<ChecklistItem> items) {
        return items.stream().map(ChecklistItem::id).toList();
    }

    private static ChecklistItem item(RightsOverview o, String id) {
        return o.checklist().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private static RightsOverview.QuizQuestion quiz(RightsOverview o, String id) {
        return o.quiz().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }
}
