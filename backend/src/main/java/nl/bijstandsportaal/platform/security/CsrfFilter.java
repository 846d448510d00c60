package nl.bijstandsportaal.platform.security;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.filter.FilterBodyParser;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import io.micronaut.context.annotation.Value;
import nl.bijstandsportaal.platform.web.ErrorPages;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * CSRF protection for every form: a signed random token in a {@code __Host-} cookie (SameSite=Strict), that
 * each form sends back in the field {@code csrfToken} (or the header {@code X-CSRF-Token} for scripts).
 * A state-changing request whose token does not match is refused with a friendly page. A multipart form (with a
 * file) sends the token as its first field, read here from the body before the controller sees it; never in the
 * address, where it would show in the address bar, the history and a Referer (ADR 0034). At login the token is
 * replaced by a new one. The mobile API under {@code /api/} accepts bearer tokens only (never the session cookie,
 * see {@link WebCookieTokenReader}), which a foreign site cannot send, and is not checked here. See docs/adr/0004.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class CsrfFilter implements HttpServerFilter {

    public static final String TOKEN_ATTRIBUTE = "portal.csrf.token";
    public static final String COOKIE = "__Host-portal_csrf";
    public static final String FIELD = "csrfToken";
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final SecureRandom random = new SecureRandom();
    private final byte[] secret;
    private final FilterBodyParser bodyParser;
    private final ErrorPages errorPages;
    private final String sessionCookieName;

    CsrfFilter(@Value("${portal.csrf.secret}") String secret, FilterBodyParser bodyParser, ErrorPages errorPages,
               @Value("${micronaut.security.token.cookie.cookie-name:JWT}") String sessionCookieName) {
        this.sessionCookieName = sessionCookieName;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.bodyParser = bodyParser;
        this.errorPages = errorPages;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String path = request.getPath();
        if (path.startsWith("/static/") || path.startsWith("/api/")) {
            return chain.proceed(request);
        }
        String fromCookie = request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
                .filter(this::isSigned).orElse(null);
        boolean newCookie = fromCookie == null;
        String expected = newCookie ? newToken() : fromCookie;
        request.setAttribute(TOKEN_ATTRIBUTE, expected);
        return Mono.from(isAllowed(request, expected))
                .flatMap(allowed -> allowed ? Mono.from(chain.proceed(request)) : Mono.just(refused(request)))
                .onErrorResume(ContentLengthExceededException.class, e -> Mono.just(tooLarge(request)))
                .map(response -> {
                    if (isLogin(request, response)) {
                        // a new session gets a new token: one planted before the login is worth nothing after it
                        return response.cookie(cookie(newToken()));
                    }
                    return newCookie ? response.cookie(cookie(expected)) : response;
                });
    }

    private static Cookie cookie(String token) {
        return Cookie.of(COOKIE, token).path("/").httpOnly(true).secure(true).sameSite(SameSite.Strict);
    }

    /** A login: the answer sets a session cookie for a request that had no signed-in user. */
    private boolean isLogin(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getUserPrincipal().isPresent()) {
            return false;
        }
        String prefix = sessionCookieName + "=";
        return response.getHeaders().getAll(io.micronaut.http.HttpHeaders.SET_COOKIE).stream()
                .anyMatch(h -> h.startsWith(prefix) && h.length() > prefix.length() && h.charAt(prefix.length()) != ';');
    }

    private MutableHttpResponse<?> tooLarge(HttpRequest<?> request) {
        return errorPages.page(request, io.micronaut.http.HttpStatus.REQUEST_ENTITY_TOO_LARGE, "tooLarge")
                .header(io.micronaut.http.HttpHeaders.CONNECTION, "close");
    }

    /**
     * Safe methods always pass; an unsafe one needs the token in the header or the form body (a field of the
     * urlencoded form, or of the multipart form). A token in the query string does not count.
     * (The body is read here, before routing; a null-returning async request filter lost requests, see ADR 0004.)
     */
    private Mono<Boolean> isAllowed(HttpRequest<?> request, String expected) {
        if (!UNSAFE.contains(request.getMethod())) {
            return Mono.just(true);
        }
        String header = request.getHeaders().get(HEADER);
        if (header != null) {
            return Mono.just(matches(expected, header));
        }
        MediaType type = request.getContentType().orElse(null);
        if (type == null || !(type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || type.matches(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            return Mono.just(false);
        }
        if (type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            if (!(request instanceof ServerHttpRequest<?> server)) {
                return Mono.just(false);
            }
            String contentType = request.getHeaders().get(io.micronaut.http.HttpHeaders.CONTENT_TYPE);
            // A copy of the body, buffered (at most micronaut.server.max-request-size); the controller reads the original.
            return Mono.fromFuture(server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer()
                            .thenApply(body -> {
                                try (body) {
                                    return MultipartField.find(contentType, body.toByteArray(), FIELD)
                                            .map(token -> matches(expected, token)).orElse(false);
                                }
                            }))
                    .onErrorMap(java.util.concurrent.CompletionException.class, e -> e.getCause() == null ? e : e.getCause());
        }
        return Mono.fromFuture(bodyParser.parseBody(request)).map(form -> {
            Object field = form.get(FIELD);
            return field != null && matches(expected, field.toString());
        }).defaultIfEmpty(false);
    }

    /**
     * The refusal closes the connection: the body of a refused form may not have been read to the end, and a
     * kept-alive connection would then carry its leftovers into the next request.
     */
    private MutableHttpResponse<?> refused(HttpRequest<?> request) {
        MutableHttpResponse<?> page = errorPages.page(request, io.micronaut.http.HttpStatus.FORBIDDEN, "csrf");
        return page.header(io.micronaut.http.HttpHeaders.CONNECTION, "close");
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return value + "." + sign(value);
    }

    private boolean isSigned(String token) {
        int dot = token.indexOf('.');
        return dot > 0 && matches(sign(token.substring(0, dot)), token.substring(dot + 1));
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
