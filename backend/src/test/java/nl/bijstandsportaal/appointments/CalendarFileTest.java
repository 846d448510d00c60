package nl.bijstandsportaal.appointments;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The iCalendar writer: escaping of TEXT values and folding at 75 octets (RFC 5545 3.1, 3.3.11). */
class CalendarFileTest {

    @Test
    void textsAreEscaped() {
        assertEquals("a\\, b\\; c\\\\ d\\ne\\nf", CalendarFile.escape("a, b; c\\ d\r\ne\nf"));
        assertEquals("tab\tstays", CalendarFile.escape("tab\tstays\u0007"));
    }

    @Test
    void longLinesAreFoldedWithoutSplittingACharacter() {
        StringBuilder out = new StringBuilder();
        String value = "SUMMARY:" + "é".repeat(50) + "€ end";
        CalendarFile.line(out, value);
        String[] lines = out.toString().split("\r\n");
        assertTrue(lines.length > 1);
        StringBuilder unfolded = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].startsWith(" "));
            unfolded.append(lines[i].substring(1));
        }
        for (String line : lines) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        assertEquals(value, unfolded.toString());
    }

    @Test
    void aCancelledEventSaysSoAndTimesAreUtc() {
        String ics = CalendarFile.write(new CalendarFile.Event("x@bijstandsportaal", 2, Instant.parse("2026-03-29T07:30:00Z"),
                Instant.parse("2026-03-29T08:00:00Z"), Instant.parse("2026-03-20T10:00:00Z"), "Afspraak", null, null, null, true));
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), ics);
        assertTrue(ics.contains("\r\nDTSTART:20260329T073000Z\r\nDTEND:20260329T080000Z\r\n"), ics);
        assertTrue(ics.contains("\r\nSEQUENCE:2\r\n") && ics.contains("\r\nSTATUS:CANCELLED\r\n") && ics.contains("\r\nMETHOD:PUBLISH\r\n"), ics);
        assertTrue(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    }
}
