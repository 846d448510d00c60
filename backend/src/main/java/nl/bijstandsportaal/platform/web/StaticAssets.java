package nl.bijstandsportaal.platform.web;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fingerprints of the static files (ADR 0043): pages link {@code /static/css/portal.css?v=1a2b3c4d5e6f} (the first
 * 12 hex digits of the file's SHA-256), and an answer to exactly that address may be kept by the browser for a year
 * without asking again ({@code immutable}, SecurityHeadersFilter). A new build with a changed file gives a new address,
 * so nobody keeps an old style or script. An address with an old or wrong fingerprint is still answered (with the
 * current file) but only with the short cache time, so a stale address never holds the new file for a year.
 */
@Singleton
public class StaticAssets {

    static final String PREFIX = "/static/";
    static final String PARAMETER = "v";

    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();

    /** The address with its fingerprint: {@code /static/js/portal.js} becomes {@code /static/js/portal.js?v=...}. */
    public String address(String path) {
        String fingerprint = fingerprint(path)
                .orElseThrow(() -> new IllegalArgumentException("no static file " + path));
        return path + "?" + PARAMETER + "=" + fingerprint;
    }

    /** True when the fingerprint is that of the file now served at this path. */
    public boolean current(String path, String fingerprint) {
        return fingerprint != null && fingerprint(path).map(fingerprint::equals).orElse(false);
    }

    Optional<String> fingerprint(String path) {
        if (!path.startsWith(PREFIX) || path.contains("..")) {
            return Optional.empty();
        }
        String known = fingerprints.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        // Only files that exist are remembered: any address can be asked for, and the map must not grow with them.
        Optional<String> computed = compute(path);
        computed.ifPresent(fingerprint -> fingerprints.put(path, fingerprint));
        return computed;
    }

    private static Optional<String> compute(String path) {
        String resource = "static/" + path.substring(PREFIX.length());
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[16384];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return Optional.of(HexFormat.of().formatHex(sha.digest()).substring(0, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
