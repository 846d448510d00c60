package nl.bijstandsportaal.platform.forms;

import nl.bijstandsportaal.platform.forms.Question.Problem;
import nl.bijstandsportaal.platform.i18n.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The form engine: how each kind of question reads what people type, how errors are worded, what a page gets. */
class FormFlowTest {

    private static final Question DAY = Question.date("datum");
    private static final Question CODE = Question.postcode("postcode");
    private static final Question NAME = Question.line("naam", 10).withoutHint();
    private static final Question NOTE = Question.text("toelichting", 20).optional().withoutHint();
    private static final Question STATUS = Question.select("status", List.of("GEEN", "KOSTGANGER"));

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            // question | typed | answer kept, or the problem
            "datum|15-3-2027|2027-03-15",
            "datum|2027-03-15|2027-03-15",
            "datum|15/03/2027|2027-03-15",
            "datum|31-02-2027|DATE",
            "datum|morgen|DATE",
            "datum|'  '|REQUIRED",
            "postcode|3511ab|3511 AB",
            "postcode|3511 AB|3511 AB",
            "postcode|0511 AB|POSTCODE",
            "postcode|12345|POSTCODE",
            "naam|' Karim '|Karim",
            "naam|Karimkarimk|TOO_LONG",
            "naam|''|REQUIRED",
            "toelichting|''|''",
            "status|KOSTGANGER|KOSTGANGER",
            "status|PRINS|CHOOSE",
            "status|''|CHOOSE",
    })
    void eachKindReadsWhatPeopleType(String id, String typed, String expected) {
        Question q = List.of(DAY, CODE, NAME, NOTE, STATUS).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        Question.Reading reading = q.reading(typed);
        boolean problem = List.of(Problem.values()).stream().anyMatch(p -> p.name().equals(expected));
        if (problem) {
            assertEquals(Problem.valueOf(expected), reading.problem());
        } else {
            assertEquals(expected, reading.answer());
        }
    }

    @Test
    void aDayIsShownAsPeopleTypeIt() {
        assertEquals("5-3-2027", DAY.display("2027-03-05"));
        assertEquals("1400,50", Question.amount("bedrag", BigDecimal.TEN.pow(6)).display("1400.50"));
    }

    @Test
    void aFlowWordsItsErrorsPerQuestionOrPerProblem() {
        Screen screen = Screen.of("s", a -> true, DAY, NAME);
        Map<String, String> typed = Map.of("datum", "morgen", "naam", "Karimkarimk");

        FormFlow own = new FormFlow("f", List.of(screen));
        assertEquals(Map.of("datum", Text.of("f.datum.error"), "naam", Text.of("f.naam.error")), own.check(screen, typed).errors());

        FormFlow shared = new FormFlow("f", List.of(screen), "f.error");
        assertEquals(Map.of("datum", Text.of("f.error.date", Text.of("f.datum.short")),
                "naam", Text.of("f.error.tooLong", Text.of("f.naam.short"), 10)), shared.check(screen, typed).errors());
    }

    @Test
    void aQuestionAskedInOtherWordsHasItsOwnKeys() {
        Question gift = DAY.wordedAs("datum.GIFT");
        FormFlow flow = new FormFlow("f", List.of(Screen.of("s", a -> true, gift)), "f.error");
        assertEquals(List.of("f.datum.GIFT.label", "f.datum.GIFT.hint", "f.datum.GIFT.short", "f.error.required", "f.error.date"),
                flow.keys());
        assertEquals("datum", flow.check(flow.screens().get(0), Map.of("datum", "1-1-2027")).answers().keySet().iterator().next());
    }

    @Test
    void optionsGivenAtRunTimeAreShownByName() {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("5", "Lisa");
        members.put("6", "Tim");
        Screen screen = Screen.of("weg", a -> true, Question.select("lid", members).withoutHint());
        FormFlow flow = new FormFlow("f", List.of(screen), "f.error");
        assertEquals("6", flow.check(screen, Map.of("lid", "6")).answers().get("lid"));
        assertEquals(Text.of("f.error.choose", Text.of("f.lid.short")), flow.check(screen, Map.of("lid", "7")).errors().get("lid"));

        FormFlow.QuestionView view = flow.view(screen, Map.of(), Map.of("lid", "6"), Map.of(), Set.of()).questions().get(0);
        assertEquals(List.of(new FormFlow.OptionView("5", null, "Lisa"), new FormFlow.OptionView("6", null, "Tim")), view.options());
        assertEquals("6", view.typed());
        assertNull(view.hint());
        assertNull(view.none());
        assertEquals(List.of("f.lid.label", "f.lid.short", "f.error.choose"), flow.keys(), "names are not in the bundle");
    }

    @Test
    void aChoiceWithNobodyToChooseSaysSoInstead() {
        Screen screen = Screen.of("weg", a -> true, Question.select("lid", Map.of()).withoutHint());
        FormFlow flow = new FormFlow("f", List.of(screen), "f.error");
        assertEquals(Text.of("f.lid.none"), flow.view(screen, Map.of(), Map.of(), Map.of(), Set.of()).questions().get(0).none());
        assertTrue(flow.keys().contains("f.lid.none"));
    }

    @Test
    void thePageGetsWhatTheMacrosNeed() {
        Screen screen = Screen.of("s", a -> true, STATUS, NOTE, CODE.autofill("postal-code"));
        FormFlow flow = new FormFlow("f", List.of(screen));
        FormFlow.ScreenView view = flow.view(screen, Map.of(), Map.of(), Map.of("postcode", Text.of("f.postcode.error")), Set.of());
        assertEquals(Text.of("f.screen.s"), view.heading());
        FormFlow.QuestionView status = view.questions().get(0);
        assertEquals(new FormFlow.OptionView("GEEN", Text.of("f.status.GEEN"), null), status.options().get(0));
        assertEquals(Text.of("f.status.hint"), status.hint());
        FormFlow.QuestionView note = view.questions().get(1);
        assertEquals(false, note.required());
        assertEquals(20, note.maxLength());
        FormFlow.QuestionView code = view.questions().get(2);
        assertEquals("postal-code", code.autocomplete());
        assertEquals(Text.of("f.postcode.error"), code.error());
        assertEquals("off", status.autocomplete());
    }
}
