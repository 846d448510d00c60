package nl.bijstandsportaal.platform.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking, as carried in the session token: a citizen (burger) or an employee (medewerker) of one
 * municipality. The token never holds a BSN; the subject is an internal id.
 */
public record CurrentUser(Kind kind, long id, long gemeenteId, String displayName, Set<String> roles) {

    public enum Kind { CITIZEN, EMPLOYEE }

    static final String ATTR_KIND = "kind";
    static final String ATTR_ID = "uid";
    static final String ATTR_GEMEENTE = "gemeente";
    static final String ATTR_NAME = "naam";
    /** The attributes this record is built from; everything else in a token (iat, exp, ...) is not carried over on renewal. */
    static final List<String> ATTRIBUTES = List.of(ATTR_KIND, ATTR_ID, ATTR_GEMEENTE, ATTR_NAME,
            SessionGuard.ATTR_WEB_SESSION, SessionGuard.ATTR_APP_SESSION);

    public static Authentication authentication(Kind kind, long id, long gemeenteId, String displayName, Collection<String> roles) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(ATTR_KIND, kind.name());
        attributes.put(ATTR_ID, id);
        attributes.put(ATTR_GEMEENTE, gemeenteId);
        attributes.put(ATTR_NAME, displayName);
        String subject = (kind == Kind.CITIZEN ? "burger:" : "medewerker:") + id;
        return Authentication.build(subject, roles, attributes);
    }

    public static Optional<CurrentUser> of(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).flatMap(CurrentUser::of);
    }

    public static Optional<CurrentUser> of(Authentication authentication) {
        Map<String, Object> a = authentication.getAttributes();
        if (!(a.get(ATTR_KIND) instanceof String kind) || !(a.get(ATTR_ID) instanceof Number id)
                || !(a.get(ATTR_GEMEENTE) instanceof Number gemeente)) {
            return Optional.empty();
        }
        return Optional.of(new CurrentUser(Kind.valueOf(kind), id.longValue(), gemeente.longValue(),
                String.valueOf(a.getOrDefault(ATTR_NAME, "")), Set.copyOf(authentication.getRoles())));
    }

    /** The user of an authenticated request; a token without our attributes is refused. */
    public static CurrentUser require(Authentication authentication) {
        return of(authentication).orElseThrow(() -> new io.micronaut.security.authentication.AuthorizationException(authentication));
    }

    /** The citizen who makes this API call; anyone else gets the same 404 as something that does not exist. */
    public static CurrentUser requireCitizen(java.util.Optional<Authentication> authentication) {
        return authentication.map(CurrentUser::require).filter(CurrentUser::isCitizen)
                .orElseThrow(nl.bijstandsportaal.platform.web.NotFoundException::new);
    }

    /** The same authentication with one more attribute (a session id). */
    public static Authentication with(Authentication authentication, String key, Object value) {
        Map<String, Object> attributes = new HashMap<>(authentication.getAttributes());
        attributes.put(key, value);
        return Authentication.build(authentication.getName(), authentication.getRoles(), attributes);
    }

    /** The web session id this authentication carries, if any. */
    public static Optional<String> webSession(Authentication authentication) {
        return authentication.getAttributes().get(SessionGuard.ATTR_WEB_SESSION) instanceof String sid ? Optional.of(sid) : Optional.empty();
    }

    /** The app session id (mobile_session.public_id) this authentication carries, if any. */
    public static Optional<String> appSession(Authentication authentication) {
        return authentication.getAttributes().get(SessionGuard.ATTR_APP_SESSION) instanceof String msid ? Optional.of(msid) : Optional.empty();
    }

    public boolean isCitizen() {
        return kind == Kind.CITIZEN;
    }

    public boolean isEmployee() {
        return kind == Kind.EMPLOYEE;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** A fresh authentication with the same person and roles, without the old token's timestamps. */
    public static Authentication renewed(Authentication authentication) {
        Map<String, Object> kept = new HashMap<>();
        for (String key : ATTRIBUTES) {
            Object value = authentication.getAttributes().get(key);
            if (value != null) {
                kept.put(key, value);
            }
        }
        return Authentication.build(authentication.getName(), authentication.getRoles(), kept);
    }
}
