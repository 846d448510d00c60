package nl.bijstandsportaal.platform.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import nl.bijstandsportaal.platform.i18n.LocaleResolver;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.bijstandsportaal.api.v1.ProblemTypes;
import nl.bijstandsportaal.platform.i18n.Messages;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The contract of the app's API, served as it is written (ADR 0041): {@code /api/v1/openapi.yaml} and the same document as
 * {@code /api/v1/openapi.json}, public and readable from any origin; and a page for each problem {@code type}
 * ({@code /problems/validation}, ...), so the type URIs in error answers explain themselves.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class ApiContract {

    /** Where the document lives on the classpath (module mobile-api). */
    static final String DOCUMENT = "nl/bijstandsportaal/api/v1/openapi.yaml";
    private static final Pattern PROBLEM_NAME = Pattern.compile("[a-z-]{1,40}");

    private final byte[] yaml;
    private final byte[] json;
    private final Messages messages;
    private final LocaleResolver locales;

    ApiContract(ResourceResolver resources, JsonMapper jsonMapper, Messages messages, LocaleResolver locales) throws IOException {
        try (InputStream in = resources.getResourceAsStream("classpath:" + DOCUMENT)
                .orElseThrow(() -> new IllegalStateException("missing " + DOCUMENT))) {
            this.yaml = in.readAllBytes();
        }
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(yaml, StandardCharsets.UTF_8));
        this.json = jsonMapper.writeValueAsBytes(tree);
        this.messages = messages;
        this.locales = locales;
    }

    @Get("/api/v1/openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<byte[]> json() {
        return document(json, MediaType.APPLICATION_JSON_TYPE);
    }

    @Get("/api/v1/openapi.yaml")
    @Produces("application/yaml")
    HttpResponse<byte[]> yaml() {
        return document(yaml, MediaType.of("application/yaml"));
    }

    private static HttpResponse<byte[]> document(byte[] body, MediaType type) {
        return HttpResponse.ok(body).contentType(type)
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "public, max-age=300");
    }

    /** A short page for a problem type: its title and what to do, in the language of the request (nl, en, ...). */
    @Get("/problems/{name}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<String> problem(@PathVariable String name, HttpRequest<?> request) {
        String key = "problem." + name + ".title";
        if (!PROBLEM_NAME.matcher(name).matches() || !messages.bundle(Messages.DUTCH).containsKey(key)) {
            throw new NotFoundException();
        }
        Locale locale = locales.resolve(request);
        String lang = locale.getLanguage();
        String html = "<!DOCTYPE html>\n<html lang=\"" + lang + "\"" + (Messages.rightToLeft(locale) ? " dir=\"rtl\"" : "") + ">"
                + "<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(messages.get(locale, key)) + "</title></head><body><main>"
                + "<h1>" + escape(messages.get(locale, key)) + "</h1>"
                + "<p>" + escape(messages.get(locale, "problem." + name + ".detail")) + "</p>"
                + "<p><code>type: " + escape(ProblemTypes.BASE + name) + "</code></p>"
                + "</main></body></html>";
        return HttpResponse.ok(html).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Access-Control-Allow-Origin", "*");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
