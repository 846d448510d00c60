package nl.bijstandsportaal.worklist;

import nl.bijstandsportaal.platform.i18n.Text;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One thing that needs an employee, or waits for the citizen, as the capability that owns it sees it today.
 *
 * @param key          unique and stable for as long as the item exists ("aanvraag/uuid"); claims are stored under it
 * @param received     when it came in (what came in after the consulent last looked is "new")
 * @param deadline     the last day by law or by the municipality's promise, pauses counted (null: none)
 * @param waitingUntil the citizen's own last day while the item waits for the citizen (null: the employee's turn)
 * @param what         a short description for the consulent ("Bijzondere bijstand, kenmerk A0000012")
 * @param link         where the consulent handles it
 * @param notFor       the employee who may not handle it (four eyes: who proposed the decision), or null
 */
public record WorkItem(String key, WorkKind kind, long burgerId, Instant received, LocalDate deadline, LocalDate waitingUntil,
                       Text what, String link, Long notFor) {

    public WorkItem(String key, WorkKind kind, long burgerId, Instant received, LocalDate deadline, LocalDate waitingUntil,
                    Text what, String link) {
        this(key, kind, burgerId, received, deadline, waitingUntil, what, link, null);
    }

    public boolean waiting() {
        return waitingUntil != null;
    }
}
