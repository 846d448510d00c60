package nl.bijstandsportaal.platform.security;

import io.micronaut.security.authentication.Authentication;

import java.util.Optional;

/**
 * Checks a token's session against its server-side record on every request (ADR 0039): a web token only on the pages,
 * an app token only on the API, the record not ended, and an employee's roles read fresh. Empty: the token counts for
 * nothing (the request is anonymous).
 */
public interface SessionGuard {

    /** The attribute of a web session token: the id of its {@code portal_session} row. */
    String ATTR_WEB_SESSION = "sid";
    /** The attribute of an app access token: the public id of its {@code mobile_session} row. */
    String ATTR_APP_SESSION = "msid";

    /** @param web whether the request is for a page (where only a web session counts) or for the API (only an app one) */
    Optional<Authentication> check(Authentication fromToken, boolean web);
}
