package nl.bijstandsportaal.platform.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.server.filter.FilterBodyParser;
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
import java.util.concurrent.CompletableFuture;

/**
 * CSRF protection for every form: a signed random token in a {@code __Host-} cookie (SameSite=Strict), that
 * each form sends back in the field {@code csrfToken} (or the header {@code X-CSRF-Token} for scripts).
 * A state-changing request whose token does not match is refused with a friendly page. The mobile API
 * under {@code /api/} uses bearer tokens and JSON, which a foreign site cannot forge, and is not checked
 * here. See docs/adr/0004.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class CsrfFilter implements Ordered {

    public static final String TOKEN_ATTRIBUTE = "portal.csrf.token";
    public static final String COOKIE = "__Host-portal_csrf";
    public static final String FIELD = "csrfToken";
    public static final String HEADER = "X-CSRF-Token";
    private static final String NEW_COOKIE_ATTRIBUTE = "portal.csrf.new";
    private static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final CompletableFuture<@Nullable HttpResponse<?>> PROCEED = CompletableFuture.completedFuture(null);

    private final SecureRandom random = new SecureRandom();
    private final byte[] secret;
    private final FilterBodyParser bodyParser;
    private final ErrorPages errorPages;

    CsrfFilter(@Value("${portal.csrf.secret}") String secret, FilterBodyParser bodyParser, ErrorPages errorPages) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.bodyParser = bodyParser;
        this.errorPages = errorPages;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 100;
    }

    @RequestFilter
    public CompletableFuture<@Nullable HttpResponse<?>> check(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.startsWith("/static/") || path.startsWith("/api/")) {
            return PROCEED;
        }
        String cookieToken = request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
                .filter(this::isSigned).orElse(null);
        if (cookieToken == null) {
            cookieToken = newToken();
            request.setAttribute(NEW_COOKIE_ATTRIBUTE, cookieToken);
        }
        request.setAttribute(TOKEN_ATTRIBUTE, cookieToken);
        if (!UNSAFE.contains(request.getMethod())) {
            return PROCEED;
        }
        String expected = cookieToken;
        String header = request.getHeaders().get(HEADER);
        if (header != null) {
            return matches(expected, header) ? PROCEED : refuse(request);
        }
        MediaType type = request.getContentType().orElse(null);
        if (type != null && (type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || type.matches(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            String fromQuery = request.getParameters().get(FIELD);
            if (fromQuery != null) {
                return matches(expected, fromQuery) ? PROCEED : refuse(request);
            }
            return bodyParser.parseBody(request).thenApply(form -> {
                Object field = form.get(FIELD);
                return field != null && matches(expected, field.toString()) ? null : refused(request);
            });
        }
        return refuse(request);
    }

    @ResponseFilter
    public void setCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(NEW_COOKIE_ATTRIBUTE, String.class).ifPresent(token -> response.cookie(
                Cookie.of(COOKIE, token).path("/").httpOnly(true).secure(true).sameSite(SameSite.Strict)));
    }

    private CompletableFuture<@Nullable HttpResponse<?>> refuse(HttpRequest<?> request) {
        return CompletableFuture.completedFuture(refused(request));
    }

    private HttpResponse<?> refused(HttpRequest<?> request) {
        return errorPages.page(request, io.micronaut.http.HttpStatus.FORBIDDEN, "csrf");
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
