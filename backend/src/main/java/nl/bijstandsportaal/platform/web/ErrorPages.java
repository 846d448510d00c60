package nl.bijstandsportaal.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/** Friendly error pages (404, 403, 500, ...) in plain words, never a stack trace. */
@Singleton
public class ErrorPages {

    private final PageRenderer pages;

    ErrorPages(PageRenderer pages) {
        this.pages = pages;
    }

    /** @param kind which text to show: "404", "403", "500", "csrf", "400", "tooLarge" (413), "tooMany" (429), ... */
    public MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, String kind) {
        return page(request, status, kind, null);
    }

    public MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, String kind, String incident) {
        return page(request, status, kind, incident, null);
    }

    /** @param month for kind "figures": the month whose figures are not known yet */
    public MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, String kind, String incident,
                                            java.time.YearMonth month) {
        Map<String, Object> model = new HashMap<>();
        if (month != null) {
            model.put("month", month);
        }
        model.put("kind", kind);
        model.put("maxMegabytes", nl.bijstandsportaal.platform.uploads.Upload.MAX_BYTES / 1024 / 1024);
        model.put("status", status.getCode());
        if (incident != null) {
            model.put("incident", incident);
        }
        String html;
        try {
            html = pages.render("error", model, request);
        } catch (RuntimeException e) {
            html = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Fout</title></head>"
                    + "<body><main><h1>Er ging iets mis</h1><p>Probeer het later opnieuw.</p></main></body></html>";
        }
        return HttpResponse.<String>status(status).body(html).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8");
    }

    public static String kindFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND, METHOD_NOT_ALLOWED -> "404";
            case FORBIDDEN -> "403";
            case REQUEST_ENTITY_TOO_LARGE -> "tooLarge";
            case TOO_MANY_REQUESTS -> "tooMany";
            case BAD_REQUEST, UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE, UNPROCESSABLE_ENTITY -> "400";
            default -> status.getCode() >= 500 ? "500" : "400";
        };
    }
}
