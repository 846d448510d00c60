package nl.bijstandsportaal.platform.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * ETag and If-None-Match on every read of the app's API (issue 19, ADR 0052): a GET that answers 200 carries the
 * {@code ETag} of what it answers (a hash of the JSON as sent, so it changes with every amount, status, text and
 * language); a GET whose {@code If-None-Match} names that tag gets {@code 304 Not Modified} without a body, so an app
 * that checks "is anything new?" on every start costs one small answer. What a person sees is still decided fresh on
 * every request (the answer is made, then compared): the tag never makes anything stale.
 * <p>
 * These answers say {@code Cache-Control: private, no-cache} (SecurityHeadersFilter): only the phone may keep them, and
 * only to ask again with the tag; other answers stay {@code no-store}.
 */
@Filter("/api/v1/**")
class ApiETags implements HttpServerFilter {

    private final JsonMapper json;

    ApiETags(JsonMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        // inside ApiVersionHeader (FIRST) and the security filters: it sees the answer as the controller made it
        return ServerFilterPhase.RENDERING.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getMethod() != HttpMethod.GET || request.getPath().startsWith("/api/v1/auth/")) {
            return chain.proceed(request);
        }
        return Flux.from(chain.proceed(request)).map(response -> {
            if (response.code() != HttpStatus.OK.getCode()) {
                return response;
            }
            Optional<String> tag = tagOf(response.getBody().orElse(null));
            if (tag.isEmpty()) {
                return response;
            }
            response.header(HttpHeaders.ETAG, tag.get());
            response.header(HttpHeaders.VARY, "Authorization, Accept-Language");
            if (matches(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), tag.get())) {
                response.status(HttpStatus.NOT_MODIFIED);
                response.body(null);
                response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
                response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
            }
            return response;
        });
    }

    /** The strong tag of an answer's body: what the client receives, hashed (SHA-256, first 16 bytes, base64url). */
    private Optional<String> tagOf(Object body) {
        byte[] bytes;
        try {
            if (body == null) {
                return Optional.empty();
            } else if (body instanceof byte[]) {
                return Optional.empty(); // a file (Download): stays no-store
            } else if (body instanceof CharSequence text) {
                bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            } else if (body instanceof Publisher<?> || body instanceof java.io.InputStream
                    || body instanceof io.micronaut.http.server.types.files.FileCustomizableResponseType) {
                return Optional.empty(); // streamed: not read twice
            } else {
                bytes = json.writeValueAsBytes(body);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Optional.of('"' + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16)) + '"');
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 9110 13.1.2: weak comparison; {@code *} matches any current answer. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.equals("*") || value.replaceFirst("^W/", "").equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
