package nl.bijstandsportaal.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * A path on this site to send a visitor back to ("terug", the page before login): only a relative path that starts
 * with one slash, without a scheme, host, backslash, space or control character. Anything else is not followed, so
 * no link or cookie can send a visitor to another site, or put a line break into a header or a log.
 */
public final class LocalPath {

    private LocalPath() {
    }

    public static Optional<String> of(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > 2000 || candidate.charAt(0) != '/'
                || candidate.startsWith("//") || candidate.startsWith("/\\")) {
            return Optional.empty();
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c <= ' ' || c == '\\' || c == 0x7f || Character.isISOControl(c) || Character.isWhitespace(c)) {
                return Optional.empty();
            }
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")) {
                return Optional.empty();
            }
            return Optional.of(candidate);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public static String orHome(String candidate) {
        return of(candidate).orElse("/");
    }
}
