package nl.bijstandsportaal.platform.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import nl.bijstandsportaal.platform.web.StaticAssets;

/**
 * Strict security headers on every response: a Content-Security-Policy without inline script or style,
 * HSTS, no framing, no referrer to other sites, no sniffing. Pages with personal data are never cached; static files
 * with their fingerprint are kept for a year (ADR 0043); API reads with an ETag only by the device, revalidated (ADR 0052).
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {

    /** A static file at the address with its current fingerprint (StaticAssets, ADR 0043): never changes. */
    static final String CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
    /** Any other static file: a short while, then the browser asks again (If-Modified-Since). */
    static final String CACHE_SHORT = "public, max-age=3600";
    /** An API read with an ETag: kept only by the person's own device, and always asked again before it is used. */
    static final String CACHE_REVALIDATE = "private, no-cache";

    private final StaticAssets assets;
    private final java.util.List<ConnectSources> connectSources;

    public SecurityHeadersFilter(StaticAssets assets, java.util.List<ConnectSources> connectSources) {
        this.assets = assets;
        this.connectSources = connectSources;
    }

    /** The policy for this path: the strict one, with any outside connect-src a page needs (ConnectSources). */
    String csp(String path) {
        StringBuilder extra = new StringBuilder();
        for (ConnectSources sources : connectSources) {
            String more = sources.forPath(path);
            if (more != null && !more.isBlank()) {
                extra.append(' ').append(more.trim());
            }
        }
        return extra.isEmpty() ? CSP : CSP.replace("connect-src 'self'", "connect-src 'self'" + extra);
    }

    static final String CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            // the web app manifest and the service worker (ADR 0040), both from this site only
            "manifest-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Override
    public int getOrder() {
        // outermost, so its response part also sees answers that other filters (security, CSRF) gave early
        return HIGHEST_PRECEDENCE;
    }

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set("Content-Security-Policy", csp(request.getPath()));
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form posts, which CORS checks refuse.
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Permissions-Policy", "geolocation=(), microphone=(), payment=(), usb=()");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        String path = request.getPath();
        if (path.startsWith("/static/")) {
            boolean fingerprinted = assets.current(path, request.getParameters().get("v"))
                    // the font files are named by the pinned npm package (templates/package-lock.json); a new version
                    // of the font must come under a new name (ADR 0043)
                    || path.startsWith("/static/nlds/files/") && path.endsWith(".woff2");
            headers.set(HttpHeaders.CACHE_CONTROL, fingerprinted && response.getStatus().getCode() < 400 ? CACHE_IMMUTABLE : CACHE_SHORT);
        } else if (path.startsWith("/api/v1/") && headers.contains(HttpHeaders.ETAG)) {
            // an API read with its tag (ApiETags, ADR 0052): the phone may keep it to ask "changed?"; no one else may
            headers.set(HttpHeaders.CACHE_CONTROL, CACHE_REVALIDATE);
        } else {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
