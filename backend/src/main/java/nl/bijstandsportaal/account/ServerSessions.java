package nl.bijstandsportaal.account;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.SessionGuard;
import nl.bijstandsportaal.platform.security.SessionSettings;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static nl.bijstandsportaal.platform.db.generated.Tables.DEVICE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MOBILE_SESSION;
import static nl.bijstandsportaal.platform.db.generated.Tables.PORTAL_SESSION;

/**
 * The server-side record of every session (ADR 0039). A web login gets a {@code portal_session} row whose id the cookie's
 * JWT carries; an app login has its {@code mobile_session} row. Each request checks its row and, for an employee, reads
 * the roles fresh; both are kept in memory for {@code portal.session.cache-seconds} (5), and forgotten at once on this
 * instance when a session ends here. Another instance sees the end within that time.
 */
@Singleton
public class ServerSessions implements SessionGuard {

    public static final String WEB = "WEB";
    public static final String APP = "APP";
    /** The reason a web session ends when its owner logs out in that browser (it also removes its push registration). */
    public static final String LOGOUT = "logout";

    private static final int CACHE_LIMIT = 100_000;
    private static final int LAST_SEEN_STEP_SECONDS = 60;

    private final DSLContext db;
    private final Clock clock;
    private final SessionSettings settings;
    private final Map<String, Cached<State>> states = new ConcurrentHashMap<>();
    private final Map<Long, Cached<Optional<List<String>>>> employeeRoles = new ConcurrentHashMap<>();

    ServerSessions(DSLContext db, Clock clock, SessionSettings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
    }

    /** What a record says: open or not, and whose. */
    record State(boolean open, boolean citizen, long owner) {
        static final State ENDED = new State(false, false, -1);
    }

    private record Cached<T>(T value, long loadedAt) {
    }

    /** A new web session for this login; its id goes into the cookie. */
    public String startWeb(Authentication authentication, String userAgent) {
        CurrentUser user = CurrentUser.require(authentication);
        String id = UUID.randomUUID().toString();
        LocalDateTime now = now();
        db.insertInto(PORTAL_SESSION)
                .set(PORTAL_SESSION.ID, id)
                .set(PORTAL_SESSION.KIND, WEB)
                .set(PORTAL_SESSION.BURGER_ID, user.isCitizen() ? user.id() : null)
                .set(PORTAL_SESSION.MEDEWERKER_ID, user.isEmployee() ? user.id() : null)
                .set(PORTAL_SESSION.DEVICE, UserAgents.summary(userAgent))
                .set(PORTAL_SESSION.CREATED_AT, now)
                .set(PORTAL_SESSION.LAST_SEEN_AT, now)
                .set(PORTAL_SESSION.ABSOLUTE_END_AT, now.plusSeconds(settings.getAbsoluteLifetimeSeconds()))
                .execute();
        if (user.isEmployee()) {
            employeeRoles.remove(user.id()); // a login reads the roles afresh
        }
        return id;
    }

    /** Ends one web session (logout, ended by its owner); a copy of its cookie no longer works. */
    public void endWeb(String sessionId, String reason) {
        db.update(PORTAL_SESSION).set(PORTAL_SESSION.ENDED_AT, now()).set(PORTAL_SESSION.ENDED_REASON, reason)
                .where(PORTAL_SESSION.ID.eq(sessionId)).and(PORTAL_SESSION.ENDED_AT.isNull()).execute();
        if (LOGOUT.equals(reason)) {
            forgetBrowser(sessionId);
        }
        states.remove(webKey(sessionId));
    }

    /**
     * A web login that is ended on purpose (logout, or by its owner on /sessies) takes the browser's push registration
     * along (V29, ADR 0049): no reminder goes to a browser in which nobody is signed in any more. A session that only
     * ran out (idle, absolute lifetime) keeps it: reminders come days later, when nobody is signed in anyway.
     */
    private void forgetBrowser(String sessionId) {
        db.deleteFrom(DEVICE).where(DEVICE.PORTAL_SESSION_ID.eq(sessionId)).execute();
    }

    /** Ends every web session of an employee (removed, or roles changed) and forgets their roles here. */
    public void endEmployee(long medewerkerId, String reason) {
        db.update(PORTAL_SESSION).set(PORTAL_SESSION.ENDED_AT, now()).set(PORTAL_SESSION.ENDED_REASON, reason)
                .where(PORTAL_SESSION.MEDEWERKER_ID.eq(medewerkerId)).and(PORTAL_SESSION.ENDED_AT.isNull()).execute();
        employeeRoles.remove(medewerkerId);
        states.clear();
    }

    /** The roles of an employee are read again on this instance's next request. */
    public void forgetEmployee(long medewerkerId) {
        employeeRoles.remove(medewerkerId);
    }

    /** An app session ended here (revoked, reused refresh token): its access tokens stop at once on this instance. */
    public void forgetApp(String publicId) {
        states.remove(appKey(publicId));
    }

    /** One open session of a citizen, as their list shows it; {@code lastSeen} in UTC. */
    public record Listed(String id, String kind, String device, LocalDateTime lastSeen) {
    }

    /** The citizen's open sessions: web (not idle beyond the timeout) and app, the most recently seen first. */
    public List<Listed> openOf(long burgerId) {
        LocalDateTime now = now();
        List<Listed> all = new java.util.ArrayList<>(db.select(PORTAL_SESSION.ID, PORTAL_SESSION.DEVICE, PORTAL_SESSION.LAST_SEEN_AT)
                .from(PORTAL_SESSION).where(PORTAL_SESSION.BURGER_ID.eq(burgerId)).and(PORTAL_SESSION.ENDED_AT.isNull())
                .and(PORTAL_SESSION.ABSOLUTE_END_AT.gt(now))
                .and(PORTAL_SESSION.LAST_SEEN_AT.gt(now.minusSeconds(settings.getIdleTimeoutSeconds() + LAST_SEEN_STEP_SECONDS)))
                .fetch(r -> new Listed(r.value1(), WEB, r.value2(), r.value3())));
        all.addAll(db.select(MOBILE_SESSION.PUBLIC_ID, MOBILE_SESSION.DEVICE_NAME, MOBILE_SESSION.LAST_USED_AT)
                .from(MOBILE_SESSION).where(MOBILE_SESSION.BURGER_ID.eq(burgerId)).and(MOBILE_SESSION.REVOKED_AT.isNull())
                .and(MOBILE_SESSION.EXPIRES_AT.gt(now)).and(MOBILE_SESSION.ABSOLUTE_EXPIRES_AT.gt(now))
                .fetch(r -> new Listed(r.value1(), APP, r.value2(), r.value3())));
        all.sort(java.util.Comparator.comparing(Listed::lastSeen).reversed().thenComparing(Listed::id));
        return all;
    }

    /** Ends one of the citizen's own web sessions; false when they have no such open one. */
    public boolean endWebOf(long burgerId, String sessionId, String reason) {
        int changed = db.update(PORTAL_SESSION).set(PORTAL_SESSION.ENDED_AT, now()).set(PORTAL_SESSION.ENDED_REASON, reason)
                .where(PORTAL_SESSION.ID.eq(sessionId)).and(PORTAL_SESSION.BURGER_ID.eq(burgerId))
                .and(PORTAL_SESSION.ENDED_AT.isNull()).execute();
        if (changed > 0) {
            forgetBrowser(sessionId);
        }
        states.remove(webKey(sessionId));
        return changed > 0;
    }

    /** Forget everything read (tests that change records behind the portal's back). */
    public void forgetAll() {
        states.clear();
        employeeRoles.clear();
    }

    @Override
    public Optional<Authentication> check(Authentication fromToken, boolean web) {
        CurrentUser user = CurrentUser.of(fromToken).orElse(null);
        Object sid = fromToken.getAttributes().get(ATTR_WEB_SESSION);
        Object msid = fromToken.getAttributes().get(ATTR_APP_SESSION);
        if (user == null) {
            return Optional.empty();
        }
        State state;
        if (web) {
            if (!(sid instanceof String id) || msid != null) {
                return Optional.empty();
            }
            state = cached(states, webKey(id), () -> readWeb(id));
        } else {
            if (!(msid instanceof String id) || sid != null) {
                return Optional.empty();
            }
            state = cached(states, appKey(id), () -> readApp(id));
        }
        if (!state.open() || state.citizen() != user.isCitizen() || state.owner() != user.id()) {
            return Optional.empty();
        }
        if (user.isCitizen()) {
            return Optional.of(fromToken);
        }
        Optional<List<String>> roles = cached(employeeRoles, user.id(), () -> readRoles(user.id()));
        if (roles.isEmpty()) {
            endEmployee(user.id(), "employee_removed");
            return Optional.empty();
        }
        return Optional.of(Authentication.build(fromToken.getName(), roles.get(), fromToken.getAttributes()));
    }

    private State readWeb(String id) {
        var row = db.select(PORTAL_SESSION.BURGER_ID, PORTAL_SESSION.MEDEWERKER_ID, PORTAL_SESSION.ABSOLUTE_END_AT,
                        PORTAL_SESSION.ENDED_AT, PORTAL_SESSION.LAST_SEEN_AT)
                .from(PORTAL_SESSION).where(PORTAL_SESSION.ID.eq(id)).fetchOne();
        if (row == null || row.value4() != null) {
            return State.ENDED;
        }
        LocalDateTime now = now();
        if (!row.value3().isAfter(now)) {
            endWeb(id, "absolute_lifetime");
            return State.ENDED;
        }
        if (row.value5().plusSeconds(LAST_SEEN_STEP_SECONDS).isBefore(now)) {
            db.update(PORTAL_SESSION).set(PORTAL_SESSION.LAST_SEEN_AT, now).where(PORTAL_SESSION.ID.eq(id)).execute();
        }
        boolean citizen = row.value1() != null;
        return new State(true, citizen, citizen ? row.value1() : row.value2());
    }

    private State readApp(String publicId) {
        var row = db.select(MOBILE_SESSION.BURGER_ID, MOBILE_SESSION.REVOKED_AT, MOBILE_SESSION.ABSOLUTE_EXPIRES_AT)
                .from(MOBILE_SESSION).where(MOBILE_SESSION.PUBLIC_ID.eq(publicId)).fetchOne();
        if (row == null || row.value2() != null || !row.value3().isAfter(now())) {
            return State.ENDED;
        }
        return new State(true, true, row.value1());
    }

    private Optional<List<String>> readRoles(long medewerkerId) {
        return db.select(MEDEWERKER.ROLLEN).from(MEDEWERKER).where(MEDEWERKER.ID.eq(medewerkerId)).and(MEDEWERKER.ACTIEF.isTrue())
                .fetchOptional(MEDEWERKER.ROLLEN).map(EmployeeChangeForm::roles);
    }

    private <K, T> T cached(Map<K, Cached<T>> cache, K key, Supplier<T> load) {
        long nanos = System.nanoTime();
        Cached<T> hit = cache.get(key);
        if (hit != null && nanos - hit.loadedAt() < settings.getCacheSeconds() * 1_000_000_000L) {
            return hit.value();
        }
        T value = load.get();
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, new Cached<>(value, nanos));
        return value;
    }

    private static String webKey(String id) {
        return "W" + id;
    }

    private static String appKey(String id) {
        return "A" + id;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
