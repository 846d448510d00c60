package nl.bijstandsportaal.platform.i18n;

import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts people read, from the bundles in the i18n module ({@code i18n/messages_nl.properties} is plain
 * Dutch at B1 level, {@code messages_en} English; Turkish, Arabic, Polish and Ukrainian hold every citizen text and
 * fall back to the Dutch base bundle for the employees' pages, ADR 0038). Never falls back to the JVM's default locale.
 */
@Singleton
public class Messages {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final Locale ENGLISH = Locale.forLanguageTag("en");
    public static final Locale TURKISH = Locale.forLanguageTag("tr");
    public static final Locale ARABIC = Locale.forLanguageTag("ar");
    public static final Locale POLISH = Locale.forLanguageTag("pl");
    public static final Locale UKRAINIAN = Locale.forLanguageTag("uk");
    /** In the order of the language menu: Dutch and English first, then the others. */
    public static final List<Locale> SUPPORTED = List.of(DUTCH, ENGLISH, TURKISH, ARABIC, POLISH, UKRAINIAN);

    /** Languages written from right to left (the page gets dir="rtl"). */
    public static boolean rightToLeft(Locale locale) {
        return "ar".equals(supported(locale).getLanguage());
    }

    /** Dates and numbers in Western digits in every language, as on the municipality's letters (Arabic too). */
    private static Locale forNumbers(Locale language) {
        return "ar".equals(language.getLanguage()) ? Locale.forLanguageTag("ar-u-nu-latn") : language;
    }

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
        // Parsing a pattern costs more than formatting with it: parsed once per language and key, and a copy used per
        // call (a MessageFormat is not thread-safe).
        Locale language = supported(locale);
        MessageFormat parsed = formats.computeIfAbsent(language, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new MessageFormat(pattern, forNumbers(language)));
        return ((MessageFormat) parsed.clone()).format(args);
    }

    private final Map<Locale, Map<String, MessageFormat>> formats = new ConcurrentHashMap<>();

    private final Map<Locale, Map<String, String>> glossaries = new ConcurrentHashMap<>();

    /** The glossary of hard words ({@code i18n/glossary_*.properties}): word to plain explanation, A to Z. */
    public Map<String, String> glossary(Locale locale) {
        return glossaries.computeIfAbsent(supported(locale), l -> {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.glossary", l, NO_FALLBACK);
            java.util.TreeMap<String, String> words = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            bundle.keySet().forEach(word -> words.put(word, bundle.getString(word)));
            return java.util.Collections.unmodifiableMap(words);
        });
    }

    /** A {@link Text} in this language: amounts as euros, dates written out, nested texts rendered too. */
    public String render(Locale locale, Text text) {
        Object[] args = text.args().stream().map(arg -> arg instanceof BigDecimal amount ? money(locale, amount) : format(locale, arg)).toArray();
        return get(locale, text.key(), args);
    }

    /**
     * For templates: dates and months written out; numbers stay numbers (a template's BigDecimal is any number, not
     * euros: templates format money with formatMoney).
     */
    public String getFormatted(Locale locale, String key, Object... args) {
        Object[] formatted = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            formatted[i] = args[i] instanceof Number ? args[i] : format(locale, args[i]);
        }
        return get(locale, key, formatted);
    }

    private Object format(Locale locale, Object arg) {
        if (arg instanceof BigDecimal amount) {
            return money(locale, amount);
        }
        if (arg instanceof LocalDate date) {
            return date(locale, date);
        }
        if (arg instanceof YearMonth month) {
            return MONTHS.computeIfAbsent(supported(locale), l -> DateTimeFormatter.ofPattern("MMMM yyyy", forNumbers(l))).format(month);
        }
        if (arg instanceof Text.Percent percent) {
            NumberFormat number = NumberFormat.getNumberInstance(forNumbers(supported(locale)));
            number.setMaximumFractionDigits(2);
            return number.format(percent.value());
        }
        if (arg instanceof Text nested) {
            return render(locale, nested);
        }
        return arg instanceof Number || arg instanceof String ? arg : String.valueOf(arg);
    }

    private static final Map<Locale, DateTimeFormatter> DATES = new ConcurrentHashMap<>();
    private static final Map<Locale, DateTimeFormatter> MONTHS = new ConcurrentHashMap<>();

    /** "3 maart 2026" / "3 March 2026". */
    public static String date(Locale locale, LocalDate date) {
        return DATES.computeIfAbsent(supported(locale), l -> DateTimeFormatter.ofPattern("d MMMM yyyy", forNumbers(l))).format(date);
    }

    private static final Map<Locale, NumberFormat> CURRENCY = new ConcurrentHashMap<>();

    /**
     * "€ 1.283,83", or "€ 1.200" for whole euros (a non-breaking space keeps the sign with the number) / "€1,283.83".
     * Every language but English writes amounts the Dutch way, as the municipality's letters and bank statements do.
     * NumberFormat is not thread-safe: made once per language, a copy per call (cheaper than making one).
     */
    public static String money(Locale locale, BigDecimal amount) {
        NumberFormat format = (NumberFormat) CURRENCY.computeIfAbsent(supported(locale), l -> NumberFormat.getCurrencyInstance(
                l.getLanguage().equals("en") ? Locale.forLanguageTag("en-IE") : Locale.forLanguageTag("nl-NL"))).clone();
        if (amount.signum() == 0 || amount.stripTrailingZeros().scale() <= 0) {
            format.setMinimumFractionDigits(0);
            format.setMaximumFractionDigits(0);
        }
        return format.format(amount);
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
