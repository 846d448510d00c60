package nl.bijstandsportaal.rights;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.i18n.TypedInput;
import nl.bijstandsportaal.rules.Household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reported change as typed (web form or app), and its check. The same check serves both, so a field gets the
 * same clear message everywhere. {@link #check} gives either a {@link ChangeRequest} or the field errors.
 */
public record ChangeForm(ChangeKind kind, String datum, String datumTot, String naam, String geboortedatum,
                         String huishoudstatus, String lid, String bedrag, String land, String straat, String postcode,
                         String woonplaats, String toelichting) {

    public static final int MAX_TEXT = 2000;
    private static final Pattern POSTCODE = Pattern.compile("[1-9][0-9]{3} ?[A-Za-z]{2}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");

    /** The checked change, typed. {@code lidId}/{@code lidNaam}: the household member who leaves (INWONER_WEG). */
    @Pure
    public record ChangeRequest(ChangeKind kind, LocalDate datum, LocalDate datumTot, String naam, LocalDate geboortedatum,
                                Household.Status status, Long lidId, String lidNaam, BigDecimal bedrag, String land,
                                String adres, String toelichting) {
    }

    /** Either a request or, per field name, what is wrong (in the order of the form). */
    public record Checked(ChangeRequest request, Map<String, Text> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The people who live with the citizen now, by id, for "who leaves?". */
    public static Checked check(ChangeForm form, LocalDate today, Map<Long, String> members) {
        Map<String, Text> errors = new LinkedHashMap<>();
        ChangeKind kind = form.kind();
        LocalDate datum = date(form.datum(), "datum", "change.short.datum", errors);
        if (datum != null && (datum.isBefore(today.minusYears(1)) || datum.isAfter(today.plusYears(1)))) {
            errors.put("datum", Text.of("change.error.dateRange", Text.of("change.short.datum"), today.minusYears(1), today.plusYears(1)));
        }
        LocalDate datumTot = null;
        String naam = null;
        LocalDate born = null;
        Household.Status status = null;
        Long lidId = null;
        String lidNaam = null;
        BigDecimal bedrag = null;
        String land = null;
        String adres = null;
        String toelichting = trim(form.toelichting());
        switch (kind) {
            case INWONER_ERBIJ -> {
                naam = required(form.naam(), "naam", "change.short.naam", 100, errors);
                born = date(form.geboortedatum(), "geboortedatum", "change.short.geboortedatum", errors);
                if (born != null && (!born.isBefore(today) || born.isBefore(today.minusYears(120)))) {
                    errors.put("geboortedatum", Text.of("change.error.birthDate"));
                }
                String code = trim(form.huishoudstatus());
                if (code == null) {
                    errors.put("huishoudstatus", Text.of("change.error.choose", Text.of("change.short.huishoudstatus")));
                } else {
                    try {
                        status = Household.Status.valueOf(code);
                    } catch (IllegalArgumentException e) {
                        errors.put("huishoudstatus", Text.of("change.error.choose", Text.of("change.short.huishoudstatus")));
                    }
                }
            }
            case INWONER_WEG -> {
                String chosen = trim(form.lid());
                try {
                    lidId = chosen == null ? null : Long.valueOf(chosen);
                } catch (NumberFormatException e) {
                    lidId = null;
                }
                if (lidId == null || !members.containsKey(lidId)) {
                    errors.put("lid", Text.of("change.error.choose", Text.of("change.short.lid")));
                    lidId = null;
                } else {
                    lidNaam = members.get(lidId);
                }
            }
            case BUITENLAND -> {
                datumTot = date(form.datumTot(), "datumTot", "change.short.datumTot", errors);
                if (datum != null && datumTot != null && datumTot.isBefore(datum)) {
                    errors.put("datumTot", Text.of("change.error.returnBeforeLeave"));
                } else if (datum != null && datumTot != null && datumTot.isAfter(datum.plusYears(1))) {
                    errors.put("datumTot", Text.of("change.error.tripTooLong"));
                }
                land = required(form.land(), "land", "change.short.land", 100, errors);
            }
            case ADRES -> {
                String street = required(form.straat(), "straat", "change.short.straat", 150, errors);
                String code = trim(form.postcode());
                if (code == null) {
                    errors.put("postcode", Text.of("change.error.required", Text.of("change.short.postcode")));
                } else if (!POSTCODE.matcher(code).matches()) {
                    errors.put("postcode", Text.of("change.error.postcode"));
                }
                String place = required(form.woonplaats(), "woonplaats", "change.short.woonplaats", 100, errors);
                if (street != null && code != null && place != null && !errors.containsKey("postcode")) {
                    String normalised = code.replace(" ", "").toUpperCase(Locale.ROOT);
                    adres = street + ", " + normalised.substring(0, 4) + " " + normalised.substring(4) + " " + place;
                }
            }
            case GIFT -> {
                bedrag = amount(form.bedrag(), errors);
                if (toelichting == null) {
                    errors.put("toelichting", Text.of("change.error.required", Text.of("change.short.toelichting.GIFT")));
                }
            }
            case ANDERS -> {
                if (toelichting == null) {
                    errors.put("toelichting", Text.of("change.error.required", Text.of("change.short.toelichting.ANDERS")));
                }
            }
        }
        if (toelichting != null && toelichting.length() > MAX_TEXT) {
            errors.put("toelichting", Text.of("change.error.tooLong", Text.of("change.short.toelichting"), MAX_TEXT));
        }
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        return new Checked(new ChangeRequest(kind, datum, datumTot, naam, born, status, lidId, lidNaam, bedrag, land, adres,
                toelichting), Map.of());
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String required(String value, String field, String label, int max, Map<String, Text> errors) {
        String trimmed = trim(value);
        if (trimmed == null) {
            errors.put(field, Text.of("change.error.required", Text.of(label)));
            return null;
        }
        if (trimmed.length() > max) {
            errors.put(field, Text.of("change.error.tooLong", Text.of(label), max));
            return null;
        }
        return trimmed;
    }

    /** A date as a date field sends it (2026-12-01) or as people type it (1-12-2026). */
    static LocalDate date(String value, String field, String label, Map<String, Text> errors) {
        if (trim(value) == null) {
            errors.put(field, Text.of("change.error.required", Text.of(label)));
            return null;
        }
        Optional<LocalDate> date = TypedInput.date(value);
        if (date.isEmpty()) {
            errors.put(field, Text.of("change.error.date", Text.of(label)));
        }
        return date.orElse(null);
    }

    /** Euros as people type them: 150, 150,50, 1.200,00, € 75 or 1200.50. */
    static BigDecimal amount(String value, Map<String, Text> errors) {
        if (trim(value) == null) {
            errors.put("bedrag", Text.of("change.error.required", Text.of("change.short.bedrag")));
            return null;
        }
        Optional<BigDecimal> amount = TypedInput.amount(value).filter(a -> a.signum() > 0 && a.compareTo(MAX_AMOUNT) <= 0);
        if (amount.isEmpty()) {
            errors.put("bedrag", Text.of("change.error.amount"));
        }
        return amount.orElse(null);
    }

    /** The fields in the order the form shows them, for the error summary. */
    public static List<String> fields(ChangeKind kind) {
        List<String> fields = new ArrayList<>();
        switch (kind) {
            case INWONER_ERBIJ -> fields.addAll(List.of("naam", "geboortedatum", "huishoudstatus", "datum"));
            case INWONER_WEG -> fields.addAll(List.of("lid", "datum"));
            case BUITENLAND -> fields.addAll(List.of("land", "datum", "datumTot"));
            case ADRES -> fields.addAll(List.of("straat", "postcode", "woonplaats", "datum"));
            case GIFT -> fields.addAll(List.of("bedrag", "datum"));
            case ANDERS -> fields.add("datum");
        }
        fields.add("toelichting");
        return fields;
    }
}
