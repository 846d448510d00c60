package nl.bijstandsportaal.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Checks a real answer of the API against the OpenAPI document the portal publishes (ADR 0041). {@link WebClient} calls it
 * for every answer to an {@code /api/v1} address, so no API test can forget it: an answer that breaks the contract (a
 * required field left out, a value outside its enum, a status the document does not name, an error that is not a Problem)
 * fails the test that got it. Requests are not checked here: the tests send wrong requests on purpose.
 */
public final class ContractCheck {

    public static final String DOCUMENT = "nl/bijstandsportaal/api/v1/openapi.yaml";

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(document())
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    // A test may call an address or method that does not exist on purpose (405, 404): no operation to check.
                    .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                    .withLevel("validation.response.operation.notAllowed", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    private ContractCheck() {
    }

    public static String document() {
        try (InputStream in = ContractCheck.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("no " + DOCUMENT + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether an answer to this address is part of the contract. */
    static boolean applies(URI uri) {
        String path = uri.getPath();
        return path.startsWith("/api/v1/") && !path.startsWith("/api/v1/openapi.") && !path.endsWith("/");
    }

    /** Throws an AssertionError naming every way this answer breaks the contract. */
    public static void check(String method, HttpResponse<String> response) {
        List<String> problems = problems(method, response);
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + method + " " + response.uri().getPath() + " (" + response.statusCode()
                    + ") breaks the OpenAPI document:\n  " + String.join("\n  ", problems) + "\nbody: " + abbreviate(response.body()));
        }
    }

    public static List<String> problems(String method, HttpResponse<String> response) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        response.headers().firstValue("Content-Type").ifPresent(answer::withContentType);
        String body = response.body();
        if (body != null && !body.isEmpty()) {
            answer.withBody(body);
        }
        return problems(method, response.uri().getPath(), answer.build());
    }

    /**
     * The same check for an answer a test got with its own HTTP client (byte for byte, without {@link WebClient}): throws an
     * AssertionError naming every way it breaks the contract; an address outside the contract is not checked.
     */
    public static void check(String method, URI uri, int status, String contentType, String location, String body) {
        if (!applies(uri)) {
            return;
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            answer.withContentType(contentType);
            answer.withHeader("Content-Type", contentType);
        }
        if (location != null) {
            answer.withHeader("Location", location);
        }
        if (body != null && !body.isEmpty()) {
            answer.withBody(body);
        }
        List<String> problems = problems(method, uri.getPath(), answer.build());
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + method + " " + uri.getPath() + " (" + status + ") breaks the OpenAPI document:\n  "
                    + String.join("\n  ", problems) + "\nbody: " + abbreviate(body));
        }
    }

    /** The same check for an answer made up by a test (to show what the check finds). */
    public static List<String> problems(String method, String path, int status, String contentType, String body) {
        return problems(method, path, SimpleResponse.Builder.status(status).withContentType(contentType).withBody(body).build());
    }

    private static List<String> problems(String method, String path, SimpleResponse answer) {
        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), answer);
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()
                        + m.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                        .map(p -> " at " + p.getInstance()).orElse(""))
                .collect(Collectors.toList());
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
    }
}
