package nl.bijstandsportaal.notifications;

import nl.bijstandsportaal.platform.time.Today;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.db.OneRoundTrip;
import nl.bijstandsportaal.platform.db.generated.tables.records.MeldingRecord;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.platform.web.NotFoundException;
import org.jooq.DSLContext;
import org.jooq.Query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import nl.bijstandsportaal.platform.web.ApiPaging;
import java.util.Locale;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.BEZORGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDINGSVOORKEUR;

/**
 * The citizen's inbox (berichten) and their notification preferences, for the pages and the app alike. Every query
 * is scoped to the citizen asking: another citizen's message gives the same 404 as one that does not exist.
 */
@Singleton
public class InboxService {

    /** The most messages a list shows (newest first). */
    public static final int LIMIT = 100;

    /**
     * A message as its reader sees it. {@code text}: rendered in the reader's language; {@code link}: the portal page it
     * is about, or null; {@code receivedOn}: the day it came, in Dutch time.
     */
    public record Item(String publicId, Topic topic, String text, String link, Instant createdAt, LocalDate receivedOn,
                       boolean read) {
    }

    private final DSLContext db;
    private final Messages messages;
    private final MessageArguments arguments;
    private final Clock clock;

    InboxService(DSLContext db, Messages messages, MessageArguments arguments, Clock clock) {
        this.db = db;
        this.messages = messages;
        this.arguments = arguments;
        this.clock = clock;
    }

    /** How a message went out on one channel (PUSH, EMAIL): WACHT, VERSTUURD, OVERGESLAGEN or OPGEGEVEN, and when sent. */
    public record Delivery(String channel, String status, Instant sentAt) {
    }

    /** A message in the citizen's inbox with how it went out, for the consulent's timeline of the file. */
    public record Sent(Item item, List<Delivery> deliveries) {
    }

    /** The citizen's messages, newest first (at most {@link #LIMIT}), each with its deliveries. */
    public List<Sent> sentTo(long burgerId, Locale locale) {
        List<Item> items = list(burgerId, locale);
        Map<String, List<Delivery>> byMessage = new java.util.HashMap<>();
        db.select(MELDING.PUBLIC_ID, BEZORGING.KANAAL, BEZORGING.STATUS, BEZORGING.VERSTUURD_OP)
                .from(BEZORGING).join(MELDING).on(MELDING.ID.eq(BEZORGING.MELDING_ID))
                .where(MELDING.BURGER_ID.eq(burgerId)).orderBy(BEZORGING.ID)
                .forEach(r -> byMessage.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>()).add(new Delivery(r.value2(), r.value3(),
                        r.value4() == null ? null : r.value4().toInstant(java.time.ZoneOffset.UTC))));
        return items.stream().map(i -> new Sent(i, byMessage.getOrDefault(i.publicId(), List.of()))).toList();
    }

    /** The newest messages first, at most {@link #LIMIT}. */
    public List<Item> list(long burgerId, Locale locale) {
        return db.selectFrom(MELDING).where(MELDING.BURGER_ID.eq(burgerId))
                .orderBy(MELDING.AANGEMAAKT_OP.desc(), MELDING.ID.desc())
                .limit(LIMIT)
                .fetch(r -> item(r, locale));
    }

    /**
     * One page of the app's inbox (ADR 0053): newest first, after the cursor, and with {@code changedSince} only the
     * messages made or read from then on.
     */
    public ApiPaging.Slice<Item> page(long burgerId, Locale locale, ApiPaging.Page page) {
        org.jooq.Condition where = MELDING.BURGER_ID.eq(burgerId);
        if (page.after() != null) {
            where = where.and(org.jooq.impl.DSL.row(MELDING.AANGEMAAKT_OP, MELDING.ID).lt(page.after().at(), page.after().id()));
        }
        if (page.changedSince() != null) {
            where = where.and(MELDING.AANGEMAAKT_OP.ge(page.changedSince()).or(MELDING.GELEZEN_OP.ge(page.changedSince())));
        }
        List<MeldingRecord> rows = db.selectFrom(MELDING).where(where)
                .orderBy(MELDING.AANGEMAAKT_OP.desc(), MELDING.ID.desc())
                .limit(page.size() + 1)
                .fetch();
        ApiPaging.Slice<MeldingRecord> slice = ApiPaging.Slice.of(rows, page.size(), r -> new ApiPaging.Cursor(r.getAangemaaktOp(), r.getId()));
        return new ApiPaging.Slice<>(slice.items().stream().map(r -> item(r, locale)).toList(), slice.next());
    }

    public int unread(long burgerId) {
        return db.fetchCount(MELDING, MELDING.BURGER_ID.eq(burgerId).and(MELDING.GELEZEN_OP.isNull()));
    }

    /** One message as it is (reading it changes nothing); another citizen's is not found. */
    public Item find(long burgerId, String publicId, Locale locale) {
        return item(record(burgerId, publicId), locale);
    }

    private MeldingRecord record(long burgerId, String publicId) {
        return db.selectFrom(MELDING).where(MELDING.PUBLIC_ID.eq(publicId)).and(MELDING.BURGER_ID.eq(burgerId))
                .fetchOptional().orElseThrow(NotFoundException::new);
    }

    /** One message, which counts as read from now on. */
    public Item open(long burgerId, String publicId, Locale locale) {
        MeldingRecord record = record(burgerId, publicId);
        if (record.getGelezenOp() == null) {
            markRead(burgerId, publicId);
            record.setGelezenOp(now());
        }
        return item(record, locale);
    }

    /** Marks a message read; again changes nothing. */
    public void markRead(long burgerId, String publicId) {
        int marked = db.update(MELDING).set(MELDING.GELEZEN_OP, now())
                .where(MELDING.PUBLIC_ID.eq(publicId)).and(MELDING.BURGER_ID.eq(burgerId)).and(MELDING.GELEZEN_OP.isNull())
                .execute();
        if (marked == 0 && !db.fetchExists(MELDING, MELDING.PUBLIC_ID.eq(publicId).and(MELDING.BURGER_ID.eq(burgerId)))) {
            throw new NotFoundException();
        }
    }

    /** Marks the citizen's messages with these keys read (a conversation the citizen opened); again changes nothing. */
    public void markReadByKeys(long burgerId, java.util.Collection<String> keys) {
        if (!keys.isEmpty()) {
            db.update(MELDING).set(MELDING.GELEZEN_OP, now())
                    .where(MELDING.BURGER_ID.eq(burgerId)).and(MELDING.SLEUTEL.in(keys)).and(MELDING.GELEZEN_OP.isNull()).execute();
        }
    }

    /** Every topic with push and e-mail (a topic and channel without a row is on), and the quiet hours. */
    public NotificationPreferences preferences(long burgerId) {
        Map<Topic, boolean[]> on = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            on.put(topic, new boolean[]{true, true});
        }
        db.select(MELDINGSVOORKEUR.ONDERWERP, MELDINGSVOORKEUR.KANAAL, MELDINGSVOORKEUR.AAN).from(MELDINGSVOORKEUR)
                .where(MELDINGSVOORKEUR.BURGER_ID.eq(burgerId))
                .forEach(r -> {
                    boolean[] channels = known(r.value1()) ? on.get(Topic.valueOf(r.value1())) : null;
                    if (channels != null && (Channel.PUSH.name().equals(r.value2()) || Channel.EMAIL.name().equals(r.value2()))) {
                        channels[Channel.valueOf(r.value2()).ordinal()] = r.value3();
                    }
                });
        var hours = db.select(BURGER.STILLE_UREN_VAN, BURGER.STILLE_UREN_TOT).from(BURGER).where(BURGER.ID.eq(burgerId))
                .fetchOptional().orElseThrow(NotFoundException::new);
        List<NotificationPreferences.Choice> choices = new ArrayList<>();
        on.forEach((topic, channels) -> choices.add(new NotificationPreferences.Choice(topic,
                channels[Channel.PUSH.ordinal()], channels[Channel.EMAIL.ordinal()])));
        return new NotificationPreferences(choices, new QuietHours(hours.value1(), hours.value2()));
    }

    /**
     * Saves the choices given (topics left out keep theirs) and, when not null, the quiet hours: in one transaction
     * and one round trip. Each choice is an upsert of its own with its value (MariaDB has no row alias for
     * {@code ON DUPLICATE KEY UPDATE}), so two saves at the same moment cannot clash on a new row.
     */
    public void save(long burgerId, List<NotificationPreferences.Choice> choices, QuietHours quietHours) {
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            List<Query> upserts = new ArrayList<>();
            if (quietHours != null) {
                upserts.add(tx.update(BURGER).set(BURGER.STILLE_UREN_VAN, quietHours.from()).set(BURGER.STILLE_UREN_TOT, quietHours.until())
                        .where(BURGER.ID.eq(burgerId)));
            }
            for (NotificationPreferences.Choice choice : choices) {
                for (Channel channel : Channel.values()) {
                    upserts.add(tx.insertInto(MELDINGSVOORKEUR)
                            .set(MELDINGSVOORKEUR.BURGER_ID, burgerId)
                            .set(MELDINGSVOORKEUR.ONDERWERP, choice.topic().name())
                            .set(MELDINGSVOORKEUR.KANAAL, channel.name())
                            .set(MELDINGSVOORKEUR.AAN, choice.on(channel))
                            .onDuplicateKeyUpdate()
                            .set(MELDINGSVOORKEUR.AAN, choice.on(channel)));
                }
            }
            OneRoundTrip.execute(tx, upserts);
        });
    }

    private Item item(MeldingRecord r, Locale locale) {
        Instant created = r.getAangemaaktOp().toInstant(ZoneOffset.UTC);
        Topic topic = known(r.getOnderwerp()) ? Topic.valueOf(r.getOnderwerp()) : Topic.BERICHTEN;
        String text = messages.getFormatted(locale, r.getTekst(), arguments.read(r.getArgumenten()));
        return new Item(r.getPublicId(), topic, text, portalPath(r.getLink()), created,
                created.atZone(Today.DUTCH_TIME).toLocalDate(), r.getGelezenOp() != null);
    }

    /** Only a path in the portal is shown as a link ("/inkomsten"), never another site or a script. */
    private static String portalPath(String link) {
        return link != null && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\") ? link : null;
    }

    private static boolean known(String topic) {
        for (Topic t : Topic.values()) {
            if (t.name().equals(topic)) {
                return true;
            }
        }
        return false;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
