package nl.bijstandsportaal.documents;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consulent's forms "meer tijd geven" and "niet goed genoeg" on fixed dates, with a minimum term of 5 days. */
class DocumentStepFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static DocumentStepForm.Checked extend(String date, String reason, LocalDate current) {
        return DocumentStepForm.extension(Map.of("verlengTot", date, "verlengReden", reason), current, TODAY, 5);
    }

    @Test
    void moreTimeIsALaterDayThatGivesAtLeastTheMinimumFromToday() {
        LocalDate current = LocalDate.of(2026, 12, 4);
        DocumentStepForm.Checked ok = extend("11-12-2026", "  ", current);
        assertTrue(ok.ok());
        assertEquals(LocalDate.of(2026, 12, 11), ok.deadline());
        assertNull(ok.text(), "the reason is optional");
        assertEquals("Je bank stuurt ze later.", extend("2026-12-11", " Je bank stuurt ze later. ", current).text());

        assertEquals("consulent.document.extend.error.notLater", extend("4-12-2026", "", current).errors().get("verlengTot").key(), "the same day");
        assertEquals("consulent.document.extend.error.notLater", extend("1-12-2026", "", current).errors().get("verlengTot").key(), "earlier");
        assertEquals("consulent.document.extend.error.notLater", extend("1-11-2026", "", current).errors().get("verlengTot").key(), "in the past");
        assertEquals("consulent.document.extend.error.missing", extend("", "", current).errors().get("verlengTot").key());
        assertEquals("consulent.document.extend.error.invalid", extend("morgen", "", current).errors().get("verlengTot").key());
        assertEquals("consulent.document.extend.error.tooLate", extend("1-1-2028", "", current).errors().get("verlengTot").key());
        assertEquals("consulent.document.extend.error.reasonTooLong", extend("11-12-2026", "x".repeat(1001), current).errors().get("verlengReden").key());

        // Late already (the last day was 20 November): later than that is not enough, the citizen gets 5 days from today.
        LocalDate late = LocalDate.of(2026, 11, 20);
        assertEquals(LocalDate.of(2026, 11, 28), DocumentStepForm.earliestExtension(late, TODAY, 5));
        var tooSoon = extend("25-11-2026", "", late).errors().get("verlengTot");
        assertEquals("consulent.document.extend.error.tooSoon", tooSoon.key());
        assertEquals(LocalDate.of(2026, 11, 28), tooSoon.args().get(1));
        assertTrue(extend("28-11-2026", "", late).ok());
    }

    @Test
    void notGoodEnoughSaysWhatIsWrongAndGivesANewDay() {
        DocumentStepForm.Checked ok = DocumentStepForm.again(Map.of("opnieuwUitleg", "De foto is niet scherp.", "opnieuwTot", "2026-12-07"), TODAY, 5);
        assertTrue(ok.ok());
        assertEquals(LocalDate.of(2026, 12, 7), ok.deadline());
        assertEquals("De foto is niet scherp.", ok.text());

        DocumentStepForm.Checked empty = DocumentStepForm.again(Map.of("opnieuwUitleg", " ", "opnieuwTot", "22-11-2026"), TODAY, 5);
        assertFalse(empty.ok());
        assertEquals("consulent.document.again.error.text.missing", empty.errors().get("opnieuwUitleg").key());
        assertEquals("consulent.document.again.error.tooSoon", empty.errors().get("opnieuwTot").key(), "yesterday");
        assertEquals("consulent.document.again.error.tooSoon",
                DocumentStepForm.again(Map.of("opnieuwUitleg", "x", "opnieuwTot", "27-11-2026"), TODAY, 5).errors().get("opnieuwTot").key());
        assertEquals("consulent.document.again.error.missing", DocumentStepForm.again(Map.of("opnieuwUitleg", "x"), TODAY, 5).errors().get("opnieuwTot").key());
    }
}
