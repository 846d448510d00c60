package nl.bijstandsportaal.rights;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.forms.FormFlow;
import nl.bijstandsportaal.platform.forms.Question;
import nl.bijstandsportaal.platform.forms.Screen;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.rules.Household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static nl.bijstandsportaal.rights.ChangeFlow.BEDRAG;
import static nl.bijstandsportaal.rights.ChangeFlow.DATUM;
import static nl.bijstandsportaal.rights.ChangeFlow.DATUM_TOT;
import static nl.bijstandsportaal.rights.ChangeFlow.GEBOORTEDATUM;
import static nl.bijstandsportaal.rights.ChangeFlow.HUISHOUDSTATUS;
import static nl.bijstandsportaal.rights.ChangeFlow.LAND;
import static nl.bijstandsportaal.rights.ChangeFlow.LID;
import static nl.bijstandsportaal.rights.ChangeFlow.NAAM;
import static nl.bijstandsportaal.rights.ChangeFlow.POSTCODE;
import static nl.bijstandsportaal.rights.ChangeFlow.STRAAT;
import static nl.bijstandsportaal.rights.ChangeFlow.TOELICHTING;
import static nl.bijstandsportaal.rights.ChangeFlow.WOONPLAATS;

/**
 * A reported change as typed (web form or app), and its check: the one set of inputs of the change form. The same
 * check serves both, so a field gets the same clear message everywhere. {@link #check} reads the fields with the
 * form's questions ({@link ChangeFlow}), then applies the rules between answers and today, and gives either a
 * {@link ChangeRequest} or the field errors.
 */
@Pure
public record ChangeForm(ChangeKind kind, String datum, String datumTot, String naam, String geboortedatum,
                         String huishoudstatus, String lid, String bedrag, String land, String straat, String postcode,
                         String woonplaats, String toelichting) {

    /** The checked change, typed. {@code lidId}/{@code lidNaam}: the household member who leaves (INWONER_WEG). */
    @Pure
    public record ChangeRequest(ChangeKind kind, LocalDate datum, LocalDate datumTot, String naam, LocalDate geboortedatum,
                                Household.Status status, Long lidId, String lidNaam, BigDecimal bedrag, String land,
                                String adres, String toelichting) {
    }

    /** Either a request or, per field name, what is wrong (in the order of this record's fields, as the app sends them). */
    public record Checked(ChangeRequest request, Map<String, Text> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The fields as typed, by name, in the order of this record; a field not sent is left out. */
    public Map<String, String> typed() {
        Map<String, String> typed = new LinkedHashMap<>();
        String[] values = {datum, datumTot, naam, geboortedatum, huishoudstatus, lid, bedrag, land, straat, postcode, woonplaats,
                toelichting};
        for (int i = 0; i < FIELDS.size(); i++) {
            if (values[i] != null) {
                typed.put(FIELDS.get(i), values[i]);
            }
        }
        return typed;
    }

    private static final List<String> FIELDS = List.of(DATUM, DATUM_TOT, NAAM, GEBOORTEDATUM, HUISHOUDSTATUS, LID, BEDRAG, LAND,
            STRAAT, POSTCODE, WOONPLAATS, TOELICHTING);

    /** {@code members}: the people who live with the citizen now, by id, for "who leaves?". */
    public static Checked check(ChangeForm form, LocalDate today, Map<Long, String> members) {
        FormFlow flow = ChangeFlow.of(form.kind(), members);
        Screen screen = ChangeFlow.screen(flow);
        FormFlow.Checked read = flow.check(screen, form.typed());
        Map<String, String> a = read.answers();
        Map<String, Text> errors = new HashMap<>(read.errors());
        Map<String, Question> questions = new HashMap<>();
        screen.questions().forEach(q -> questions.put(q.id(), q));

        LocalDate datum = date(a, DATUM);
        if (datum != null && (datum.isBefore(today.minusYears(1)) || datum.isAfter(today.plusYears(1)))) {
            errors.put(DATUM, Text.of("change.error.dateRange", flow.words(questions.get(DATUM), "short"), today.minusYears(1),
                    today.plusYears(1)));
        }
        LocalDate born = date(a, GEBOORTEDATUM);
        if (born != null && (!born.isBefore(today) || born.isBefore(today.minusYears(120)))) {
            errors.put(GEBOORTEDATUM, Text.of("change.error.birthDate"));
        }
        LocalDate datumTot = date(a, DATUM_TOT);
        if (datum != null && datumTot != null && datumTot.isBefore(datum)) {
            errors.put(DATUM_TOT, Text.of("change.error.returnBeforeLeave"));
        } else if (datum != null && datumTot != null && datumTot.isAfter(datum.plusYears(1))) {
            errors.put(DATUM_TOT, Text.of("change.error.tripTooLong"));
        }
        BigDecimal bedrag = a.containsKey(BEDRAG) ? new BigDecimal(a.get(BEDRAG)) : null;
        if (bedrag != null && bedrag.signum() <= 0) {
            errors.put(BEDRAG, flow.error(questions.get(BEDRAG), Question.Problem.AMOUNT));
        }

        if (!errors.isEmpty()) {
            Map<String, Text> ordered = new LinkedHashMap<>();
            FIELDS.stream().filter(errors::containsKey).forEach(f -> ordered.put(f, errors.get(f)));
            return new Checked(null, ordered);
        }
        Long lidId = a.containsKey(LID) ? Long.valueOf(a.get(LID)) : null;
        String adres = a.containsKey(STRAAT) ? a.get(STRAAT) + ", " + a.get(POSTCODE) + " " + a.get(WOONPLAATS) : null;
        String toelichting = a.getOrDefault(TOELICHTING, "");
        return new Checked(new ChangeRequest(form.kind(), datum, datumTot, a.get(NAAM), born,
                a.containsKey(HUISHOUDSTATUS) ? Household.Status.valueOf(a.get(HUISHOUDSTATUS)) : null, lidId,
                lidId == null ? null : members.get(lidId), bedrag, a.get(LAND), adres, toelichting.isEmpty() ? null : toelichting),
                Map.of());
    }

    private static LocalDate date(Map<String, String> answers, String field) {
        return answers.containsKey(field) ? LocalDate.parse(answers.get(field)) : null;
    }
}
