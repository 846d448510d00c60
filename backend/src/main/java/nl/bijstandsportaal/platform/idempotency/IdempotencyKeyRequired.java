package nl.bijstandsportaal.platform.idempotency;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import nl.bijstandsportaal.api.v1.DevicesApi;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.platform.web.Problems;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Arrays;

/**
 * Every POST of the app's API whose route takes an {@code Idempotency-Key} header (every POST that creates something)
 * needs one: without it the answer is 428 {@code /problems/idempotency-key-missing} and nothing is done (ADR 0044). Which
 * routes these are is read from the route itself, so a new creating route cannot be left out of this list.
 */
@Filter("/api/v1/**")
class IdempotencyKeyRequired implements HttpServerFilter {

    private final Problems problems;

    IdempotencyKeyRequired(Problems problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // after the login check (a stranger gets 401) and the rate limits
        return ServerFilterPhase.SECURITY.after() + 10;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getMethod() == HttpMethod.POST && takesKey(request)
                && request.getHeaders().get(DevicesApi.IDEMPOTENCY_KEY) == null) {
            return Mono.just(problems.response(request, HttpStatus.PRECONDITION_REQUIRED, ProblemTypes.IDEMPOTENCY_KEY_MISSING));
        }
        return chain.proceed(request);
    }

    static boolean takesKey(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .filter(MethodBasedRouteMatch.class::isInstance)
                .map(m -> Arrays.stream(((MethodBasedRouteMatch<?, ?>) m).getArguments())
                        .anyMatch(IdempotencyKeyRequired::isKeyHeader))
                .orElse(false);
    }

    private static boolean isKeyHeader(Argument<?> argument) {
        return argument.getAnnotationMetadata().stringValue(Header.class).map(DevicesApi.IDEMPOTENCY_KEY::equalsIgnoreCase).orElse(false);
    }
}
