package nl.bijstandsportaal.notifications;

import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static nl.bijstandsportaal.platform.db.generated.Tables.BEZORGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DEVICE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;

/**
 * Writes a message for a citizen, with its deliveries, in the caller's transaction: the same transaction as the
 * change that caused it, so either both are stored or neither (design.md, "How data flows"). Once per citizen and
 * event: a second write with the same key changes nothing, so a cause that runs again, or a scheduler that runs
 * after downtime, makes no second message. Push goes to every device the citizen has registered, e-mail to their
 * address when they gave one; preferences and quiet hours are applied when the delivery is sent, so a change in
 * between counts.
 */
@Singleton
public class Outbox {

    /**
     * What to write. {@code key}: the event, unique per citizen (e.g. "inkomsten/2026-11/herinnering"). {@code latest}:
     * after this moment a push or e-mail of it is of no use (an appointment's start); null for most messages.
     */
    public record Message(long burgerId, Topic topic, String key, String text, String argumentsJson, String link, Instant latest) {

        public Message(long burgerId, Topic topic, String key, String text, String argumentsJson, String link) {
            this(burgerId, topic, key, text, argumentsJson, link, null);
        }
    }

    /** @return the new message's id; empty when this citizen already has a message for this event */
    public Optional<Long> write(DSLContext tx, Message message, Instant now) {
        int written = writeEach(tx, tx.select(DSL.val(message.burgerId()).as("burger_id")), message.topic(), message.key(), message.text(),
                message.argumentsJson(), message.link(), message.latest(), now);
        if (written == 0) {
            return Optional.empty();
        }
        return Optional.of(tx.select(MELDING.ID).from(MELDING)
                .where(MELDING.BURGER_ID.eq(message.burgerId())).and(MELDING.SLEUTEL.eq(message.key()))
                .fetchSingle(MELDING.ID));
    }

    /**
     * The same message for many citizens at once (a reminder): one INSERT ... SELECT for the messages and one for their
     * deliveries, in the caller's transaction. Citizens who already have a message for this event are left alone, and
     * get no new deliveries: only messages written at {@code now} by this call get them.
     *
     * @param citizens the ids of the citizens (a select of one column); evaluated twice, so keep it stable in the transaction
     * @return how many new messages were written
     */
    public int writeEach(DSLContext tx, Select<? extends Record1<Long>> citizens, Topic topic, String key, String text,
                         String argumentsJson, String link, Instant now) {
        return writeEach(tx, citizens, topic, key, text, argumentsJson, link, null, now);
    }

    private int writeEach(DSLContext tx, Select<? extends Record1<Long>> citizens, Topic topic, String key, String text,
                          String argumentsJson, String link, Instant latest, Instant now) {
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        Table<?> chosen = citizens.asTable("gekozen");
        Field<Long> burger = chosen.field(0, Long.class);
        int written = tx.insertInto(MELDING, MELDING.PUBLIC_ID, MELDING.BURGER_ID, MELDING.ONDERWERP, MELDING.SLEUTEL,
                        MELDING.TEKST, MELDING.ARGUMENTEN, MELDING.LINK, MELDING.AANGEMAAKT_OP, MELDING.UITERLIJK_OP)
                .select(tx.select(DSL.uuid().cast(String.class), burger, DSL.val(topic.name()), DSL.val(key),
                        DSL.val(text), DSL.val(argumentsJson, String.class), DSL.val(link, String.class), DSL.val(at),
                        DSL.val(latest == null ? null : LocalDateTime.ofInstant(latest, ZoneOffset.UTC), LocalDateTime.class)).from(chosen)
                        // Who has it already is left out before inserting: a run that comes again only reads.
                        .whereNotExists(DSL.selectOne().from(MELDING).where(MELDING.BURGER_ID.eq(burger)).and(MELDING.SLEUTEL.eq(key))))
                .onDuplicateKeyIgnore()
                .execute();
        if (written == 0) {
            return 0;
        }
        Condition ours = MELDING.SLEUTEL.eq(key).and(MELDING.AANGEMAAKT_OP.eq(at)).and(MELDING.BURGER_ID.in(citizens));
        tx.insertInto(BEZORGING, BEZORGING.MELDING_ID, BEZORGING.KANAAL, BEZORGING.DEVICE_ID, BEZORGING.STATUS, BEZORGING.NIET_VOOR)
                .select(tx.select(MELDING.ID, DSL.val(Channel.PUSH.name()), DEVICE.ID, DSL.val(Delivery.WAITING), DSL.val(at))
                        .from(MELDING).join(DEVICE).on(DEVICE.BURGER_ID.eq(MELDING.BURGER_ID)).where(ours)
                        .unionAll(tx.select(MELDING.ID, DSL.val(Channel.EMAIL.name()), DSL.val(0L), DSL.val(Delivery.WAITING), DSL.val(at))
                                .from(MELDING).join(BURGER).on(BURGER.ID.eq(MELDING.BURGER_ID)).where(ours).and(BURGER.EMAIL.isNotNull())))
                .onDuplicateKeyIgnore()
                .execute();
        return written;
    }

    /** The states of a delivery (column bezorging.status). */
    public static final class Delivery {
        public static final String WAITING = "WACHT";
        public static final String SENT = "VERSTUURD";
        public static final String SKIPPED = "OVERGESLAGEN";
        public static final String GAVE_UP = "OPGEGEVEN";

        private Delivery() {
        }
    }
}
