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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal as a web app on a phone's home screen (ADR 0040): the web app manifest and the service worker. Both are
 * static files (templates, static/app/); they are served here because a service worker can only look after the pages
 * under its own folder, and it must look after the whole site (scope /), and because a manifest has its own type.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class InstallableApp {

    static final String MANIFEST_TYPE = "application/manifest+json";

    private static final Pattern STATIC_FILES = Pattern.compile("var STATIC_FILES = \\[([^\\]]*)\\];");
    private static final Pattern STATIC_ADDRESS = Pattern.compile("'(/static/[^'?]+)'");
    private static final String STATIC_CACHE = "'portal-static-v1'";

    private final byte[] manifest = read("static/app/manifest.webmanifest");
    private final byte[] worker;

    InstallableApp(StaticAssets assets) {
        this.worker = fingerprinted(new String(read("static/app/sw.js"), StandardCharsets.UTF_8), assets).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The worker with the addresses it keeps at install written as the pages link them, with their fingerprint
     * (StaticAssets, ADR 0043), and its cache named after them: a new build with a changed file is a new worker with a
     * new cache, and the old one is removed when it takes over.
     */
    static String fingerprinted(String source, StaticAssets assets) {
        Matcher list = STATIC_FILES.matcher(source);
        if (!list.find()) {
            throw new IllegalStateException("sw.js has no STATIC_FILES list");
        }
        Matcher address = STATIC_ADDRESS.matcher(list.group(1));
        StringBuilder addresses = new StringBuilder();
        while (address.find()) {
            address.appendReplacement(addresses, Matcher.quoteReplacement("'" + assets.address(address.group(1)) + "'"));
        }
        address.appendTail(addresses);
        String withAddresses = source.substring(0, list.start(1)) + addresses + source.substring(list.end(1));
        if (!withAddresses.contains(STATIC_CACHE)) {
            throw new IllegalStateException("sw.js has no " + STATIC_CACHE);
        }
        return withAddresses.replace(STATIC_CACHE, "'portal-static-" + sha256(addresses.toString()).substring(0, 12) + "'");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

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
