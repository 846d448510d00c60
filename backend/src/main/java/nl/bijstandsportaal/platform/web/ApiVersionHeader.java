package nl.bijstandsportaal.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Every answer of the app's API says which version of the contract it keeps (NL API Design Rules, API-57): the full
 * semantic version of the OpenAPI document, whose major version is the {@code v1} in the path. An address that ends in a
 * slash is not found (API-48). A 401 says {@code WWW-Authenticate: Bearer} (RFC 6750).
 */
@Filter("/api/v1/**")
class ApiVersionHeader implements HttpServerFilter {

    /** Equal to {@code info.version} of the OpenAPI document (ApiContractTest checks that). */
    static final String VERSION = "1.1.0";

    private final Problems problems;

    ApiVersionHeader(Problems problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getPath().endsWith("/")) {
            // no trailing slashes (NL API Design Rules, API-48): /api/v1/ik/ is not /api/v1/ik
            return Flux.just(problems.response(request, io.micronaut.http.HttpStatus.NOT_FOUND,
                    nl.bijstandsportaal.api.v1.ProblemTypes.NOT_FOUND).header("API-Version", VERSION));
        }
        boolean hadToken = request.getHeaders().getAuthorization().isPresent();
        return Flux.from(chain.proceed(request)).map(response -> {
            // RFC 6750: a 401 of the API names the scheme it wants (the token endpoint's own 401 is about the app, not a token)
            if (response.code() == 401 && !request.getPath().startsWith("/api/v1/auth/")
                    && !response.getHeaders().contains(io.micronaut.http.HttpHeaders.WWW_AUTHENTICATE)) {
                response.header(io.micronaut.http.HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"bijstandsportaal\"" + (hadToken ? ", error=\"invalid_token\"" : ""));
            }
            return response.header("API-Version", VERSION);
        });
    }
}
