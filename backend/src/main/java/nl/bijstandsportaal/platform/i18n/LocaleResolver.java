package nl.bijstandsportaal.platform.i18n;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/** The language of a request: the person's choice (cookie {@code lang}), then Accept-Language, then Dutch. */
@Singleton
public class LocaleResolver {

    public static final String COOKIE = "lang";

    public Locale resolve(HttpRequest<?> request) {
        Optional<String> chosen = request.getCookies().findCookie(COOKIE).map(Cookie::getValue);
        if (chosen.isPresent()) {
            return Messages.supported(Locale.forLanguageTag(chosen.get()));
        }
        String header = request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE);
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    Locale candidate = Locale.forLanguageTag(range.getRange());
                    for (Locale supported : Messages.SUPPORTED) {
                        if (supported.getLanguage().equals(candidate.getLanguage())) {
                            return supported;
                        }
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header falls back to Dutch
            }
        }
        return Messages.DUTCH;
    }
}
