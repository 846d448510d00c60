package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.forms.FormFlow;
import nl.bijstandsportaal.platform.forms.Question;
import nl.bijstandsportaal.platform.forms.Screen;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The application form of each regeling, declared as data: one question per screen, words under
 * {@code aanvraag.<question>.*}. Questions the check already asked ({@code spaargeld}, {@code beterInkomen}) have the
 * same ids, so their answers fill the form in; what the portal knows of the citizen (household, income, children) is
 * not asked at all. The proof to send follows from the regeling and the answers ({@link #proof}).
 */
@Pure
public final class AanvraagFlows {

    public static final String NAME = "aanvraag";

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");
    private static final Screen SPAARGELD = Screen.of(CheckFlow.SPAARGELD, a -> true, CheckFlow.SAVINGS);

    private AanvraagFlows() {
    }

    public static FormFlow of(Regeling regeling) {
        return new FormFlow(NAME, switch (regeling) {
            case INDIVIDUELE_INKOMENSTOESLAG -> List.of(SPAARGELD,
                    Screen.of(CheckFlow.BETER_INKOMEN, a -> true, CheckFlow.BETTER_INCOME));
            case BIJZONDERE_BIJSTAND -> List.of(
                    Screen.of("kosten", a -> true, Question.choice("kosten", "bril", "witgoed", "tandarts", "bewindvoering",
                            "inrichting", "reiskosten", "anders")),
                    Screen.of("omschrijving", a -> true, Question.text("omschrijving", 1000)),
                    Screen.of("bedrag", a -> true, Question.amount("bedrag", MAX_AMOUNT)),
                    Screen.of("vergoed", a -> true, Question.choice("vergoed", "ja", "nee", "weetniet")),
                    SPAARGELD);
            case KWIJTSCHELDING -> List.of(
                    Screen.of("aanslagnummer", a -> true, Question.text("aanslagnummer", 40)),
                    Screen.of("aanslagbedrag", a -> true, Question.amount("aanslagbedrag", MAX_AMOUNT)),
                    Screen.of("huur", a -> true, Question.amount("huur", MAX_AMOUNT)),
                    SPAARGELD);
            case MEEDOENREGELING -> List.of(
                    Screen.of("voorWie", a -> true, Question.choice("voorWie", "zelf", "kinderen", "allebei")),
                    SPAARGELD);
            case ZORGVERZEKERING -> List.of(
                    Screen.of("verzekeraar", a -> true, Question.text("verzekeraar", 100)),
                    SPAARGELD);
        });
    }

    /** What to send along, in words keys ({@code aanvraag.proof.*}): from the regeling and the answers. */
    public static List<String> proof(Regeling regeling, Map<String, String> answers) {
        return switch (regeling) {
            case INDIVIDUELE_INKOMENSTOESLAG, MEEDOENREGELING, ZORGVERZEKERING -> List.of();
            case BIJZONDERE_BIJSTAND -> "ja".equals(answers.get("vergoed"))
                    ? List.of("aanvraag.proof.offerte", "aanvraag.proof.vergoeding")
                    : List.of("aanvraag.proof.offerte");
            case KWIJTSCHELDING -> List.of("aanvraag.proof.aanslag", "aanvraag.proof.bankafschriften");
        };
    }
}
