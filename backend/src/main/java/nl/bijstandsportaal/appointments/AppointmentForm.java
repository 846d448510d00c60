package nl.bijstandsportaal.appointments;

import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.i18n.TypedInput;
import nl.bijstandsportaal.platform.time.Today;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms of appointments, checked: the consulent's "Plan een afspraak" (also when moving one), the citizen's
 * "Vraag een andere tijd" and "Vraag een gesprek". Each gives either what was asked or a message per field, naming the
 * field and what to do. Pure: "now" is given.
 */
public final class AppointmentForm {

    public static final int MAX_ABOUT = 200;
    public static final int MAX_BRING = 1000;
    public static final int MAX_ADDRESS = 300;
    public static final int MAX_NOTE = 500;
    public static final int MAX_REQUEST_ABOUT = 500;
    public static final int MAX_PREFERRED = 200;
    /** Further ahead than this is almost always a typing error. */
    public static final int MAX_DAYS_AHEAD = 183;
    /** Appointments are in the day: no reminder then falls deep in the night. */
    public static final LocalTime EARLIEST = LocalTime.of(7, 0);
    public static final LocalTime LATEST = LocalTime.of(21, 0);
    public static final List<Integer> DURATIONS = List.of(15, 30, 45, 60, 90);

    private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3])[:.]([0-5][0-9])");

    private AppointmentForm() {
    }

    /** How the appointment takes place. */
    public enum How { KANTOOR, VIDEO, TELEFOON }

    /** How the citizen would like a conversation they ask for. */
    public enum Wish { KANTOOR, VIDEO, TELEFOON, MAAKT_NIET_UIT }

    /** A checked plan. {@code place}: the address (KANTOOR), the link (VIDEO) or null (TELEFOON). */
    public record Plan(Instant start, int minutes, How how, String place, String about, String bring) {
    }

    public record Checked<T>(T value, Map<String, Text> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Fields: datum, tijd, duur, vorm, adres, link, onderwerp, meenemen. */
    public static Checked<Plan> plan(Map<String, String> typed, Instant now) {
        Map<String, Text> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.ofInstant(now, Today.DUTCH_TIME);
        LocalDate day = null;
        String typedDay = typed.getOrDefault("datum", "").strip();
        if (typedDay.isEmpty()) {
            errors.put("datum", Text.of("appointment.error.date.missing"));
        } else {
            Optional<LocalDate> date = TypedInput.date(typedDay);
            if (date.isEmpty()) {
                errors.put("datum", Text.of("appointment.error.date.invalid"));
            } else if (date.get().isBefore(today)) {
                errors.put("datum", Text.of("appointment.error.date.past"));
            } else if (date.get().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
                errors.put("datum", Text.of("appointment.error.date.tooLate", today.plusDays(MAX_DAYS_AHEAD)));
            } else {
                day = date.get();
            }
        }
        LocalTime time = null;
        String typedTime = typed.getOrDefault("tijd", "").strip();
        Matcher m = TIME.matcher(typedTime);
        if (typedTime.isEmpty()) {
            errors.put("tijd", Text.of("appointment.error.time.missing"));
        } else if (!m.matches()) {
            errors.put("tijd", Text.of("appointment.error.time.invalid"));
        } else {
            time = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
                errors.put("tijd", Text.of("appointment.error.time.outside", EARLIEST.toString(), LATEST.toString()));
                time = null;
            }
        }
        Instant start = null;
        if (day != null && time != null) {
            start = ZonedDateTime.of(day, time, Today.DUTCH_TIME).toInstant();
            if (!start.isAfter(now)) {
                errors.put("tijd", Text.of("appointment.error.time.past"));
                start = null;
            }
        }
        int minutes = 30;
        String typedMinutes = typed.getOrDefault("duur", "30").strip();
        if (!typedMinutes.matches("[0-9]{1,3}") || !DURATIONS.contains(Integer.parseInt(typedMinutes))) {
            errors.put("duur", Text.of("appointment.error.duration"));
        } else {
            minutes = Integer.parseInt(typedMinutes);
        }
        How how = null;
        String typedHow = typed.getOrDefault("vorm", "");
        for (How h : How.values()) {
            if (h.name().equals(typedHow)) {
                how = h;
            }
        }
        String place = null;
        if (how == null) {
            errors.put("vorm", Text.of("appointment.error.how"));
        } else if (how == How.KANTOOR) {
            place = text(typed.get("adres"), "adres", MAX_ADDRESS, "appointment.error.address", true, errors);
        } else if (how == How.VIDEO) {
            String link = typed.getOrDefault("link", "").strip();
            if (link.isEmpty()) {
                errors.put("link", Text.of("appointment.error.link.missing"));
            } else if (!link.matches("https://[^\\s\"<>]{3,290}")) {
                errors.put("link", Text.of("appointment.error.link.invalid"));
            } else {
                place = link;
            }
        }
        String about = text(typed.get("onderwerp"), "onderwerp", MAX_ABOUT, "appointment.error.about", true, errors);
        String bring = text(typed.get("meenemen"), "meenemen", MAX_BRING, "appointment.error.bring", false, errors);
        if (!errors.isEmpty()) {
            return new Checked<>(null, errors);
        }
        return new Checked<>(new Plan(start, minutes, how, place, about, bring.isEmpty() ? null : bring), Map.of());
    }

    /** "Vraag een andere tijd": an optional note (notitie), such as the days and times that suit the citizen. */
    public static Checked<String> otherTime(Map<String, String> typed) {
        Map<String, Text> errors = new LinkedHashMap<>();
        String note = text(typed.get("notitie"), "notitie", MAX_NOTE, "appointment.error.note", false, errors);
        return errors.isEmpty() ? new Checked<>(note.isEmpty() ? null : note, Map.of()) : new Checked<>(null, errors);
    }

    /** A conversation the citizen asks for. */
    public record Request(String about, Wish how, String preferred) {
    }

    /** Fields: onderwerp, vorm (optional: MAAKT_NIET_UIT), voorkeur (optional). */
    public static Checked<Request> request(Map<String, String> typed) {
        Map<String, Text> errors = new LinkedHashMap<>();
        String about = text(typed.get("onderwerp"), "onderwerp", MAX_REQUEST_ABOUT, "appointment.request.error.about", true, errors);
        String typedHow = typed.getOrDefault("vorm", "");
        Wish how = typedHow.isBlank() ? Wish.MAAKT_NIET_UIT : null;
        for (Wish w : Wish.values()) {
            if (w.name().equals(typedHow)) {
                how = w;
            }
        }
        if (how == null) {
            errors.put("vorm", Text.of("appointment.request.error.how"));
        }
        String preferred = text(typed.get("voorkeur"), "voorkeur", MAX_PREFERRED, "appointment.request.error.preferred", false, errors);
        if (!errors.isEmpty()) {
            return new Checked<>(null, errors);
        }
        return new Checked<>(new Request(about, how, preferred.isEmpty() ? null : preferred), Map.of());
    }

    private static String text(String typed, String field, int max, String key, boolean required, Map<String, Text> errors) {
        String value = typed == null ? "" : typed.strip();
        if (value.isEmpty() && required) {
            errors.put(field, Text.of(key + ".missing"));
        } else if (value.length() > max) {
            errors.put(field, Text.of(key + ".tooLong", max, value.length()));
        }
        return value;
    }
}
