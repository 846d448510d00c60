package nl.bijstandsportaal.platform.i18n;

import jakarta.inject.Singleton;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts people read, from the bundles in the i18n module ({@code i18n/messages_nl.properties} is plain
 * Dutch at B1 level, {@code messages_en} English). Never falls back to the JVM's default locale.
 */
@Singleton
public class Messages {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final Locale ENGLISH = Locale.forLanguageTag("en");
    public static final List<Locale> SUPPORTED = List.of(DUTCH, ENGLISH);

    private static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** Looked up once per language: ResourceBundle's own cache costs a lookup object on every call. */
    private final Map<Locale, ResourceBundle> bundles = new ConcurrentHashMap<>();

    public ResourceBundle bundle(Locale locale) {
        return bundles.computeIfAbsent(supported(locale), l -> ResourceBundle.getBundle(BUNDLE, l, NO_FALLBACK));
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in; the key itself when missing. */
    public String get(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args == null || args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, supported(locale)).format(args);
    }

    public static Locale supported(Locale requested) {
        if (requested != null) {
            for (Locale locale : SUPPORTED) {
                if (locale.getLanguage().equals(requested.getLanguage())) {
                    return locale;
                }
            }
        }
        return DUTCH;
    }
}
