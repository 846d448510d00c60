package nl.bijstandsportaal.platform.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The portal as a web app on a phone's home screen (ADR 0040): the web app manifest and the service worker. Both are
 * static files (templates, static/app/); they are served here because a service worker can only look after the pages
 * under its own folder, and it must look after the whole site (scope /), and because a manifest has its own type.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class InstallableApp {

    static final String MANIFEST_TYPE = "application/manifest+json";

    private final byte[] manifest = read("static/app/manifest.webmanifest");
    private final byte[] worker = read("static/app/sw.js");

    @Get(value = "/manifest.webmanifest", produces = MANIFEST_TYPE)
    HttpResponse<byte[]> manifest() {
        return HttpResponse.ok(manifest).contentType(MANIFEST_TYPE + ";charset=utf-8");
    }

    /** Never cached by the browser (SecurityHeadersFilter: no-store), so a new version is picked up at once. */
    @Get(value = "/sw.js", produces = "text/javascript")
    HttpResponse<byte[]> worker() {
        return HttpResponse.ok(worker).contentType("text/javascript;charset=utf-8")
                .header("Service-Worker-Allowed", "/");
    }

    private static byte[] read(String resource) {
        try (InputStream in = InstallableApp.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
