package nl.bijstandsportaal.platform.web;

import io.micronaut.http.HttpStatus;
import nl.bijstandsportaal.api.v1.Problem;

import java.util.List;

/** Ends a request with a problem answer of a given type; {@code detail} and field errors are already in words. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String detail;
    private final String oauthError;
    private final List<Problem.FieldError> errors;

    public ProblemException(HttpStatus status, String type, String detail, String oauthError, List<Problem.FieldError> errors) {
        super(type, null, false, false);
        this.status = status;
        this.type = type;
        this.detail = detail;
        this.oauthError = oauthError;
        this.errors = errors;
    }

    public ProblemException(HttpStatus status, String type) {
        this(status, type, null, null, null);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    public String oauthError() {
        return oauthError;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
