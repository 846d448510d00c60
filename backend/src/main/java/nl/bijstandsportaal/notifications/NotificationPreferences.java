package nl.bijstandsportaal.notifications;

import nl.bijstandsportaal.platform.i18n.Text;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a citizen wants to hear about a new message besides the inbox: push and e-mail per topic, and the quiet hours.
 * Also reads them as typed on the settings page (a checkbox per topic and channel, the times "van" and "tot"). Pure.
 */
public record NotificationPreferences(List<Choice> topics, QuietHours quietHours) {

    /** Push and e-mail for one topic. */
    public record Choice(Topic topic, boolean push, boolean email) {
        public boolean on(Channel channel) {
            return channel == Channel.PUSH ? push : email;
        }
    }

    /** The form fields of the quiet hours. */
    public static final String FROM = "van";
    public static final String UNTIL = "tot";
    /** The value of a checked box; unchecked boxes are not sent, so a missing field means off. */
    public static final String ON = "aan";

    private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3])(?:[:.]([0-5][0-9]))?");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    public NotificationPreferences {
        topics = List.copyOf(topics);
    }

    /** The form field of a checkbox: "INKOMSTEN.PUSH". */
    public static String field(Topic topic, Channel channel) {
        return topic.name() + "." + channel.name();
    }

    /** A time as people type it: "21:00", "8:00", "21.30" or "21". Empty when it is not one. */
    public static Optional<LocalTime> time(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        Matcher m = TIME.matcher(typed.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
    }

    /** "08:00". */
    public static String shown(LocalTime time) {
        return SHOWN.format(time);
    }

    /** These preferences as the settings page shows them in its fields. */
    public Map<String, String> typed() {
        Map<String, String> typed = new LinkedHashMap<>();
        for (Choice choice : topics) {
            for (Channel channel : Channel.values()) {
                if (choice.on(channel)) {
                    typed.put(field(choice.topic(), channel), ON);
                }
            }
        }
        typed.put(FROM, shown(quietHours.from()));
        typed.put(UNTIL, shown(quietHours.until()));
        return typed;
    }

    /** What the page sent, or the mistakes by field (in the order of the page). */
    public record Checked(NotificationPreferences preferences, Map<String, Text> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Reads the settings form: every topic, each box checked or not, and both times. */
    public static Checked fromPage(Map<String, String> typed) {
        List<Choice> choices = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            choices.add(new Choice(topic, ON.equals(typed.get(field(topic, Channel.PUSH))),
                    ON.equals(typed.get(field(topic, Channel.EMAIL)))));
        }
        Map<String, Text> errors = new LinkedHashMap<>();
        Optional<LocalTime> from = quietTime(typed.get(FROM), FROM, errors);
        Optional<LocalTime> until = quietTime(typed.get(UNTIL), UNTIL, errors);
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        return new Checked(new NotificationPreferences(choices, new QuietHours(from.orElseThrow(), until.orElseThrow())), Map.of());
    }

    /** One of the quiet-hours times, or its mistake in {@code errors} under {@code field} ("van" or "tot"). */
    public static Optional<LocalTime> quietTime(String typed, String field, Map<String, Text> errors) {
        if (typed == null || typed.isBlank()) {
            errors.put(field, Text.of("notification.settings.error." + field + ".empty"));
            return Optional.empty();
        }
        Optional<LocalTime> time = time(typed);
        if (time.isEmpty()) {
            errors.put(field, Text.of("notification.settings.error." + field + ".time"));
        }
        return time;
    }
}
