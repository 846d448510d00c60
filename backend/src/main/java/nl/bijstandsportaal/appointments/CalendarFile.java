package nl.bijstandsportaal.appointments;

import nl.bijstandsportaal.platform.Pure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An appointment as an iCalendar file (RFC 5545) that a phone's calendar adds: one VEVENT, METHOD:PUBLISH, times in
 * UTC (no time zone definitions to get wrong), a UID that stays the same when the appointment is moved (SEQUENCE counts
 * the moves, so the calendar updates the event instead of adding a second one), texts escaped (backslash, semicolon,
 * comma, line break) and lines folded at 75 octets without splitting a character. Pure.
 */
@Pure
public final class CalendarFile {

    static final String CRLF = "\r\n";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CalendarFile() {
    }

    /**
     * What goes in the file. {@code uid}: stable per appointment; {@code sequence}: 0, and one more per move;
     * {@code cancelled}: the event is marked CANCELLED (a calendar that has it removes or strikes it).
     */
    public record Event(String uid, int sequence, Instant start, Instant end, Instant stamp, String summary, String location,
                        String description, String url, boolean cancelled) {
    }

    public static String write(Event e) {
        StringBuilder out = new StringBuilder(1024);
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Bijstandsportaal//Afspraken//NL");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + escape(e.uid()));
        line(out, "SEQUENCE:" + e.sequence());
        line(out, "DTSTAMP:" + UTC.format(e.stamp()));
        line(out, "DTSTART:" + UTC.format(e.start()));
        line(out, "DTEND:" + UTC.format(e.end()));
        line(out, "SUMMARY:" + escape(e.summary()));
        if (e.location() != null && !e.location().isBlank()) {
            line(out, "LOCATION:" + escape(e.location()));
        }
        if (e.description() != null && !e.description().isBlank()) {
            line(out, "DESCRIPTION:" + escape(e.description()));
        }
        if (e.url() != null && !e.url().isBlank()) {
            line(out, "URL:" + e.url());
        }
        line(out, "STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
        line(out, "TRANSP:OPAQUE");
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, every line break as \n. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\r' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    out.append("\\n");
                }
                case '\n' -> out.append("\\n");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * One content line, folded (RFC 5545 3.1): at most 75 octets a line, a continuation starts with one space. A
     * character of several UTF-8 octets (or a surrogate pair) is never split.
     */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int chars = Character.charCount(codePoint);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += chars;
        }
        out.append(CRLF);
    }
}
