package nl.bijstandsportaal.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The message bundles and the glossary: Dutch and English say the same things, nothing is empty, the
 * {0}-style arguments match, apostrophes follow the MessageFormat rule, and every text a template or the
 * Java code asks for exists.
 */
class BundlesTest {

    private static final Path VIEWS = Path.of("..", "templates", "src", "main", "resources", "views");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private static final Pattern FTL_COMMENT = Pattern.compile("<#--.*?-->", Pattern.DOTALL);
    private static final Pattern MSG_CALL = Pattern.compile("\\bmsg\\(");
    private static final Pattern MSG_LITERAL = Pattern.compile("\\bmsg\\(\\s*\"([^\"]+)\"\\s*([,)])");

    /** Keys the Java code (problem+json answers, validation messages) looks up by name. */
    private static final List<String> PROBLEM_TYPES = List.of("validation", "bad-request", "unauthorized", "forbidden",
            "not-found", "method-not-allowed", "unsupported-media-type", "not-acceptable", "idempotency-key-reused", "conflict",
            "invalid-grant", "invalid-client", "internal", "unavailable");
    private static final List<String> VALIDATION_KEYS = List.of("validation.NotBlank", "validation.NotNull",
            "validation.Size", "validation.Pattern", "validation.Unreadable");

    /** The hard words of the glossary. */
    private static final List<String> GLOSSARY_WORDS = List.of("bijstand", "consulent", "kostendeler", "leefvorm",
            "DigiD", "inlichtingenplicht", "vakantietoeslag", "norm", "verrekenen", "ontheffing", "terugvordering",
            "hersteltermijn", "bezwaar", "minimaregeling");

    private final Properties base = load("i18n/messages.properties");
    private final Properties nl = load("i18n/messages_nl.properties");
    private final Properties en = load("i18n/messages_en.properties");
    private final Properties glossaryNl = load("i18n/glossary_nl.properties");
    private final Properties glossaryEn = load("i18n/glossary_en.properties");

    @Test
    void dutchAndEnglishHaveTheSameKeys() {
        assertSameKeys("messages_nl", nl, "messages_en", en);
    }

    @Test
    void baseBundleIsTheDutchOne() {
        assertSameKeys("messages_nl", nl, "messages", base);
        List<String> different = nl.stringPropertyNames().stream()
                .filter(key -> !nl.getProperty(key).equals(base.getProperty(key)))
                .sorted().toList();
        assertTrue(different.isEmpty(), "messages.properties must be a copy of messages_nl.properties; differs at " + different);
    }

    @Test
    void noTextIsBlank() {
        for (var bundle : Map.of("messages", base, "messages_nl", nl, "messages_en", en,
                "glossary_nl", glossaryNl, "glossary_en", glossaryEn).entrySet()) {
            List<String> blank = bundle.getValue().stringPropertyNames().stream()
                    .filter(key -> bundle.getValue().getProperty(key).isBlank())
                    .sorted().toList();
            assertTrue(blank.isEmpty(), bundle.getKey() + " has empty texts: " + blank);
        }
    }

    @Test
    void noKeyIsWrittenTwice() {
        for (String file : List.of("messages", "messages_nl", "messages_en", "glossary_nl", "glossary_en")) {
            List<String> keys = new ArrayList<>();
            for (String line : text("i18n/" + file + ".properties").split("\\R")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                    continue;
                }
                int separator = trimmed.indexOf('=');
                keys.add((separator < 0 ? trimmed : trimmed.substring(0, separator)).strip());
            }
            Set<String> seen = new HashSet<>();
            List<String> twice = keys.stream().filter(key -> !seen.add(key)).toList();
            assertTrue(twice.isEmpty(), file + ".properties has keys more than once: " + twice);
        }
    }

    /**
     * The further languages (ADR 0038) hold every citizen text and nothing else: the employees' pages stay Dutch (the
     * base bundle answers for them). Same arguments as Dutch, no blank text, the glossary complete. A language whose
     * file is not there yet is skipped; once there, it must be whole.
     */
    @Test
    void theFurtherLanguagesHaveEveryCitizenText() {
        List<String> employeeOnly = List.of("consulent.", "beheer.", "timeline.", "worklist.", "demo.", "nav.consulent.", "nav.beheer.",
                "login.employee.", "aanvraag.decide.");
        for (String language : FURTHER_LANGUAGES) {
            if (getClass().getClassLoader().getResource("i18n/messages_" + language + ".properties") == null) {
                continue;
            }
            Properties bundle = load("i18n/messages_" + language + ".properties");
            Set<String> citizen = new TreeSet<>();
            nl.stringPropertyNames().stream().filter(key -> employeeOnly.stream().noneMatch(key::startsWith)).forEach(citizen::add);
            Set<String> missing = new TreeSet<>(citizen);
            missing.removeAll(bundle.stringPropertyNames());
            Set<String> extra = new TreeSet<>(bundle.stringPropertyNames());
            extra.removeAll(citizen);
            assertTrue(missing.isEmpty(), "messages_" + language + " misses citizen texts: " + missing);
            assertTrue(extra.isEmpty(), "messages_" + language + " has keys that are not citizen texts of messages_nl: " + extra);
            Map<String, String> wrong = new TreeMap<>();
            for (String key : bundle.stringPropertyNames()) {
                if (bundle.getProperty(key).isBlank()) {
                    wrong.put(key, "blank");
                } else if (!placeholders(bundle.getProperty(key)).equals(placeholders(nl.getProperty(key)))) {
                    wrong.put(key, "arguments " + placeholders(bundle.getProperty(key)) + " instead of " + placeholders(nl.getProperty(key)));
                }
            }
            assertTrue(wrong.isEmpty(), "messages_" + language + ": " + wrong);
            Properties glossary = load("i18n/glossary_" + language + ".properties");
            assertEquals(new TreeSet<>(glossaryNl.stringPropertyNames()), new TreeSet<>(glossary.stringPropertyNames()),
                    "glossary_" + language + " explains the same words");
        }
    }

    /** Languages besides Dutch and English (platform.i18n.Messages.SUPPORTED). */
    static final List<String> FURTHER_LANGUAGES = List.of("tr", "ar", "pl", "uk");

    @Test
    void argumentsAreTheSameInDutchAndEnglish() {
        Map<String, String> mismatches = new TreeMap<>();
        for (String key : nl.stringPropertyNames()) {
            if (!en.containsKey(key)) {
                continue; // reported by dutchAndEnglishHaveTheSameKeys
            }
            Set<String> nlArgs = placeholders(nl.getProperty(key));
            Set<String> enArgs = placeholders(en.getProperty(key));
            if (!nlArgs.equals(enArgs)) {
                mismatches.put(key, "nl " + nlArgs + ", en " + enArgs);
            }
        }
        assertTrue(mismatches.isEmpty(), "arguments differ between nl and en: " + mismatches);
    }

    /**
     * A text with arguments goes through MessageFormat, where a single ' starts a quote: it must be written ''.
     * A text without arguments is shown as it is, so '' would show twice.
     */
    @Test
    void apostrophesFollowTheMessageFormatRule() {
        List<String> wrong = new ArrayList<>();
        for (var bundle : Map.of("nl", nl, "en", en).entrySet()) {
            for (String key : bundle.getValue().stringPropertyNames()) {
                String value = bundle.getValue().getProperty(key);
                boolean hasArguments = !placeholders(value).isEmpty();
                if (hasArguments) {
                    if (value.replace("''", "").contains("'")) {
                        wrong.add(bundle.getKey() + ": " + key + " (has {0}-arguments: write '' for an apostrophe)");
                    }
                    try {
                        new MessageFormat(value, Locale.forLanguageTag(bundle.getKey()));
                    } catch (IllegalArgumentException e) {
                        wrong.add(bundle.getKey() + ": " + key + " (not a valid MessageFormat: " + e.getMessage() + ")");
                    }
                } else if (value.contains("''")) {
                    wrong.add(bundle.getKey() + ": " + key + " (no arguments: write a single ')");
                }
            }
        }
        assertTrue(wrong.isEmpty(), "apostrophes: " + wrong);
    }

    @Test
    void keysThatTheJavaCodeUsesExist() {
        List<String> needed = new ArrayList<>(VALIDATION_KEYS);
        for (String type : PROBLEM_TYPES) {
            needed.add("problem." + type + ".title");
            needed.add("problem." + type + ".detail");
        }
        needed.add("problem.bad-request.unreadable");
        for (var bundle : Map.of("messages", base, "messages_nl", nl, "messages_en", en).entrySet()) {
            List<String> missing = needed.stream().filter(key -> !bundle.getValue().containsKey(key)).toList();
            assertTrue(missing.isEmpty(), bundle.getKey() + " misses keys the Java code uses: " + missing);
        }
        // validation.* texts name the field ({0}); problem.* texts are shown without arguments.
        for (String key : VALIDATION_KEYS) {
            assertEquals(Set.of("0"), placeholders(nl.getProperty(key)), key + " must name the field with {0}");
        }
        List<String> problemsWithArguments = nl.stringPropertyNames().stream()
                .filter(key -> key.startsWith("problem.") && !placeholders(nl.getProperty(key)).isEmpty())
                .sorted().toList();
        assertTrue(problemsWithArguments.isEmpty(), "problem.* texts get no arguments: " + problemsWithArguments);
    }

    @Test
    void everyKeyInTheTemplatesExists() throws IOException {
        assertTrue(Files.isDirectory(VIEWS), "The templates are not where this test looks for them: "
                + VIEWS.toAbsolutePath().normalize() + " (the test runs in the i18n module and reads ../templates)");
        List<Path> templates;
        try (Stream<Path> files = Files.walk(VIEWS)) {
            templates = files.filter(p -> p.toString().endsWith(".ftlh")).sorted().toList();
        }
        assertTrue(!templates.isEmpty(), "no .ftlh templates found under " + VIEWS.toAbsolutePath().normalize());

        Set<String> missing = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Path template : templates) {
            String source = FTL_COMMENT.matcher(Files.readString(template, StandardCharsets.UTF_8)).replaceAll("");
            String name = VIEWS.relativize(template).toString();
            int calls = count(MSG_CALL.matcher(source));
            Matcher literal = MSG_LITERAL.matcher(source);
            int literals = 0;
            while (literal.find()) {
                literals++;
                String key = literal.group(1);
                boolean withArguments = literal.group(2).equals(",");
                for (var bundle : Map.of("nl", nl, "en", en).entrySet()) {
                    String value = bundle.getValue().getProperty(key);
                    if (value == null) {
                        missing.add(key + " (" + name + ", " + bundle.getKey() + ")");
                    } else if (withArguments && placeholders(value).isEmpty()) {
                        problems.add(name + ": " + key + " is given arguments, but its " + bundle.getKey() + " text has no {0}");
                    } else if (!withArguments && !placeholders(value).isEmpty()) {
                        problems.add(name + ": " + key + " has {0} in " + bundle.getKey() + ", but the template gives no arguments");
                    }
                }
            }
            if (calls != literals) {
                problems.add(name + ": every msg(...) must name its key in full, as a \"literal\", so this test can check it");
            }
        }
        if (!missing.isEmpty()) {
            problems.add(0, "keys used in templates but missing from the bundles: " + missing);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void glossaryExplainsEveryHardWordInBothLanguages() {
        assertSameKeys("glossary_nl", glossaryNl, "glossary_en", glossaryEn);
        List<String> missing = GLOSSARY_WORDS.stream().filter(word -> !glossaryNl.containsKey(word)).toList();
        assertTrue(missing.isEmpty(), "glossary_nl misses " + missing);
    }

    private static void assertSameKeys(String leftName, Properties left, String rightName, Properties right) {
        Set<String> onlyLeft = new TreeSet<>(left.stringPropertyNames());
        onlyLeft.removeAll(right.stringPropertyNames());
        Set<String> onlyRight = new TreeSet<>(right.stringPropertyNames());
        onlyRight.removeAll(left.stringPropertyNames());
        if (!onlyLeft.isEmpty() || !onlyRight.isEmpty()) {
            fail("keys differ: only in " + leftName + ": " + onlyLeft + "; only in " + rightName + ": " + onlyRight);
        }
    }

    private static Set<String> placeholders(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        Set<String> found = new TreeSet<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static int count(Matcher matcher) {
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(open(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        return properties;
    }

    private static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = BundlesTest.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the classpath");
        }
        return in;
    }
}
