package nl.bijstandsportaal.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.platform.db.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Every error Micronaut itself answers (no route, bad JSON, unauthorised, a crash) goes through here:
 * the API gets {@code application/problem+json}, a browser gets a friendly page. A crash is logged with an
 * incident reference that the visitor can quote; its message never reaches the visitor.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class PortalErrorResponseProcessor implements ErrorResponseProcessor<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(PortalErrorResponseProcessor.class);

    private final Problems problems;
    private final ErrorPages errorPages;

    PortalErrorResponseProcessor(Problems problems, ErrorPages errorPages) {
        this.problems = problems;
        this.errorPages = errorPages;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpRequest<?> request = context.getRequest();
        HttpStatus status = base.status();
        if (status.getCode() >= 500 && context.getRootCause().filter(DatabaseUnavailable::isCause).isPresent()) {
            return unavailable(request, context.getRootCause().get());
        }
        String incident = null;
        if (status.getCode() >= 500) {
            incident = UUID.randomUUID().toString().substring(0, 8);
            String incidentRef = incident;
            context.getRootCause().ifPresentOrElse(
                    cause -> LOG.error("Incident {} on {} {}", incidentRef, request.getMethod(), request.getPath(), cause),
                    () -> LOG.error("Incident {} on {} {}: status {}", incidentRef, request.getMethod(), request.getPath(), status.getCode()));
        }
        MutableHttpResponse<?> answer;
        if (wantsProblemJson(request)) {
            String detail = status == HttpStatus.BAD_REQUEST && context.hasErrors()
                    ? problems.text(request, "problem.bad-request.unreadable") : null;
            if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
                detail = problems.text(request, "error.tooLarge.detail", nl.bijstandsportaal.platform.uploads.Upload.MAX_BYTES / 1024 / 1024);
            }
            answer = problems.response(request, status, Problems.typeFor(status), detail, incident, null, null);
        } else {
            answer = errorPages.page(request, status, ErrorPages.kindFor(status), incident);
        }
        base.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(v -> answer.getHeaders().add(name, v));
            }
        });
        return (MutableHttpResponse<Object>) answer;
    }

    /**
     * The database cannot be reached (down, restarting, every connection busy): not a crash, so no incident. The
     * visitor gets "try again in a few minutes" at once, the app a 503 with Retry-After (docs/adr/0029).
     */
    @SuppressWarnings("unchecked")
    private MutableHttpResponse<Object> unavailable(HttpRequest<?> request, Throwable cause) {
        LOG.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getPath(), cause.toString());
        MutableHttpResponse<?> answer = wantsProblemJson(request)
                ? problems.response(request, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE)
                : errorPages.page(request, HttpStatus.SERVICE_UNAVAILABLE, "unavailable");
        answer.getHeaders().add(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        return (MutableHttpResponse<Object>) answer;
    }

    public static boolean wantsProblemJson(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/")) {
            return true;
        }
        return request.getHeaders().accept().stream().noneMatch(m -> m.matches(MediaType.TEXT_HTML_TYPE))
                && request.getHeaders().accept().stream().anyMatch(m -> m.getSubtype().contains("json"));
    }
}
