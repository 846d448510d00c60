package nl.bijstandsportaal.worklist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A capability's part of the work list: what is open in one municipality today, computed by the capability itself with
 * its own rules (legal clocks, promised days), so the work list is true on the day it is read.
 */
public interface WorkSource {

    /** Everything open in this municipality ({@code gemeenteCode} for the rules), each with its deadline as of today. */
    List<WorkItem> open(long gemeenteId, String gemeenteCode, LocalDate today);

    /**
     * The tables {@link #open} reads: the work list keeps what it gathered until one of them is written (see
     * platform.db.TableChanges).
     */
    Set<String> tables();

    /** Items of this source handled since {@code since}: how long they took, for the team lead's processing times. */
    default List<Handled> handled(long gemeenteId, Instant since) {
        return List.of();
    }

    /** One handled item: the kind, when it came in, when it was done and by whom (null: not recorded). */
    record Handled(WorkKind kind, Instant received, Instant done, Long medewerkerId) {
    }
}
