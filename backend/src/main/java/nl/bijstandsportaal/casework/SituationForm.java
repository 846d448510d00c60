package nl.bijstandsportaal.casework;

import nl.bijstandsportaal.platform.i18n.TypedInput;
import nl.bijstandsportaal.platform.i18n.Text;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A citizen's situation and duties as a consulent typed them on the form (every value as sent, so a form with
 * errors shows again exactly what was typed), and its check. {@link #check} is pure: it gives either the
 * {@link Change} to save or, per field name, what is wrong, in the order of the form.
 * <p>
 * Field names: {@code leefvorm}, {@code inInrichting} (ja/nee), per household member {@code lid.N.id},
 * {@code lid.N.status}, {@code lid.N.verwijderen}; a new member {@code nieuw.voornaam}, {@code nieuw.geboortedatum},
 * {@code nieuw.relatie}, {@code nieuw.status}, {@code nieuw.woontSinds}; per duty {@code plicht.ARBEID.geldt}
 * (ja/nee), {@code plicht.ARBEID.ontheffing} (ja/nee), {@code plicht.ARBEID.reden}, {@code plicht.ARBEID.tot}.
 */
public record SituationForm(String leefvorm, String inInrichting, List<MemberInput> members, NewMember nieuw,
                            Map<Plicht, DutyInput> duties) {

    public static final int MAX_REASON = 500;
    public static final int MAX_NAME = 100;
    /** More household rows than this in one post is not a real form. */
    static final int MAX_MEMBERS = 50;
    static final String YES = "ja";
    static final String NO = "nee";

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    public enum Leefvorm { ALLEENSTAAND, ALLEENSTAANDE_OUDER, PARTNERS }

    public enum Relatie { PARTNER, KIND, OUDER, ANDERS }

    /** Why someone in the home does not count as kostendeler (art. 22a lid 2); GEEN: none of these. */
    public enum Status { GEEN, STUDIEFINANCIERING, BBL, KAMERHUURDER, KOSTGANGER, VERHUURDER, MEDEHUURDER }

    /** The duties a consulent sets (art. 9, 18b Participatiewet); a duty without a row does not apply. */
    public enum Plicht { ARBEID, TAALEIS, PARTICIPATIE }

    /** One row of the household as typed: which member (id), their status, and whether they moved out. */
    public record MemberInput(String id, String status, boolean verwijderen) {
    }

    /** Someone who comes to live with the citizen; all blank (status aside) means nobody is added. */
    public record NewMember(String voornaam, String geboortedatum, String relatie, String status, String woontSinds) {
        public boolean isEmpty() {
            return blank(voornaam) && blank(geboortedatum) && blank(relatie) && blank(woontSinds);
        }
    }

    /** A duty as typed: applies (ja/nee), ontheffing (ja/nee), the reason the citizen reads, the end date. */
    public record DutyInput(String geldt, String ontheffing, String reden, String tot) {
    }

    public SituationForm {
        members = List.copyOf(members);
        duties = Map.copyOf(duties);
    }

    public DutyInput duty(Plicht plicht) {
        return duties.getOrDefault(plicht, new DutyInput(NO, NO, "", ""));
    }

    // ---------- What is stored now ----------

    /** A member of the household as stored. */
    public record CurrentMember(long id, String voornaam, LocalDate geboortedatum, String relatie, String status) {
    }

    /** A duty that applies, as stored or as it will be stored. */
    public record DutyState(boolean ontheffing, String reden, LocalDate tot) {
    }

    /** The situation as stored. {@code duties} holds only the duties that apply. */
    public record Current(long burgerId, String voornaam, String achternaam, String leefvorm, boolean inInrichting,
                          List<CurrentMember> members, Map<Plicht, DutyState> duties) {
        public Current {
            members = List.copyOf(members);
            duties = Map.copyOf(duties);
        }

        public String naam() {
            return voornaam + " " + achternaam;
        }
    }

    /** The form filled with what is stored now. */
    public static SituationForm of(Current current) {
        List<MemberInput> members = current.members().stream()
                .map(m -> new MemberInput(Long.toString(m.id()), m.status(), false)).toList();
        Map<Plicht, DutyInput> duties = new EnumMap<>(Plicht.class);
        for (Plicht plicht : Plicht.values()) {
            DutyState state = current.duties().get(plicht);
            duties.put(plicht, state == null ? new DutyInput(NO, NO, "", "")
                    : new DutyInput(YES, state.ontheffing() ? YES : NO, state.reden() == null ? "" : state.reden(),
                    state.tot() == null ? "" : DUTCH_DATE.format(state.tot())));
        }
        return new SituationForm(current.leefvorm(), current.inInrichting() ? YES : NO, members,
                new NewMember("", "", "", Status.GEEN.name(), ""), duties);
    }

    /** The form from a posted body (application/x-www-form-urlencoded). Missing fields are empty. */
    public static SituationForm fromBody(Map<String, String> body) {
        List<MemberInput> members = new ArrayList<>();
        for (int i = 0; i < MAX_MEMBERS && body.containsKey("lid." + i + ".id"); i++) {
            members.add(new MemberInput(value(body, "lid." + i + ".id"), value(body, "lid." + i + ".status"),
                    !value(body, "lid." + i + ".verwijderen").isEmpty()));
        }
        NewMember nieuw = new NewMember(value(body, "nieuw.voornaam"), value(body, "nieuw.geboortedatum"),
                value(body, "nieuw.relatie"), value(body, "nieuw.status"), value(body, "nieuw.woontSinds"));
        Map<Plicht, DutyInput> duties = new EnumMap<>(Plicht.class);
        for (Plicht plicht : Plicht.values()) {
            String prefix = "plicht." + plicht.name() + ".";
            duties.put(plicht, new DutyInput(value(body, prefix + "geldt"), value(body, prefix + "ontheffing"),
                    value(body, prefix + "reden"), value(body, prefix + "tot")));
        }
        return new SituationForm(value(body, "leefvorm"), value(body, "inInrichting"), members, nieuw, duties);
    }

    private static String value(Map<String, String> body, String name) {
        String value = body.get(name);
        return value == null ? "" : value;
    }

    // ---------- The check ----------

    /** The checked change: the whole situation as it is to be stored. {@code duties} holds only duties that apply. */
    public record Change(Leefvorm leefvorm, boolean inInrichting, Map<Long, Status> statuses, Set<Long> removed,
                         Added added, Map<Plicht, DutyState> duties) {
    }

    /** A new household member. */
    public record Added(String voornaam, LocalDate geboortedatum, Relatie relatie, Status status, LocalDate woontSinds) {
    }

    /** Either a change or, per field name, what is wrong (in the order of the form). */
    public record Checked(Change change, Map<String, Text> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * Checks the form against the household as stored. Rows of members who are no longer stored (or never belonged
     * to this citizen) are ignored; stored members without a row keep what they have.
     */
    public static Checked check(SituationForm form, LocalDate today, List<CurrentMember> stored) {
        Map<String, Text> errors = new LinkedHashMap<>();
        Map<Long, CurrentMember> byId = new LinkedHashMap<>();
        stored.forEach(m -> byId.put(m.id(), m));

        Leefvorm leefvorm = parse(Leefvorm.class, form.leefvorm());
        if (leefvorm == null) {
            errors.put("leefvorm", Text.of("consulent.situation.error.leefvorm"));
        }
        Boolean inInrichting = yesNo(form.inInrichting());
        if (inInrichting == null) {
            errors.put("inInrichting", Text.of("consulent.situation.error.inrichting"));
        }

        Map<Long, Status> statuses = new LinkedHashMap<>();
        Set<Long> removed = new LinkedHashSet<>();
        for (int i = 0; i < form.members().size(); i++) {
            MemberInput input = form.members().get(i);
            CurrentMember member = byId.get(id(input.id()));
            if (member == null) {
                continue;
            }
            Status status = parse(Status.class, input.status());
            if (status == null) {
                errors.put("lid." + i + ".status", Text.of("consulent.situation.error.status", member.voornaam()));
            } else {
                statuses.put(member.id(), status);
            }
            if (input.verwijderen()) {
                removed.add(member.id());
            }
        }

        Added added = form.nieuw().isEmpty() ? null : added(form.nieuw(), today, errors);
        Relatie newRelatie = form.nieuw().isEmpty() ? null : parse(Relatie.class, form.nieuw().relatie());

        long partners = stored.stream()
                .filter(m -> Relatie.PARTNER.name().equals(m.relatie()) && !removed.contains(m.id())).count();
        if (newRelatie == Relatie.PARTNER) {
            if (partners > 0) {
                errors.putIfAbsent("nieuw.relatie", Text.of("consulent.situation.error.partnerTwice"));
            }
            partners++;
        }
        if (leefvorm != null && !errors.containsKey("nieuw.relatie")) {
            if (partners > 1) {
                errors.put("leefvorm", Text.of("consulent.situation.error.partnerTwice"));
            } else if (leefvorm == Leefvorm.PARTNERS && partners == 0) {
                errors.put("leefvorm", Text.of("consulent.situation.error.partnerMissing"));
            } else if (leefvorm != Leefvorm.PARTNERS && partners > 0) {
                errors.put("leefvorm", Text.of("consulent.situation.error.partnerNotPartners"));
            }
        }

        Map<Plicht, DutyState> duties = new EnumMap<>(Plicht.class);
        for (Plicht plicht : Plicht.values()) {
            DutyState state = duty(plicht, form.duty(plicht), today, errors);
            if (state != null) {
                duties.put(plicht, state);
            }
        }

        if (!errors.isEmpty()) {
            return new Checked(null, sorted(errors, form));
        }
        return new Checked(new Change(leefvorm, inInrichting, statuses, removed, added, duties), Map.of());
    }

    private static Added added(NewMember nieuw, LocalDate today, Map<String, Text> errors) {
        String voornaam = trim(nieuw.voornaam());
        if (voornaam == null) {
            errors.put("nieuw.voornaam", Text.of("consulent.situation.error.new.voornaam"));
        } else if (voornaam.length() > MAX_NAME) {
            errors.put("nieuw.voornaam", Text.of("consulent.situation.error.new.voornaamTooLong", MAX_NAME));
            voornaam = null;
        }
        LocalDate born = date(nieuw.geboortedatum(), "nieuw.geboortedatum", "consulent.situation.error.new.geboortedatum",
                "consulent.situation.error.new.geboortedatumInvalid", errors);
        if (born != null && (!born.isBefore(today) || born.isBefore(today.minusYears(120)))) {
            errors.put("nieuw.geboortedatum", Text.of("consulent.situation.error.new.geboortedatumRange"));
            born = null;
        }
        Relatie relatie = parse(Relatie.class, nieuw.relatie());
        if (relatie == null) {
            errors.put("nieuw.relatie", Text.of("consulent.situation.error.new.relatie"));
        }
        Status status = parse(Status.class, nieuw.status());
        if (status == null) {
            errors.put("nieuw.status", Text.of("consulent.situation.error.new.status"));
        }
        LocalDate since = date(nieuw.woontSinds(), "nieuw.woontSinds", "consulent.situation.error.new.woontSinds",
                "consulent.situation.error.new.woontSindsInvalid", errors);
        if (since != null && (since.isAfter(today) || (born != null && since.isBefore(born)))) {
            errors.put("nieuw.woontSinds", Text.of("consulent.situation.error.new.woontSindsRange"));
            since = null;
        }
        return voornaam == null || born == null || relatie == null || status == null || since == null ? null
                : new Added(voornaam, born, relatie, status, since);
    }

    /** The duty to store, or null when it does not apply (or has an error). */
    private static DutyState duty(Plicht plicht, DutyInput input, LocalDate today, Map<String, Text> errors) {
        String prefix = "plicht." + plicht.name() + ".";
        Text name = Text.of(dutyKey(plicht));
        Boolean applies = yesNo(input.geldt());
        if (applies == null) {
            errors.put(prefix + "geldt", Text.of("consulent.situation.error.duty.applies", name));
            return null;
        }
        if (!applies) {
            return null; // what was typed about an ontheffing does not matter then
        }
        Boolean ontheffing = yesNo(input.ontheffing());
        if (ontheffing == null) {
            errors.put(prefix + "ontheffing", Text.of("consulent.situation.error.duty.ontheffing", name));
            return null;
        }
        if (!ontheffing) {
            return new DutyState(false, null, null);
        }
        String reden = trim(input.reden() == null ? null : input.reden().replace("\r\n", "\n"));
        if (reden == null) {
            errors.put(prefix + "reden", Text.of("consulent.situation.error.duty.reden", name));
        } else if (reden.length() > MAX_REASON) {
            errors.put(prefix + "reden", Text.of("consulent.situation.error.duty.redenTooLong", name, MAX_REASON, reden.length()));
            reden = null;
        }
        LocalDate tot = null;
        if (trim(input.tot()) != null) {
            tot = date(input.tot(), prefix + "tot", null, "consulent.situation.error.duty.tot", errors, name);
            if (tot != null && tot.isBefore(today)) {
                errors.put(prefix + "tot", Text.of("consulent.situation.error.duty.totPast", name));
                tot = null;
            }
        }
        return reden == null || errors.containsKey(prefix + "tot") ? null : new DutyState(true, reden, tot);
    }

    /** The bundle key of a duty's short name, as the citizen reads it too. */
    public static String dutyKey(Plicht plicht) {
        return "plicht." + plicht.name();
    }

    /** The fields in the order the form shows them, so the error summary follows the page. */
    public static List<String> fieldOrder(SituationForm form) {
        List<String> fields = new ArrayList<>(List.of("leefvorm", "inInrichting"));
        for (int i = 0; i < form.members().size(); i++) {
            fields.add("lid." + i + ".status");
        }
        fields.addAll(List.of("nieuw.voornaam", "nieuw.geboortedatum", "nieuw.relatie", "nieuw.status", "nieuw.woontSinds"));
        for (Plicht plicht : Plicht.values()) {
            String prefix = "plicht." + plicht.name() + ".";
            fields.addAll(List.of(prefix + "geldt", prefix + "ontheffing", prefix + "reden", prefix + "tot"));
        }
        return fields;
    }

    private static Map<String, Text> sorted(Map<String, Text> errors, SituationForm form) {
        Map<String, Text> sorted = new LinkedHashMap<>();
        for (String field : fieldOrder(form)) {
            if (errors.containsKey(field)) {
                sorted.put(field, errors.get(field));
            }
        }
        errors.forEach(sorted::putIfAbsent);
        return sorted;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        String trimmed = trim(value);
        if (trimmed == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(trimmed)) {
                return constant;
            }
        }
        return null;
    }

    private static Boolean yesNo(String value) {
        String trimmed = trim(value);
        return YES.equals(trimmed) ? Boolean.TRUE : NO.equals(trimmed) ? Boolean.FALSE : null;
    }

    private static Long id(String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String value, String field, String missingKey, String invalidKey, Map<String, Text> errors,
                                  Object... args) {
        String trimmed = trim(value);
        if (trimmed == null) {
            errors.put(field, Text.of(missingKey, args));
            return null;
        }
        LocalDate date = parseDate(trimmed);
        if (date == null) {
            errors.put(field, Text.of(invalidKey, args));
        }
        return date;
    }

    /** A date as people type it (31-12-2026, 31/12/2026, 31.12.2026) or as a date field would send it (2026-12-31). */
    static LocalDate parseDate(String value) {
        return TypedInput.date(value).orElse(null);
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static boolean blank(String value) {
        return trim(value) == null;
    }
}
