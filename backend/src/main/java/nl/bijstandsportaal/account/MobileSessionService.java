package nl.bijstandsportaal.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.api.v1.TokenResponse;
import nl.bijstandsportaal.platform.db.generated.tables.records.AuthorizationCodeRecord;
import nl.bijstandsportaal.platform.db.generated.tables.records.MobileSessionRecord;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.SessionGuard;
import nl.bijstandsportaal.platform.web.ProblemException;
import org.jooq.DSLContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.AUTHORIZATION_CODE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MOBILE_REFRESH_TOKEN_USED;
import static nl.bijstandsportaal.platform.db.generated.Tables.DEVICE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MOBILE_SESSION;

/**
 * The mobile app's login (docs/mobile-login.md): single-use authorization codes bound to a PKCE challenge,
 * short-lived access tokens (JWT) and one rotating refresh token per phone, stored only as a SHA-256 hash.
 * Presenting a refresh token that was already rotated away means it was copied: that phone's session ends.
 */
@Singleton
public class MobileSessionService {

    private final DSLContext db;
    private final TokenGenerator tokens;
    private final LoginService logins;
    private final Clock clock;
    private final int accessTokenSeconds;
    private final int refreshIdleDays;
    private final int codeSeconds;
    private final int refreshMaxDays;
    private final ServerSessions serverSessions;
    private final SecureRandom random = new SecureRandom();

    MobileSessionService(DSLContext db, TokenGenerator tokens, LoginService logins, Clock clock,
                         @Value("${portal.mobile.access-token-seconds:600}") int accessTokenSeconds,
                         @Value("${portal.mobile.refresh-token-idle-days:90}") int refreshIdleDays,
                         @Value("${portal.mobile.authorization-code-seconds:120}") int codeSeconds,
                         @Value("${portal.mobile.refresh-token-max-days:90}") int refreshMaxDays,
                         ServerSessions serverSessions) {
        this.refreshMaxDays = refreshMaxDays;
        this.serverSessions = serverSessions;
        this.db = db;
        this.tokens = tokens;
        this.logins = logins;
        this.clock = clock;
        this.accessTokenSeconds = accessTokenSeconds;
        this.refreshIdleDays = refreshIdleDays;
        this.codeSeconds = codeSeconds;
    }

    /** A new code for a signed-in citizen; the app exchanges it once, with the verifier of this challenge. */
    public String issueCode(long burgerId, String clientId, String redirectUri, String codeChallenge) {
        String code = randomToken();
        db.insertInto(AUTHORIZATION_CODE)
                .set(AUTHORIZATION_CODE.CODE_HASH, sha256(code))
                .set(AUTHORIZATION_CODE.BURGER_ID, burgerId)
                .set(AUTHORIZATION_CODE.CLIENT_ID, clientId)
                .set(AUTHORIZATION_CODE.REDIRECT_URI, redirectUri)
                .set(AUTHORIZATION_CODE.CODE_CHALLENGE, codeChallenge)
                .set(AUTHORIZATION_CODE.EXPIRES_AT, now().plusSeconds(codeSeconds))
                .execute();
        return code;
    }

    public TokenResponse exchangeCode(String clientId, String code, String codeVerifier, String redirectUri, String deviceName) {
        if (code == null || codeVerifier == null || redirectUri == null || clientId == null) {
            throw invalid("invalid_request", ProblemTypes.BAD_REQUEST);
        }
        // A code is spent by its first use, right or wrong; the failure is raised after that is committed.
        TokenResponse issued = db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            AuthorizationCodeRecord stored = t.selectFrom(AUTHORIZATION_CODE)
                    .where(AUTHORIZATION_CODE.CODE_HASH.eq(sha256(code))).forUpdate().fetchOne();
            LocalDateTime now = now();
            if (stored == null || stored.getUsedAt() != null) {
                return null;
            }
            stored.setUsedAt(now);
            stored.store();
            if (stored.getExpiresAt().isBefore(now) || !stored.getClientId().equals(clientId)
                    || !stored.getRedirectUri().equals(redirectUri) || !stored.getCodeChallenge().equals(s256(codeVerifier))) {
                return null;
            }
            String refreshToken = randomToken();
            MobileSessionRecord session = t.newRecord(MOBILE_SESSION);
            session.setPublicId(UUID.randomUUID().toString());
            session.setBurgerId(stored.getBurgerId());
            session.setDeviceName(deviceName == null || deviceName.isBlank() ? "app" : truncate(deviceName, 100));
            session.setRefreshTokenHash(sha256(refreshToken));
            session.setCreatedAt(now);
            session.setLastUsedAt(now);
            session.setAbsoluteExpiresAt(now.plusDays(refreshMaxDays));
            session.setExpiresAt(idleEnd(now, session));
            session.store();
            return tokenResponse(session, refreshToken);
        });
        if (issued == null) {
            throw invalid("invalid_grant", ProblemTypes.INVALID_GRANT);
        }
        return issued;
    }

    public TokenResponse refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw invalid("invalid_request", ProblemTypes.BAD_REQUEST);
        }
        String hash = sha256(refreshToken);
        java.util.List<String> ended = new java.util.ArrayList<>();
        // A replayed token revokes its session; that revocation must commit before the refusal is raised.
        TokenResponse issued = db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            LocalDateTime now = now();
            MobileSessionRecord session = t.selectFrom(MOBILE_SESSION)
                    .where(MOBILE_SESSION.REFRESH_TOKEN_HASH.eq(hash)).forUpdate().fetchOne();
            if (session == null) {
                // A token rotated away, however long ago (any depth): the whole family ends (ADR 0039).
                Long family = t.select(MOBILE_REFRESH_TOKEN_USED.MOBILE_SESSION_ID).from(MOBILE_REFRESH_TOKEN_USED)
                        .where(MOBILE_REFRESH_TOKEN_USED.TOKEN_HASH.eq(hash)).fetchOne(MOBILE_REFRESH_TOKEN_USED.MOBILE_SESSION_ID);
                if (family != null) {
                    t.update(MOBILE_SESSION)
                            .set(MOBILE_SESSION.REVOKED_AT, now)
                            .set(MOBILE_SESSION.REVOKED_REASON, "refresh_token_reused")
                            .where(MOBILE_SESSION.ID.eq(family)).and(MOBILE_SESSION.REVOKED_AT.isNull())
                            .execute();
                    forgetPhones(t, MOBILE_SESSION.ID.eq(family));
                    ended.add(t.select(MOBILE_SESSION.PUBLIC_ID).from(MOBILE_SESSION).where(MOBILE_SESSION.ID.eq(family))
                            .fetchOne(MOBILE_SESSION.PUBLIC_ID));
                }
                return null;
            }
            if (session.getRevokedAt() != null || session.getExpiresAt().isBefore(now) || !session.getAbsoluteExpiresAt().isAfter(now)) {
                return null;
            }
            t.insertInto(MOBILE_REFRESH_TOKEN_USED)
                    .set(MOBILE_REFRESH_TOKEN_USED.TOKEN_HASH, hash)
                    .set(MOBILE_REFRESH_TOKEN_USED.MOBILE_SESSION_ID, session.getId())
                    .set(MOBILE_REFRESH_TOKEN_USED.USED_AT, now)
                    .execute();
            String next = randomToken();
            session.setPreviousTokenHash(hash);
            session.setRefreshTokenHash(sha256(next));
            session.setLastUsedAt(now);
            session.setExpiresAt(idleEnd(now, session));
            session.store();
            return tokenResponse(session, next);
        });
        ended.forEach(serverSessions::forgetApp);
        if (issued == null) {
            throw invalid("invalid_grant", ProblemTypes.INVALID_GRANT);
        }
        return issued;
    }

    /** RFC 7009: unknown tokens are not an error. The session's access tokens stop working too. */
    public void revoke(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return;
        }
        db.select(MOBILE_SESSION.PUBLIC_ID).from(MOBILE_SESSION)
                .where(MOBILE_SESSION.REFRESH_TOKEN_HASH.eq(sha256(refreshToken)))
                .fetchOptional(MOBILE_SESSION.PUBLIC_ID)
                .ifPresent(publicId -> end(publicId, null, "revoked_by_app"));
    }

    /** Ends an app session; with {@code burgerId} only one of that citizen's. False when there is no such open session. */
    public boolean end(String publicId, Long burgerId, String reason) {
        var update = db.update(MOBILE_SESSION)
                .set(MOBILE_SESSION.REVOKED_AT, now())
                .set(MOBILE_SESSION.REVOKED_REASON, reason)
                .where(MOBILE_SESSION.PUBLIC_ID.eq(publicId)).and(MOBILE_SESSION.REVOKED_AT.isNull());
        int changed = burgerId == null ? update.execute() : update.and(MOBILE_SESSION.BURGER_ID.eq(burgerId)).execute();
        if (changed > 0) {
            forgetPhones(db, MOBILE_SESSION.PUBLIC_ID.eq(publicId));
        }
        serverSessions.forgetApp(publicId);
        return changed > 0;
    }

    /** An app login that ends takes its push registrations along: no push to a phone no longer signed in (V28). */
    private static void forgetPhones(DSLContext t, org.jooq.Condition session) {
        t.deleteFrom(DEVICE).where(DEVICE.MOBILE_SESSION_ID.in(t.select(MOBILE_SESSION.ID).from(MOBILE_SESSION).where(session))).execute();
    }

    private LocalDateTime idleEnd(LocalDateTime now, MobileSessionRecord session) {
        LocalDateTime idle = now.plusDays(refreshIdleDays);
        return idle.isBefore(session.getAbsoluteExpiresAt()) ? idle : session.getAbsoluteExpiresAt();
    }

    private TokenResponse tokenResponse(MobileSessionRecord session, String refreshToken) {
        Authentication authentication = logins.citizenById(session.getBurgerId())
                .map(a -> CurrentUser.with(a, SessionGuard.ATTR_APP_SESSION, session.getPublicId()))
                .orElseThrow(() -> invalid("invalid_grant", ProblemTypes.INVALID_GRANT));
        String accessToken = tokens.generateToken(authentication, accessTokenSeconds)
                .orElseThrow(() -> new IllegalStateException("no access token generated"));
        return new TokenResponse(accessToken, "Bearer", accessTokenSeconds, refreshToken, session.getPublicId());
    }

    private static ProblemException invalid(String oauthError, String type) {
        return new ProblemException(HttpStatus.BAD_REQUEST, type, null, oauthError, null);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
