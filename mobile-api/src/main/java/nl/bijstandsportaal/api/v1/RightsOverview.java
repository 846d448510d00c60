package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * "Wat krijg ik en wat moet ik doen?" as data, for the app to render natively. Texts are in the language of the
 * request (Accept-Language: nl or en) and ready to show; dates are ISO (2026-12-01), months 2026-12.
 *
 * @param norm         this month's norm; null when the amounts for this month are not known yet ({@code normMissing} says so)
 * @param rulesVersion changes when the rules that apply to the citizen change; then ask again to read and offer the quiz
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RightsOverview(
        String date,
        String month,
        @Nullable Norm norm,
        @Nullable String normMissing,
        List<String> normSummary,
        List<String> normExplanation,
        List<ChecklistItem> checklist,
        List<Duty> duties,
        List<String> consequences,
        List<Upcoming> upcoming,
        List<QuizQuestion> quiz,
        List<Rule> rules,
        String rulesVersion,
        Acknowledged acknowledged) {

    /** The norm built up: with vakantietoeslag, the vakantietoeslag reserved, what is paid per month; one part per stretch of days. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Norm(Money inclVakantietoeslag, Money vakantietoeslag, Money perMonth, String vakantietoeslagPaidIn,
                       List<Part> parts) {
    }

    /** {@code category}: the rule code (e.g. norm.alleenstaand_21_aow); kostendeler fields only when others share the costs. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Part(String from, String to, int days, String category, Money categoryNorm, @Nullable Integer kostendelers,
                       @Nullable String kostendelerPercent, Money monthly, Money share) {
    }

    /** {@code id} is stable; {@code report}: the kind of change to report it with (see {@link ChangeReport}), or null. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChecklistItem(String id, String title, List<String> examples, @Nullable String report) {
    }

    /** code: INLICHTINGEN, ARBEID, TAALEIS, PARTICIPATIE. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Duty(String code, String name, String what, boolean ontheffing, @Nullable String reason, @Nullable String until) {
    }

    /** kind: HUISGENOOT_27, ZELF_21, AOW, ONTHEFFING_EINDE, NORMEN, VAKANTIETOESLAG. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Upcoming(String date, String kind, String text, @Nullable Money newNorm) {
    }

    /** The right answer is not sent: post the answers to /api/v1/rechten/quiz to learn it, with why. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuizQuestion(String id, String question, List<Option> options) {
        @Serdeable
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record Option(String id, String text) {
        }
    }

    /** A rule version the overview rests on. {@code to} null: no end date yet. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(String rule, String name, String gemeente, String from, @Nullable String to, String value, String source) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Acknowledged(@Nullable String readAt, boolean readCurrent, @Nullable String quizAt, @Nullable Integer quizRight,
                               boolean quizCurrent) {
    }
}
