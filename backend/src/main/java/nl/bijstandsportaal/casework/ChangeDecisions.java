package nl.bijstandsportaal.casework;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.AccountRepository;
import nl.bijstandsportaal.account.CitizenProfile;
import nl.bijstandsportaal.notifications.MessageArguments;
import nl.bijstandsportaal.notifications.Outbox;
import nl.bijstandsportaal.notifications.Topic;
import nl.bijstandsportaal.platform.audit.AuditLog;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.web.NotFoundException;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static nl.bijstandsportaal.platform.db.generated.Tables.WIJZIGING;

/**
 * The consulent moves a reported change on: being handled (IN_BEHANDELING) or handled (AFGEHANDELD). The citizen
 * gets a message in the same transaction, and the step is audited. Only for citizens of the consulent's municipality.
 */
@Singleton
public class ChangeDecisions {

    public static final List<String> STEPS = List.of("IN_BEHANDELING", "AFGEHANDELD");

    private final AccountRepository accounts;
    private final Outbox outbox;
    private final MessageArguments arguments;
    private final AuditLog audit;
    private final DSLContext db;
    private final Clock clock;

    ChangeDecisions(AccountRepository accounts, Outbox outbox, MessageArguments arguments, AuditLog audit, DSLContext db, Clock clock) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.arguments = arguments;
        this.audit = audit;
        this.db = db;
        this.clock = clock;
    }

    /** @return false when the step is not one of {@link #STEPS} (nothing changed); 404 for a change that is not there */
    public boolean setStatus(CurrentUser consulent, long burgerId, String changeId, String status) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        if (!STEPS.contains(status)) {
            return false;
        }
        Instant now = clock.instant();
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            var change = t.selectFrom(WIJZIGING).where(WIJZIGING.PUBLIC_ID.eq(changeId)).and(WIJZIGING.BURGER_ID.eq(citizen.id()))
                    .forUpdate().fetchOptional().orElseThrow(NotFoundException::new);
            if (status.equals(change.getStatus())) {
                return;
            }
            boolean handled = "AFGEHANDELD".equals(status);
            t.update(WIJZIGING).set(WIJZIGING.STATUS, status)
                    .set(WIJZIGING.GEWIJZIGD_OP, java.time.LocalDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                    .set(WIJZIGING.AFGEHANDELD_OP, handled ? java.time.LocalDateTime.ofInstant(now, java.time.ZoneOffset.UTC) : null)
                    .set(WIJZIGING.AFGEHANDELD_DOOR, handled ? consulent.id() : null)
                    .where(WIJZIGING.ID.eq(change.getId())).execute();
            outbox.write(t, new Outbox.Message(citizen.id(), Topic.STATUS, "wijziging/" + changeId + "/" + status.toLowerCase(java.util.Locale.ROOT),
                    "notification.change.status." + status, arguments.of(List.of(change.getKenmerk(), change.getIngediendOp().toLocalDate())),
                    "/wijziging/verstuurd/" + changeId), now);
            audit.record(t, consulent.id(), citizen.id(), "WIJZIGING_STATUS", "Wijziging " + change.getKenmerk() + ": " + status);
        });
        return true;
    }
}
