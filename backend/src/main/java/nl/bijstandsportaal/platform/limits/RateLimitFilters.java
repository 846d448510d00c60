package nl.bijstandsportaal.platform.limits;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.web.ErrorPages;
import nl.bijstandsportaal.platform.web.PortalErrorResponseProcessor;
import nl.bijstandsportaal.platform.web.Problems;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.OptionalLong;

/**
 * The rate limits at the door (ADR 0034): per client address before anything else is done with the request (before
 * the CSRF check reads a form's body), per account once the session is known. Over the limit: 429 with Retry-After,
 * as problem+json for the app and a plain page for the browser. The client address is the connection's; behind a
 * proxy, the header named in {@code portal.rate-limits.client-address-header} (its last entry: the one our own proxy
 * added). Forwarded headers are never read otherwise: a client could name a new address on every request.
 */
final class RateLimitFilters {

    private RateLimitFilters() {
    }

    @Singleton
    static class Refusal {
        private final Problems problems;
        private final ErrorPages errorPages;

        Refusal(Problems problems, ErrorPages errorPages) {
            this.problems = problems;
            this.errorPages = errorPages;
        }

        MutableHttpResponse<?> tooMany(HttpRequest<?> request, long seconds) {
            MutableHttpResponse<?> answer = PortalErrorResponseProcessor.wantsProblemJson(request)
                    ? problems.response(request, HttpStatus.TOO_MANY_REQUESTS, nl.bijstandsportaal.api.v1.ProblemTypes.TOO_MANY_REQUESTS)
                    : errorPages.page(request, HttpStatus.TOO_MANY_REQUESTS, "tooMany");
            // the body of a refused request may not have been read: the connection closes after the answer
            return answer.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).header(HttpHeaders.CONNECTION, "close");
        }
    }

    private static RateLimitRules.Kind kind(HttpRequest<?> request) {
        return RateLimitRules.kind(request.getMethodName(), request.getPath(), request.getHeaders().get(HttpHeaders.CONTENT_TYPE));
    }

    @Filter(Filter.MATCH_ALL_PATTERN)
    static class ByAddress implements HttpServerFilter {
        private final RateLimiter limiter;
        private final String addressHeader;
        private final Refusal refusal;

        ByAddress(RateLimiter limiter, @Value("${portal.rate-limits.client-address-header:}") String addressHeader, Refusal refusal) {
            this.limiter = limiter;
            this.addressHeader = addressHeader == null || addressHeader.isBlank() ? null : addressHeader.trim();
            this.refusal = refusal;
        }

        String address(HttpRequest<?> request) {
            if (addressHeader != null) {
                String value = request.getHeaders().get(addressHeader);
                if (value != null && !value.isBlank()) {
                    String[] entries = value.split(",");
                    return entries[entries.length - 1].trim();
                }
            }
            java.net.InetSocketAddress remote = request.getRemoteAddress();
            return remote == null || remote.getAddress() == null ? "?" : remote.getAddress().getHostAddress();
        }

        @Override
        public int getOrder() {
            return HIGHEST_PRECEDENCE + 50;
        }

        @Override
        public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
            RateLimitRules.Kind kind = kind(request);
            if (kind != RateLimitRules.Kind.NONE) {
                OptionalLong wait = limiter.takeForAddress(kind, address(request));
                if (wait.isPresent()) {
                    return Mono.just(refusal.tooMany(request, wait.getAsLong()));
                }
            }
            return chain.proceed(request);
        }
    }

    @Filter(Filter.MATCH_ALL_PATTERN)
    static class ByAccount implements HttpServerFilter {
        private final RateLimiter limiter;
        private final Refusal refusal;

        ByAccount(RateLimiter limiter, Refusal refusal) {
            this.limiter = limiter;
            this.refusal = refusal;
        }

        @Override
        public int getOrder() {
            return ServerFilterPhase.SECURITY.after();
        }

        @Override
        public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
            RateLimitRules.Kind kind = kind(request);
            if (kind == RateLimitRules.Kind.SUBMIT || kind == RateLimitRules.Kind.UPLOAD) {
                OptionalLong wait = CurrentUser.of(request)
                        .map(user -> limiter.takeForAccount(kind, user.kind() + ":" + user.id()))
                        .orElse(OptionalLong.empty());
                if (wait.isPresent()) {
                    return Mono.just(refusal.tooMany(request, wait.getAsLong()));
                }
            }
            return chain.proceed(request);
        }
    }
}
