package nl.bijstandsportaal.platform.web;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import nl.bijstandsportaal.api.v1.Problem;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict input for the app's API (issue 19, ADR 0041): a JSON body sent to {@code /api/v1} is read against the OpenAPI
 * document before the controller sees it. A body that is not JSON is 400; a value of the wrong kind ({@code "yes"} for a
 * boolean, a number for a string), a value outside its enum, or an amount that is not a decimal with a dot
 * ({@code "1.380"}, {@code "380,50"}) is 422 naming each field as the app sent it ({@code bronnen[0].netto}); so is a field
 * the document does not name (every object schema says {@code additionalProperties: false}, ADR 0048), such as an old
 * English name. A missing field is left to the controller, which says in words what to fill in.
 */
@Filter("/api/v1/**")
class StrictApiInput implements HttpServerFilter {

    /** The names in the validator's message about fields the document does not name: ... schema: ["until","x"]. */
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern NOT_ALLOWED = Pattern.compile("not allowed by the schema: \\[([^\\]]*)\\]");

    private final OpenApiInteractionValidator validator;
    private final JsonMapper json;
    private final Problems problems;
    private final FilterBodyParser bodyParser;

    StrictApiInput(ResourceResolver resources, JsonMapper json, Problems problems, FilterBodyParser bodyParser) throws IOException {
        this.bodyParser = bodyParser;
        String document;
        try (InputStream in = resources.getResourceAsStream("classpath:" + ApiContract.DOCUMENT).orElseThrow()) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withDefaultLevel(ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.body.schema", ValidationReport.Level.ERROR)
                        .withLevel("validation.request.body.schema.required", ValidationReport.Level.IGNORE)
                        // dates and times are checked by the controllers, which say in words how to write them
                        .withLevel("validation.request.body.schema.format", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        this.json = json;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // after the login check, the rate limits and the Idempotency-Key check
        return ServerFilterPhase.SECURITY.after() + 20;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        HttpMethod method = request.getMethod();
        boolean json = request.getContentType().map(t -> t.matches(MediaType.APPLICATION_JSON_TYPE)).orElse(false);
        if (!(method == HttpMethod.POST || method == HttpMethod.PUT) || !json || request.getContentLength() == 0) {
            return chain.proceed(request);
        }
        // The body as parsed for filters (FilterBodyParser, buffered; the controller still reads it), written back as JSON
        // to check: its values keep their JSON kinds ("yes" stays a string, 1380 a number).
        return Mono.fromFuture(bodyParser.parseBody(request))
                .<java.util.Optional<MutableHttpResponse<?>>>map(body -> java.util.Optional.ofNullable(check(request, body)))
                .onErrorResume(e -> Mono.just(java.util.Optional.of(tooLarge(e) ? tooLargeAnswer(request) : unreadable(request))))
                .defaultIfEmpty(java.util.Optional.empty())
                // Go on outside the body's completion callback: the route then reads the same buffered body, and reading
                // it from inside that callback is not allowed (Micronaut's shared buffer is still "working" there).
                .publishOn(reactor.core.scheduler.Schedulers.parallel())
                .flatMap(refusal -> refusal.isPresent() ? Mono.just(refusal.get()) : Mono.from(chain.proceed(request)));
    }

    /** A body above the request size limit fails while it is read: that is 413, as everywhere else, not unreadable. */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.micronaut.http.exceptions.ContentLengthExceededException) {
                return true;
            }
        }
        return false;
    }

    private MutableHttpResponse<?> tooLargeAnswer(HttpRequest<?> request) {
        return problems.response(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, Problems.typeFor(HttpStatus.REQUEST_ENTITY_TOO_LARGE),
                problems.text(request, "error.tooLarge.detail", nl.bijstandsportaal.platform.uploads.Upload.MAX_BYTES / 1024 / 1024),
                null, null, null);
    }

    private MutableHttpResponse<?> unreadable(HttpRequest<?> request) {
        return problems.response(request, HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST,
                problems.text(request, "problem.bad-request.unreadable"), null, null, null);
    }

    private MutableHttpResponse<?> check(HttpRequest<?> request, Map<String, Object> parsed) {
        String body;
        try {
            body = json.writeValueAsString(parsed);
        } catch (IOException e) {
            return unreadable(request);
        }
        SimpleRequest.Builder builder = (request.getMethod() == HttpMethod.PUT ? SimpleRequest.Builder.put(request.getPath())
                : SimpleRequest.Builder.post(request.getPath())).withContentType(MediaType.APPLICATION_JSON).withBody(body);
        ValidationReport report = validator.validateRequest(builder.build());
        Map<String, Problem.FieldError> errors = new LinkedHashMap<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            String pointer = message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                    .map(ValidationReport.MessageContext.Pointers::getInstance).orElse("");
            // A field the document does not name (additionalProperties: false): each is named, as the app sent it. In an
            // object that is nullable (allOf) the validator says so in a nested message.
            List<String> unknown = new ArrayList<>();
            unknownFields(message, pointer, unknown);
            if (!unknown.isEmpty()) {
                for (String field : unknown) {
                    errors.putIfAbsent(field, new Problem.FieldError(field, problems.text(request, "api.input.unknownField")));
                }
                continue;
            }
            String field = field(pointer);
            String key = message.getKey().endsWith(".enum") ? "api.input.unknownValue" : "api.input.wrongForm";
            errors.putIfAbsent(field, new Problem.FieldError(field, problems.text(request, key)));
        }
        if (errors.isEmpty()) {
            return null;
        }
        List<Problem.FieldError> list = new ArrayList<>(errors.values());
        list.sort(Comparator.comparing(Problem.FieldError::field));
        return problems.response(request, HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.VALIDATION, null, null, null, list);
    }

    /** The fields a message (or a message nested in it) names as not allowed by the schema, as "stilleTijden.until". */
    private static void unknownFields(ValidationReport.Message message, String pointer, List<String> fields) {
        String at = message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance).orElse(pointer);
        List<String> texts = new ArrayList<>(message.getAdditionalInfo());
        texts.add(0, message.getMessage());
        for (String text : texts) {
            Matcher list = NOT_ALLOWED.matcher(text == null ? "" : text);
            while (list.find()) {
                Matcher names = QUOTED.matcher(list.group(1));
                while (names.find()) {
                    String field = field(at + "/" + names.group(1));
                    if (!fields.contains(field)) {
                        fields.add(field);
                    }
                }
            }
        }
        for (ValidationReport.Message nested : message.getNestedMessages()) {
            unknownFields(nested, at, fields);
        }
    }

    /** "/bronnen/0/netto" becomes "bronnen[0].netto", as the field is written in the app's JSON. */
    static String field(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                field.append('[').append(name).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(name);
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
