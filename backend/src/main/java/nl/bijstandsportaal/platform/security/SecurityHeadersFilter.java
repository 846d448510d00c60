package nl.bijstandsportaal.platform.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Strict security headers on every response: a Content-Security-Policy without inline script or style,
 * HSTS, no framing, no referrer to other sites, no sniffing. Pages with personal data are never cached.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {

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
        headers.set("Content-Security-Policy", CSP);
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form posts, which CORS checks refuse.
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Permissions-Policy", "geolocation=(), microphone=(), payment=(), usb=()");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        if (request.getPath().startsWith("/static/")) {
            headers.set(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
        } else {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
