package nl.bijstandsportaal.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import nl.bijstandsportaal.api.v1.Problem;
import nl.bijstandsportaal.api.v1.ProblemTypes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns the portal's own exceptions and failed validation into problem answers or error pages. */
final class ProblemExceptionHandlers {

    private ProblemExceptionHandlers() {
    }

    @Singleton
    @Produces
    static class ProblemHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {
        private final Problems problems;
        private final ErrorPages errorPages;

        ProblemHandler(Problems problems, ErrorPages errorPages) {
            this.problems = problems;
            this.errorPages = errorPages;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ProblemException e) {
            if (!PortalErrorResponseProcessor.wantsProblemJson(request)) {
                return errorPages.page(request, e.status(), ErrorPages.kindFor(e.status()));
            }
            return problems.response(request, e.status(), e.type(), e.detail(), null, e.oauthError(), e.errors());
        }
    }

    @Singleton
    @Produces
    static class NotFoundHandler implements ExceptionHandler<NotFoundException, HttpResponse<?>> {
        private final Problems problems;
        private final ErrorPages errorPages;

        NotFoundHandler(Problems problems, ErrorPages errorPages) {
            this.problems = problems;
            this.errorPages = errorPages;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, NotFoundException e) {
            if (!PortalErrorResponseProcessor.wantsProblemJson(request)) {
                return errorPages.page(request, HttpStatus.NOT_FOUND, "404");
            }
            return problems.response(request, HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
        }
    }

    /** Bean Validation on API bodies: one entry per field, in the language of the request. */
    @Singleton
    @Produces
    @Replaces(ConstraintExceptionHandler.class)
    static class ValidationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
        private final Problems problems;

        ValidationHandler(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException e) {
            List<Problem.FieldError> errors = new ArrayList<>();
            for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
                String field = fieldName(violation.getPropertyPath());
                String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
                errors.add(new Problem.FieldError(field, problems.text(request, "validation." + constraint, field)));
            }
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            // A readable body with a wrong value: 422, as every other check of what was sent (400 is for unreadable bodies).
            return problems.response(request, HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.VALIDATION, null, null, null, errors);
        }

        /** "register.registration.pushToken" becomes "pushToken": the name as in the JSON body. */
        private static String fieldName(Path path) {
            List<String> names = new ArrayList<>();
            path.forEach(node -> names.add(node.getName()));
            if (names.size() > 2) {
                return String.join(".", names.subList(2, names.size()));
            }
            return "body";
        }
    }

    /** A value that cannot be read (a number that is text, an unknown enum value). */
    @Singleton
    @Produces
    @Replaces(io.micronaut.http.server.exceptions.ConversionErrorHandler.class)
    static class ConversionHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        private final Problems problems;
        private final ErrorPages errorPages;

        ConversionHandler(Problems problems, ErrorPages errorPages) {
            this.problems = problems;
            this.errorPages = errorPages;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
            if (!PortalErrorResponseProcessor.wantsProblemJson(request)) {
                return errorPages.page(request, HttpStatus.BAD_REQUEST, "400");
            }
            // The body (or a value in the address) cannot be read at all. A readable body with a wrong value is 422 naming
            // its JSON field (StrictApiInput); the Java parameter's name means nothing to the app, so it is not named here.
            return problems.response(request, HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST,
                    problems.text(request, "problem.bad-request.unreadable"), null, null, null);
        }
    }
}
