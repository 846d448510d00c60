package nl.bijstandsportaal.platform.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The metrics ({@code /prometheus}) are not for the public: they answer only to {@code Authorization: Bearer} with
 * the token in {@code PORTAL_METRICS_TOKEN} (Prometheus' {@code authorization} setting). Without that setting, or with
 * another token, the address does not exist (404). Health and readiness stay open for the load balancer and say
 * nothing but UP or DOWN (ADR 0034).
 */
@Filter({"/prometheus", "/prometheus/**"})
public class MetricsAccessFilter implements HttpServerFilter {

    private final byte[] token;

    MetricsAccessFilter(@Value("${portal.management.metrics-token:}") String token) {
        this.token = token == null || token.isBlank() ? null : ("Bearer " + token.trim()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 40;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String given = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (token != null && given != null && MessageDigest.isEqual(token, given.trim().getBytes(StandardCharsets.UTF_8))) {
            // the security filter must not take the metrics token for a session token
            return chain.proceed(request.mutate().headers(h -> h.remove(HttpHeaders.AUTHORIZATION)));
        }
        return Mono.just(HttpResponse.notFound());
    }
}
