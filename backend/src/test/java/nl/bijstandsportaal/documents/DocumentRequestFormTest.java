package nl.bijstandsportaal.documents;

import nl.bijstandsportaal.notifications.DocumentReminders;
import nl.bijstandsportaal.platform.i18n.Text;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consulent's request form and the reminder stages, without a database. */
class DocumentRequestFormTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    private static DocumentRequestForm.Checked check(String what, String why, String deadline) {
        return DocumentRequestForm.check(Map.of("wat", what, "waarom", why, "uiterlijk", deadline), TODAY, 5);
    }

    @Test
    void aDeadlineAsTypedOrFromADateFieldIsRead() {
        assertEquals(LocalDate.parse("2026-12-07"), check("Huurcontract", "Voor je woonkosten.", "7-12-2026").request().deadline());
        assertEquals(LocalDate.parse("2026-12-07"), check(" Huurcontract ", "Voor je woonkosten.", "2026-12-07").request().deadline());
        assertEquals("Huurcontract", check(" Huurcontract ", "Voor je woonkosten.", "2026-12-07").request().what());
    }

    @Test
    void eachMistakeIsNamedAtItsField() {
        DocumentRequestForm.Checked empty = check(" ", "", "");
        assertEquals(Text.of("consulent.document.error.what.missing"), empty.errors().get("wat"));
        assertEquals(Text.of("consulent.document.error.why.missing"), empty.errors().get("waarom"));
        assertEquals(Text.of("consulent.document.error.deadline.missing"), empty.errors().get("uiterlijk"));

        assertEquals(Text.of("consulent.document.error.what.tooLong", 200, 201), check("x".repeat(201), "Waarom", "2026-12-07").errors().get("wat"));
        assertEquals(Text.of("consulent.document.error.deadline.invalid"), check("Wat", "Waarom", "31-2-2026").errors().get("uiterlijk"));
        assertEquals(Text.of("consulent.document.error.deadline.tooSoon", 5, LocalDate.parse("2026-11-28")),
                check("Wat", "Waarom", "27-11-2026").errors().get("uiterlijk"), "fewer days than the municipality's minimum");
        assertTrue(check("Wat", "Waarom", "28-11-2026").ok(), "exactly the minimum");
        assertEquals(Text.of("consulent.document.error.deadline.tooLate", TODAY.plusDays(DocumentRequestForm.MAX_DAYS_AHEAD)),
                check("Wat", "Waarom", "7-12-2062").errors().get("uiterlijk"), "a typing error in the year");
    }

    @Test
    void remindersComeBeforeTheLastDayAndOnceLateButNotRightAfterAsking() {
        LocalDate deadline = LocalDate.parse("2026-12-15");
        LocalDate asked = LocalDate.parse("2026-12-01");
        assertEquals(Optional.empty(), DocumentReminders.stage(asked, deadline, LocalDate.parse("2026-12-11"), 3));
        assertEquals(Optional.of(DocumentReminders.Stage.SOON), DocumentReminders.stage(asked, deadline, LocalDate.parse("2026-12-12"), 3));
        assertEquals(Optional.of(DocumentReminders.Stage.SOON), DocumentReminders.stage(asked, deadline, deadline, 3));
        assertEquals(Optional.of(DocumentReminders.Stage.LATE), DocumentReminders.stage(asked, deadline, LocalDate.parse("2026-12-16"), 3));
        assertEquals(Optional.empty(), DocumentReminders.stage(asked, deadline, LocalDate.parse("2027-01-16"), 3), "a month late: no more");
        assertEquals(Optional.empty(), DocumentReminders.stage(LocalDate.parse("2026-12-12"), deadline, LocalDate.parse("2026-12-13"), 3),
                "asked inside the reminder window: the request's own message is enough");
    }
}
