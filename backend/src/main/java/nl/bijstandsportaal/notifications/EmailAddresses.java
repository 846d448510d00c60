package nl.bijstandsportaal.notifications;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.platform.i18n.Text;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.EMAIL_BEVESTIGING;

/**
 * The citizen's own e-mail address for notifications (ADR 0040). A given address waits in {@code email_bevestiging}
 * until its owner opens the one-time link sent to it while signed in; only then it becomes {@code burger.email}, the
 * one column the outbox reads for e-mail deliveries. The link holds a random token; the database keeps its SHA-256.
 */
@Singleton
public class EmailAddresses {

    /** The form field on the settings page. */
    public static final String FIELD = "email";
    /** Something, an @, something with a dot; no spaces. The mail server decides the rest. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int MAX_LENGTH = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the settings page shows: the confirmed address (or null) and the one waiting for confirmation (or null). */
    public record State(String confirmed, String waiting, Instant waitingUntil) {
    }

    /** What a confirmation link turned out to be. */
    public enum Link { CONFIRMED, EXPIRED, UNKNOWN }

    /** A waiting address as the confirmation page shows it. */
    public record Waiting(String address, boolean expired) {
    }

    private final DSLContext db;
    private final EmailSender sender;
    private final Messages messages;
    private final Clock clock;
    private final String baseUrl;
    private final Duration validFor;

    EmailAddresses(DSLContext db, EmailSender sender, Messages messages, Clock clock,
                   @Value("${portal.base-url}") String baseUrl,
                   @Value("${portal.email.confirm-valid-for:24h}") Duration validFor) {
        this.db = db;
        this.sender = sender;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.validFor = validFor;
    }

    /** The address as typed, trimmed, or the mistake naming the field. Pure. */
    public static Optional<Text> check(String typed) {
        String address = typed == null ? "" : typed.strip();
        if (address.isEmpty()) {
            return Optional.of(Text.of("notification.email.error.empty"));
        }
        if (address.length() > MAX_LENGTH || !ADDRESS.matcher(address).matches()) {
            return Optional.of(Text.of("notification.email.error.format"));
        }
        return Optional.empty();
    }

    public State state(long burgerId) {
        String confirmed = db.select(BURGER.EMAIL).from(BURGER).where(BURGER.ID.eq(burgerId)).fetchOne(BURGER.EMAIL);
        Record waiting = db.select(EMAIL_BEVESTIGING.ADRES, EMAIL_BEVESTIGING.VERLOOPT_OP).from(EMAIL_BEVESTIGING)
                .where(EMAIL_BEVESTIGING.BURGER_ID.eq(burgerId)).fetchOne();
        if (waiting == null || !waiting.get(EMAIL_BEVESTIGING.VERLOOPT_OP).toInstant(ZoneOffset.UTC).isAfter(clock.instant())) {
            return new State(confirmed, null, null);
        }
        return new State(confirmed, waiting.get(EMAIL_BEVESTIGING.ADRES), waiting.get(EMAIL_BEVESTIGING.VERLOOPT_OP).toInstant(ZoneOffset.UTC));
    }

    /**
     * Keeps {@code address} (checked) as waiting for this citizen, replacing one waiting before, and sends the link
     * to it in the citizen's language. Nothing else goes to the address until the link is used.
     */
    public void request(long burgerId, String address, Locale language) {
        String token = token();
        Instant now = clock.instant();
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        LocalDateTime until = LocalDateTime.ofInstant(now.plus(validFor), ZoneOffset.UTC);
        db.insertInto(EMAIL_BEVESTIGING, EMAIL_BEVESTIGING.BURGER_ID, EMAIL_BEVESTIGING.ADRES, EMAIL_BEVESTIGING.TOKEN_HASH,
                        EMAIL_BEVESTIGING.AANGEMAAKT_OP, EMAIL_BEVESTIGING.VERLOOPT_OP)
                .values(burgerId, address.strip(), hash(token), at, until)
                .onDuplicateKeyUpdate()
                .set(EMAIL_BEVESTIGING.ADRES, address.strip())
                .set(EMAIL_BEVESTIGING.TOKEN_HASH, hash(token))
                .set(EMAIL_BEVESTIGING.AANGEMAAKT_OP, at)
                .set(EMAIL_BEVESTIGING.VERLOOPT_OP, until)
                .execute();
        String link = baseUrl + "/meldingen/email/bevestigen?code=" + token;
        sender.send(new EmailSender.Email(address.strip(), UUID.randomUUID().toString(),
                messages.get(language, "notification.email.confirm.subject"),
                messages.get(language, "notification.email.confirm.body", link, validFor.toHours())));
    }

    /** The address a link is for, when the link is this citizen's (another citizen's link is as unknown as none). */
    public Optional<Waiting> waiting(long burgerId, String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return db.select(EMAIL_BEVESTIGING.ADRES, EMAIL_BEVESTIGING.VERLOOPT_OP).from(EMAIL_BEVESTIGING)
                .where(EMAIL_BEVESTIGING.TOKEN_HASH.eq(hash(token))).and(EMAIL_BEVESTIGING.BURGER_ID.eq(burgerId))
                .fetchOptional(r -> new Waiting(r.get(EMAIL_BEVESTIGING.ADRES),
                        !r.get(EMAIL_BEVESTIGING.VERLOOPT_OP).toInstant(ZoneOffset.UTC).isAfter(clock.instant())));
    }

    /** Uses a link once: the waiting address becomes the citizen's confirmed address. */
    public Link confirm(long burgerId, String token) {
        if (token == null || token.isBlank()) {
            return Link.UNKNOWN;
        }
        String hash = hash(token);
        return db.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Record row = tx.select(EMAIL_BEVESTIGING.ADRES, EMAIL_BEVESTIGING.VERLOOPT_OP).from(EMAIL_BEVESTIGING)
                    .where(EMAIL_BEVESTIGING.TOKEN_HASH.eq(hash)).and(EMAIL_BEVESTIGING.BURGER_ID.eq(burgerId))
                    .forUpdate().fetchOne();
            if (row == null) {
                return Link.UNKNOWN;
            }
            Instant now = clock.instant();
            if (!row.get(EMAIL_BEVESTIGING.VERLOOPT_OP).toInstant(ZoneOffset.UTC).isAfter(now)) {
                return Link.EXPIRED;
            }
            tx.update(BURGER).set(BURGER.EMAIL, row.get(EMAIL_BEVESTIGING.ADRES))
                    .set(BURGER.EMAIL_BEVESTIGD_OP, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                    .where(BURGER.ID.eq(burgerId)).execute();
            tx.deleteFrom(EMAIL_BEVESTIGING).where(EMAIL_BEVESTIGING.BURGER_ID.eq(burgerId)).execute();
            return Link.CONFIRMED;
        });
    }

    /** No e-mail any more: the confirmed address and any waiting one are removed. */
    public void remove(long burgerId) {
        db.transaction(cfg -> {
            cfg.dsl().update(BURGER).setNull(BURGER.EMAIL).setNull(BURGER.EMAIL_BEVESTIGD_OP).where(BURGER.ID.eq(burgerId)).execute();
            cfg.dsl().deleteFrom(EMAIL_BEVESTIGING).where(EMAIL_BEVESTIGING.BURGER_ID.eq(burgerId)).execute();
        });
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
