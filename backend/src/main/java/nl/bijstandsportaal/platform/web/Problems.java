package nl.bijstandsportaal.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.api.v1.Problem;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.platform.i18n.LocaleResolver;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.platform.i18n.Text;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Builds {@code application/problem+json} answers with texts in the language of the request. */
@Singleton
public class Problems {

    private final Messages messages;
    private final LocaleResolver localeResolver;

    Problems(Messages messages, LocaleResolver localeResolver) {
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    public MutableHttpResponse<Problem> response(HttpRequest<?> request, HttpStatus status, String type,
                                                 String detail, String incident, String oauthError,
                                                 List<Problem.FieldError> errors) {
        Locale locale = localeResolver.resolve(request);
        String name = type.substring(ProblemTypes.BASE.length());
        Problem problem = new Problem(type, messages.get(locale, "problem." + name + ".title"), status.getCode(),
                detail == null ? messages.get(locale, "problem." + name + ".detail") : detail,
                request.getPath(), incident, oauthError, errors == null || errors.isEmpty() ? null : errors);
        return HttpResponse.<Problem>status(status).body(problem).contentType(Problem.MEDIA_TYPE);
    }

    public MutableHttpResponse<Problem> response(HttpRequest<?> request, HttpStatus status, String type) {
        return response(request, status, type, null, null, null, null);
    }

    /** The language of the request being served; Dutch outside a request. */
    public Locale locale() {
        return ServerRequestContext.currentRequest().map(localeResolver::resolve).orElse(Messages.DUTCH);
    }

    /** 422 naming each field (as the app calls it) with what to do, in the language of the request. */
    public ProblemException invalid(Map<String, Text> errors) {
        return invalid(errors, UnaryOperator.identity());
    }

    /** As {@link #invalid(Map)}; {@code fieldName} turns a form's field name into the name the app sent. */
    public ProblemException invalid(Map<String, Text> errors, UnaryOperator<String> fieldName) {
        Locale locale = locale();
        List<Problem.FieldError> fields = errors.entrySet().stream()
                .map(e -> new Problem.FieldError(fieldName.apply(e.getKey()), messages.render(locale, e.getValue()))).toList();
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.VALIDATION, null, null, fields);
    }

    public String text(HttpRequest<?> request, String key, Object... args) {
        return messages.get(localeResolver.resolve(request), key, args);
    }

    /** The problem type that fits a status when nothing more specific is known. */
    public static String typeFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> ProblemTypes.BAD_REQUEST;
            case UNAUTHORIZED -> ProblemTypes.UNAUTHORIZED;
            case FORBIDDEN -> ProblemTypes.FORBIDDEN;
            case NOT_FOUND -> ProblemTypes.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ProblemTypes.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case NOT_ACCEPTABLE -> ProblemTypes.NOT_ACCEPTABLE;
            case UNPROCESSABLE_ENTITY -> ProblemTypes.VALIDATION;
            case TOO_MANY_REQUESTS -> ProblemTypes.TOO_MANY_REQUESTS;
            case REQUEST_ENTITY_TOO_LARGE -> ProblemTypes.TOO_LARGE;
            default -> status.getCode() >= 500 ? ProblemTypes.INTERNAL : ProblemTypes.BAD_REQUEST;
        };
    }
}
