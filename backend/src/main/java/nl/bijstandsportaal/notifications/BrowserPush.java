package nl.bijstandsportaal.notifications;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.DeviceService;
import nl.bijstandsportaal.platform.db.generated.tables.records.DeviceRecord;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import static nl.bijstandsportaal.platform.db.generated.Tables.DEVICE;
import static nl.bijstandsportaal.platform.db.generated.Tables.PORTAL_SESSION;

/**
 * Reminders in the browser (ADR 0049): a browser's FCM registration token is a device of platform WEB, tied to the web
 * login it was made in (V29), as a phone's is tied to its app login. From there on it is a device like any other: the
 * outbox writes a push delivery for it, with the same preferences and quiet hours, and the same generic text.
 */
@Singleton
public class BrowserPush {

    /** An FCM registration token: letters, digits and {@code : _ - .}; FCM's are about 160 characters. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9:_.-]{20,512}");
    /** Stands where a phone has its app version. */
    static final String APP_VERSION = "web";

    private final DSLContext db;
    private final Clock clock;

    BrowserPush(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    static boolean validToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /**
     * Registers (or refreshes) this browser's token for the citizen and this web login. A token already known (the same
     * browser, an earlier login, perhaps of someone else on a shared computer) moves to this login; any other token this
     * login registered before (the browser got a new one) goes.
     */
    public void register(long burgerId, String webSession, String token) {
        if (!validToken(token)) {
            throw new IllegalArgumentException("not a registration token");
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS);
        db.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.deleteFrom(DEVICE).where(DEVICE.PORTAL_SESSION_ID.eq(webSession)).and(DEVICE.PUSH_TOKEN.ne(token)).execute();
            DeviceRecord device = tx.selectFrom(DEVICE).where(DEVICE.PUSH_TOKEN.eq(token)).forUpdate().fetchOne();
            if (device == null) {
                device = tx.newRecord(DEVICE);
                device.setPublicId(UUID.randomUUID().toString());
                device.setPushToken(token);
                device.setCreatedAt(now);
            }
            device.setBurgerId(burgerId);
            device.setPlatform(DeviceService.WEB);
            device.setAppVersion(APP_VERSION);
            device.setLastSeenAt(now);
            device.setVerlooptGemeldOp(null);
            device.setMobileSessionId(null);
            device.setPortalSessionId(webSession);
            device.store();
        });
    }

    /** Turns reminders off in this browser: its registration (by this login, or by the token it sends) goes. */
    public int remove(long burgerId, String webSession, String token) {
        var which = DEVICE.PORTAL_SESSION_ID.eq(webSession);
        if (validToken(token)) {
            which = which.or(DEVICE.PUSH_TOKEN.eq(token));
        }
        return db.deleteFrom(DEVICE).where(DEVICE.BURGER_ID.eq(burgerId)).and(DEVICE.PLATFORM.eq(DeviceService.WEB)).and(which).execute();
    }

    /** The browser's name ("Chrome · Android", from the login's user agent) when reminders are on for this login. */
    public Optional<String> thisBrowser(long burgerId, String webSession) {
        return db.select(PORTAL_SESSION.DEVICE).from(DEVICE).join(PORTAL_SESSION).on(PORTAL_SESSION.ID.eq(DEVICE.PORTAL_SESSION_ID))
                .where(DEVICE.BURGER_ID.eq(burgerId)).and(DEVICE.PORTAL_SESSION_ID.eq(webSession)).and(DEVICE.PLATFORM.eq(DeviceService.WEB))
                .limit(1).fetchOptional(PORTAL_SESSION.DEVICE);
    }
}
