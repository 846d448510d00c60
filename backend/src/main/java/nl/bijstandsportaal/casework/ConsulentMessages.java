package nl.bijstandsportaal.casework;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.AccountRepository;
import nl.bijstandsportaal.account.CitizenProfile;
import nl.bijstandsportaal.notifications.MessageArguments;
import nl.bijstandsportaal.notifications.Outbox;
import nl.bijstandsportaal.notifications.Topic;
import nl.bijstandsportaal.platform.audit.AuditLog;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.BERICHT;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;

/**
 * A plain message from a consulent to a citizen of their municipality: stored, put in the citizen's inbox with a
 * push message and e-mail (generic, in the same transaction), and audited. The consulent sees what they sent and
 * whether it was read.
 */
@Singleton
public class ConsulentMessages {

    public static final int MAX_LENGTH = 2000;

    private final AccountRepository accounts;
    private final Outbox outbox;
    private final MessageArguments arguments;
    private final AuditLog audit;
    private final DSLContext db;
    private final Clock clock;

    ConsulentMessages(AccountRepository accounts, Outbox outbox, MessageArguments arguments, AuditLog audit, DSLContext db, Clock clock) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.arguments = arguments;
        this.audit = audit;
        this.db = db;
        this.clock = clock;
    }

    /** A message sent, and when the citizen read it (null: not yet). */
    public record Sent(Instant sentAt, String medewerker, String text, Instant readAt) {
    }

    /** Sends the message; errors per field ({@code bericht}), and then nothing is stored. */
    public Map<String, Text> send(CurrentUser consulent, long burgerId, String typed) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return Map.of("bericht", Text.of("consulent.message.error.empty"));
        }
        if (text.length() > MAX_LENGTH) {
            return Map.of("bericht", Text.of("consulent.message.error.tooLong", MAX_LENGTH, text.length()));
        }
        Instant now = clock.instant();
        String publicId = UUID.randomUUID().toString();
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.insertInto(BERICHT).set(BERICHT.PUBLIC_ID, publicId).set(BERICHT.BURGER_ID, citizen.id())
                    .set(BERICHT.MEDEWERKER_ID, consulent.id()).set(BERICHT.TEKST, text)
                    .set(BERICHT.VERSTUURD_OP, LocalDateTime.ofInstant(now, ZoneOffset.UTC)).execute();
            outbox.write(t, new Outbox.Message(citizen.id(), Topic.BERICHTEN, "bericht/" + publicId, "notification.message.new",
                    arguments.of(List.of(text)), null), now);
            audit.record(t, consulent.id(), citizen.id(), "BERICHT_VERSTUURD", "Bericht aan burger verstuurd (" + text.length() + " tekens)");
        });
        return Map.of();
    }

    /** What was sent to this citizen, newest first. */
    public List<Sent> sent(CurrentUser consulent, long burgerId) {
        CitizenProfile citizen = accounts.citizenFor(consulent, burgerId);
        return db.select(BERICHT.VERSTUURD_OP, MEDEWERKER.NAAM, BERICHT.TEKST, MELDING.GELEZEN_OP)
                .from(BERICHT)
                .join(MEDEWERKER).on(MEDEWERKER.ID.eq(BERICHT.MEDEWERKER_ID))
                .leftJoin(MELDING).on(MELDING.BURGER_ID.eq(BERICHT.BURGER_ID)).and(MELDING.SLEUTEL.eq(DSL.concat(DSL.inline("bericht/"), BERICHT.PUBLIC_ID)))
                .where(BERICHT.BURGER_ID.eq(citizen.id()))
                .orderBy(BERICHT.VERSTUURD_OP.desc(), BERICHT.ID.desc())
                .limit(20)
                .fetch(r -> new Sent(r.value1().toInstant(ZoneOffset.UTC), r.value2(), r.value3(),
                        r.value4() == null ? null : r.value4().toInstant(ZoneOffset.UTC)));
    }

}
