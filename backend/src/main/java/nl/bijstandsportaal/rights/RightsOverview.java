package nl.bijstandsportaal.rights;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.rules.MonthlyNorm;
import nl.bijstandsportaal.rules.RulePeriod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * "Wat krijg ik en wat moet ik doen?": everything the overview shows, as data and as texts not yet in a language.
 * Built by {@link RightsRules} from the citizen's situation and the rules of their municipality on one day.
 *
 * @param norm         this month's norm, or null when the rules for this month are not known yet
 *                     ({@code normMissing} then says so)
 * @param rulesVersion a fingerprint of every rule version and duty the overview rests on; when it changes, the
 *                     citizen is asked again to read it and offered the quiz
 * @param sources      each rule version used, in words: which rule, its source, since when
 */
@Pure
public record RightsOverview(LocalDate today, YearMonth month, MonthlyNorm norm, Text normMissing, List<Text> normSummary,
                             List<Text> normDetails, List<ChecklistItem> checklist, List<DutyView> duties,
                             List<Text> consequences, List<Upcoming> upcoming, List<QuizQuestion> quiz,
                             List<RulePeriod> rulesUsed, List<Text> sources, String rulesVersion) {

    /**
     * Something to tell the municipality. {@code id} is stable (apps key on it); {@code report} is the kind of
     * change to report it with (null: reported elsewhere, e.g. income in the monthly income report).
     */
    public record ChecklistItem(String id, Text title, List<Text> examples, ChangeKind report) {
    }

    /** A duty and whether it is lifted for now. {@code code}: ARBEID, TAALEIS, PARTICIPATIE, INLICHTINGEN. */
    public record DutyView(String code, Text name, Text what, boolean ontheffing, String reason, LocalDate until) {
    }

    /**
     * Something the rules make foreseeable, shown ahead of time. kind: HUISGENOOT_27, ZELF_21, AOW, ONTHEFFING_EINDE,
     * NORMEN, VAKANTIETOESLAG. {@code newNorm}: the norm from then on, when the rules already say it.
     */
    public record Upcoming(LocalDate date, String kind, Text text, BigDecimal newNorm) {
    }

    /** A question that teaches: the answer comes with why. */
    public record QuizQuestion(String id, Text question, List<Option> options, String correct, Text explanation) {
        public record Option(String id, Text text) {
        }
    }
}
