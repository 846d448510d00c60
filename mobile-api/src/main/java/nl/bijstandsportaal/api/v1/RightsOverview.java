package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * "Wat krijg ik en wat moet ik doen?" as data, for the app to render natively. Texts are in the language of the
 * request (Accept-Language: nl or en) and ready to show; dates are ISO (2026-12-01), months 2026-12.
 *
 * @param norm         this month's norm; null when the amounts for this month are not known yet ({@code normOntbreekt} says so)
 * @param rulesVersion ({@code regelsVersie}) changes when the rules that apply to the citizen change; then ask again to read and offer the quiz
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RightsOverview(
        @JsonProperty("datum") String date,
        @JsonProperty("maand") String month,
        @Nullable Norm norm,
        @Nullable @JsonProperty("normOntbreekt") String normMissing,
        @JsonProperty("normSamenvatting") List<String> normSummary,
        @JsonProperty("normUitleg") List<String> normExplanation,
        List<ChecklistItem> checklist,
        @JsonProperty("plichten") List<Duty> duties,
        @JsonProperty("gevolgen") List<String> consequences,
        @JsonProperty("komend") List<Upcoming> upcoming,
        List<QuizQuestion> quiz,
        @JsonProperty("regels") List<Rule> rules,
        @JsonProperty("regelsVersie") String rulesVersion,
        @JsonProperty("gelezen") Acknowledged acknowledged) {

    /** The norm built up: with vakantietoeslag, the vakantietoeslag reserved, what is paid per month; one part per stretch of days. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Norm(Money inclVakantietoeslag, Money vakantietoeslag, @JsonProperty("perMaand") Money perMonth,
                       @JsonProperty("vakantietoeslagUitbetaaldIn") String vakantietoeslagPaidIn,
                       @JsonProperty("delen") List<Part> parts) {
    }

    /** {@code categorie}: the rule code (e.g. norm.alleenstaand_21_aow); kostendeler fields only when others share the costs; JSON names in Dutch (ADR 0048). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Part(@JsonProperty("van") String from, @JsonProperty("tot") String to,
                       @JsonProperty("dagen") int days, @JsonProperty("categorie") String category,
                       @JsonProperty("categorieNorm") Money categoryNorm, @Nullable Integer kostendelers,
                       @Nullable @JsonProperty("kostendelerProcent") String kostendelerPercent,
                       @JsonProperty("perMaand") Money monthly, @JsonProperty("aandeel") Money share) {
    }

    /** {@code id} is stable; {@code wijziging}: the kind of change to report it with (see {@link ChangeReport}), or null. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChecklistItem(String id, @JsonProperty("titel") String title,
                                @JsonProperty("voorbeelden") List<String> examples,
                                @Nullable @JsonProperty("wijziging") String report) {
    }

    /** code: INLICHTINGEN, ARBEID, TAALEIS, PARTICIPATIE. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Duty(String code, @JsonProperty("naam") String name, @JsonProperty("wat") String what,
                       boolean ontheffing, @Nullable @JsonProperty("reden") String reason,
                       @Nullable @JsonProperty("tot") String until) {
    }

    /** kind: HUISGENOOT_27, ZELF_21, AOW, ONTHEFFING_EINDE, NORMEN, VAKANTIETOESLAG. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Upcoming(@JsonProperty("datum") String date, @JsonProperty("soort") String kind,
                           @JsonProperty("tekst") String text, @Nullable @JsonProperty("nieuweNorm") Money newNorm) {
    }

    /** The right answer is not sent: post the answers to /api/v1/rechten/quiz to learn it, with why. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuizQuestion(String id, @JsonProperty("vraag") String question,
                               @JsonProperty("opties") List<Option> options) {
        @Serdeable
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record Option(String id, @JsonProperty("tekst") String text) {
        }
    }

    /** A rule version the overview rests on. {@code tot} null: no end date yet. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(@JsonProperty("regel") String rule, @JsonProperty("naam") String name, String gemeente,
                       @JsonProperty("van") String from, @Nullable @JsonProperty("tot") String to,
                       @JsonProperty("waarde") String value, @JsonProperty("bron") String source) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Acknowledged(@Nullable @JsonProperty("gelezenOp") String readAt,
                               @JsonProperty("actueelGelezen") boolean readCurrent,
                               @Nullable @JsonProperty("quizOp") String quizAt,
                               @Nullable @JsonProperty("quizGoed") Integer quizRight,
                               @JsonProperty("quizActueel") boolean quizCurrent) {
    }
}
