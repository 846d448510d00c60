package nl.bijstandsportaal.rights;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.forms.FormFlow;
import nl.bijstandsportaal.platform.forms.Question;
import nl.bijstandsportaal.platform.forms.Screen;
import nl.bijstandsportaal.rules.Household;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The change form ("wijziging doorgeven") declared as data: one screen per {@link ChangeKind}, all on one page, words
 * under {@code change.<question>.*} and the screen's title under {@code change.screen.<KIND>}. A question asked in
 * other words per kind (the date, the explanation) has its words under {@code change.<question>.<KIND>}. Errors are
 * worded per problem ({@code change.error.required}, {@code .choose}, {@code .date}, ...) and name the field by its
 * short name. Who leaves is chosen from the people who live with the citizen now, given at run time. The rules
 * between answers (dates around today, a return after leaving) are in {@link ChangeForm#check}.
 */
@Pure
public final class ChangeFlow {

    public static final String NAME = "change";
    static final String PROBLEMS = "change.error";

    static final int MAX_TEXT = 2000;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");

    static final String DATUM = "datum";
    static final String DATUM_TOT = "datumTot";
    static final String NAAM = "naam";
    static final String GEBOORTEDATUM = "geboortedatum";
    static final String HUISHOUDSTATUS = "huishoudstatus";
    static final String LID = "lid";
    static final String BEDRAG = "bedrag";
    static final String LAND = "land";
    static final String STRAAT = "straat";
    static final String POSTCODE = "postcode";
    static final String WOONPLAATS = "woonplaats";
    static final String TOELICHTING = "toelichting";

    private static final Question NAME_QUESTION = Question.line(NAAM, 100).withoutHint();
    private static final Question BORN = Question.date(GEBOORTEDATUM);
    private static final Question STATUS = Question.select(HUISHOUDSTATUS,
            Arrays.stream(Household.Status.values()).map(Enum::name).toList());
    private static final Question RETURN = Question.date(DATUM_TOT);
    private static final Question COUNTRY = Question.line(LAND, 100).withoutHint().autofill("country-name");
    private static final Question STREET = Question.line(STRAAT, 150).withoutHint().autofill("street-address");
    private static final Question POSTCODE_QUESTION = Question.postcode(POSTCODE).autofill("postal-code");
    private static final Question PLACE = Question.line(WOONPLAATS, 100).withoutHint().autofill("address-level2");
    private static final Question AMOUNT = Question.amount(BEDRAG, MAX_AMOUNT);
    private static final Question ANYTHING_ELSE = Question.text(TOELICHTING, MAX_TEXT).optional().withoutHint();

    private ChangeFlow() {
    }

    /** The form of one kind; {@code members}: the people who live with the citizen now, by id, for "who leaves?". */
    public static FormFlow of(ChangeKind kind, Map<Long, String> members) {
        return new FormFlow(NAME, List.of(screen(kind, members)), PROBLEMS);
    }

    /** The one screen of a kind's form. */
    public static Screen screen(FormFlow flow) {
        return flow.screens().get(0);
    }

    private static Screen screen(ChangeKind kind, Map<Long, String> members) {
        Question datum = Question.date(DATUM).wordedAs(DATUM + "." + kind.name());
        Question[] questions = switch (kind) {
            case INWONER_ERBIJ -> new Question[]{NAME_QUESTION, BORN, STATUS, datum, ANYTHING_ELSE};
            case INWONER_WEG -> new Question[]{who(members), datum, ANYTHING_ELSE};
            case BUITENLAND -> new Question[]{COUNTRY, datum, RETURN, ANYTHING_ELSE};
            case ADRES -> new Question[]{STREET, POSTCODE_QUESTION, PLACE, datum, ANYTHING_ELSE};
            case GIFT -> new Question[]{AMOUNT, datum, told(kind)};
            case ANDERS -> new Question[]{datum, told(kind)};
        };
        return Screen.of(kind.name(), answers -> true, questions);
    }

    /** Who leaves: one of the people who live with the citizen, by name. */
    private static Question who(Map<Long, String> members) {
        Map<String, String> named = new LinkedHashMap<>();
        members.forEach((id, name) -> named.put(String.valueOf(id), name));
        return Question.select(LID, named).withoutHint();
    }

    /** For a gift and for "something else" the explanation is what the change is about, so it must be given. */
    private static Question told(ChangeKind kind) {
        return Question.text(TOELICHTING, MAX_TEXT).wordedAs(TOELICHTING + "." + kind.name());
    }
}
