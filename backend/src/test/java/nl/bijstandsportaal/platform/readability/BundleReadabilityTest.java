package nl.bijstandsportaal.platform.readability;

import nl.bijstandsportaal.platform.readability.Readability.HardWord;
import nl.bijstandsportaal.platform.readability.Readability.Reason;
import nl.bijstandsportaal.platform.readability.Readability.Result;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The readability gate (issue 18, ADR 0037): every citizen text in the Dutch bundle is measured, and the build fails
 * when one is worse than the limits in {@code readability/bundle-gate.properties}: a sentence that is too long, a
 * text of enough words with a Flesch-Douma score that is too low, a legal citation in a main text, or a hard word
 * that the glossary does not explain. The only exceptions are in {@code readability/bundle-gate-allow.txt}, each with
 * a reason. The figures per page go to {@code target/readability.md}; with {@code -Dreadability.report=<file>} also
 * there (docs/readability.md: see that file for the command).
 */
class BundleReadabilityTest {

    /** The checks a text can fail, as named in the allow-list. */
    enum Check { SENTENCE, SCORE, CITATION, HARDWORD }

    /** One thing wrong with one text. */
    record Finding(String key, Check check, String what, String text) {
        @Override
        public String toString() {
            return key + " [" + check.name().toLowerCase(Locale.ROOT) + "] " + what + "\n      " + text;
        }
    }

    /** The measure of one citizen text. */
    record Measured(String key, String text, Result result, boolean scored, int longSentences) {
    }

    private static final Properties LIMITS = properties("/readability/bundle-gate.properties");
    private static final int MAX_WORDS = intLimit("sentence.maxWords");
    private static final int ADVICE_WORDS = intLimit("sentence.adviceWords");
    private static final int SCORE_MIN_WORDS = intLimit("score.minWords");
    private static final int SCORE_MIN = intLimit("score.min");
    private static final int SCORE_ADVICE = intLimit("score.advice");
    private static final List<String> EMPLOYEE = list("employee.prefixes", ",");
    private static final List<String> SOURCE_PREFIXES = list("source.prefixes", ",");
    private static final List<String> SOURCE_SUFFIXES = list("source.suffixes", ",");
    private static final String PLACEHOLDER_WORD = LIMITS.getProperty("placeholder.word").strip();
    private static final List<Pattern> CITATIONS = list("citation.patterns", "|").stream()
            .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+(,[^}]*)?}");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private static final Properties DUTCH = properties("/i18n/messages_nl.properties");
    private static final Properties GLOSSARY_TEXTS = properties("/i18n/glossary_nl.properties");
    private static final String GLOSSARY_PAGE = "woordenlijst.";
    private static final Set<String> GLOSSARY = GLOSSARY_TEXTS.stringPropertyNames().stream()
            .map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    /** Measures sentences and score (long words only, no glossary words: those are the glossary's business). */
    private static final Readability MEASURE = new Readability(List.of());
    /** Finds the hard words of the list that have no glossary entry (explained in place is fine too). */
    private static final Readability UNEXPLAINED = new Readability(list("hard.words", ",").stream()
            .filter(w -> !GLOSSARY.contains(w.toLowerCase(Locale.ROOT))).toList());

    @Test
    void everyCitizenTextIsWithinTheLimits() throws IOException {
        Map<String, Set<Check>> allowed = allowList();
        List<Finding> findings = new ArrayList<>();
        List<Measured> measured = new ArrayList<>();
        for (var text : citizenTexts().entrySet()) {
            String key = text.getKey();
            String shown = shown(text.getValue());
            List<Finding> found = check(key, shown, measured);
            Set<Check> allowedChecks = allowed.getOrDefault(key, Set.of());
            found.stream().filter(f -> !allowedChecks.contains(f.check())).forEach(findings::add);
        }
        writeReport(measured, allowed);
        assertTrue(findings.isEmpty(), findings.size() + " citizen text(s) in messages_nl.properties break the "
                + "readability limits (readability/bundle-gate.properties; rewrite them in B1, or, only with a reason, "
                + "add them to readability/bundle-gate-allow.txt):\n  "
                + findings.stream().map(Finding::toString).collect(Collectors.joining("\n  ")));
    }

    /** An allow-list entry must still be needed, so the list does not grow stale. */
    @Test
    void everyAllowListEntryIsNeededAndHasAReason() throws IOException {
        Map<String, Set<Check>> allowed = allowList();
        List<String> stale = new ArrayList<>();
        Map<String, String> texts = citizenTexts();
        for (var entry : allowed.entrySet()) {
            String key = entry.getKey();
            if (!texts.containsKey(key)) {
                stale.add(key + ": no citizen text with this key");
                continue;
            }
            Set<Check> failing = check(key, shown(texts.get(key)), new ArrayList<>()).stream()
                    .map(Finding::check).collect(Collectors.toSet());
            entry.getValue().stream().filter(c -> !failing.contains(c)).forEach(c -> stale.add(key + " " + c + ": passes now"));
        }
        assertTrue(stale.isEmpty(), "remove from readability/bundle-gate-allow.txt: " + stale);
    }

    /** The fallback bundle is the Dutch one: the same keys with the same texts, so the gate measures what is shown. */
    @Test
    void theFallbackBundleIsTheDutchOne() {
        Map<String, String> fallback = toMap(properties("/i18n/messages.properties"));
        Map<String, String> dutch = toMap(DUTCH);
        List<String> differ = new TreeMap<>(dutch).keySet().stream()
                .filter(k -> !dutch.get(k).equals(fallback.get(k))).toList();
        assertEquals(List.of(), differ, "messages.properties must have the texts of messages_nl.properties");
        assertEquals(dutch.keySet(), fallback.keySet());
    }

    /** The gate itself: what counts as a citizen text, a citation, a placeholder. */
    @Test
    void theGateJudgesWhatItShould() {
        assertTrue(isCitizenText("income.intro"));
        assertTrue(!isCitizenText("consulent.home.title") && !isCitizenText("nav.consulent.home"));
        assertTrue(isSource("rule.norm.partners_aow") && isSource("regelingen.iit.grondslag"));
        assertEquals("Je krijgt dit op dit.", shown("Je krijgt {0} op {1,date,long}."));
        assertEquals("Dat is dit's zaak", shown("Dat is {0}''s zaak"), "'' is one ' in MessageFormat");
        assertEquals("Dat is Jan''s zaak", shown("Dat is Jan''s zaak"), "a text without arguments is shown as it is");
        List<Measured> none = new ArrayList<>();
        assertTrue(check("x.y", "Dat staat in de Participatiewet art. 21 sub a.", none).stream()
                .anyMatch(f -> f.check() == Check.CITATION));
        assertTrue(check("x.y", "Lees artikel 4 lid 2.", none).stream().anyMatch(f -> f.check() == Check.CITATION));
        assertTrue(check("x.y", "Je hebt een artikel nodig.", none).isEmpty(), "an article in a shop is no citation");
        String longOne = String.join(" ", java.util.Collections.nCopies(MAX_WORDS + 1, "woord")) + ".";
        assertTrue(check("x.y", longOne, none).stream().anyMatch(f -> f.check() == Check.SENTENCE));
    }

    // ---------- the checks ----------

    /**
     * Every citizen text by key: the Dutch bundle without the employee texts, and the glossary's explanations (shown
     * on /woordenlijst) as {@code woordenlijst.<word>}.
     */
    static Map<String, String> citizenTexts() {
        Map<String, String> texts = new TreeMap<>();
        toMap(DUTCH).forEach((key, text) -> {
            if (isCitizenText(key)) {
                texts.put(key, text);
            }
        });
        toMap(GLOSSARY_TEXTS).forEach((word, text) -> texts.put(GLOSSARY_PAGE + word, text));
        return texts;
    }

    static boolean isCitizenText(String key) {
        return EMPLOYEE.stream().noneMatch(key::startsWith);
    }

    static boolean isSource(String key) {
        return SOURCE_PREFIXES.stream().anyMatch(key::startsWith) || SOURCE_SUFFIXES.stream().anyMatch(key::endsWith);
    }

    /** The text as a citizen reads it: placeholders as a neutral word, '' as ' where MessageFormat reads it, no tags. */
    static String shown(String text) {
        String shown = text;
        if (PLACEHOLDER.matcher(shown).find()) {
            shown = PLACEHOLDER.matcher(shown).replaceAll(PLACEHOLDER_WORD).replace("''", "'");
        }
        return TAG.matcher(shown).replaceAll(" ").strip();
    }

    private static List<Finding> check(String key, String text, List<Measured> measured) {
        List<Finding> findings = new ArrayList<>();
        Result result = MEASURE.check(text);
        int advice = 0;
        for (var sentence : DutchSentences.split(text)) {
            int words = sentence.words().size();
            if (words > ADVICE_WORDS) {
                advice++;
            }
            if (words > MAX_WORDS) {
                findings.add(new Finding(key, Check.SENTENCE, "a sentence of " + words + " words (at most " + MAX_WORDS
                        + "): \"" + sentence.text(text) + "\"", text));
            }
        }
        boolean source = isSource(key);
        boolean scored = result.words() >= SCORE_MIN_WORDS && !source;
        if (scored && result.score() < SCORE_MIN) {
            findings.add(new Finding(key, Check.SCORE, "Flesch-Douma " + result.score() + " (at least " + SCORE_MIN
                    + "; " + result.words() + " words, " + result.averageSentenceLength() + " words a sentence, "
                    + result.syllables() + " syllables)", text));
        }
        if (!source) {
            for (Pattern citation : CITATIONS) {
                var m = citation.matcher(text);
                if (m.find()) {
                    findings.add(new Finding(key, Check.CITATION, "a legal citation (\"" + m.group()
                            + "\"): move the source behind \"Waar staat dit?\"", text));
                    break;
                }
            }
        }
        for (HardWord hard : source ? List.<HardWord>of() : UNEXPLAINED.check(text).hardWords()) {
            if (hard.reason() == Reason.GLOSSARY) {
                findings.add(new Finding(key, Check.HARDWORD, "the hard word \"" + hard.word() + "\" is not in the "
                        + "glossary (i18n/glossary_nl.properties) and not explained in the text", text));
            }
        }
        measured.add(new Measured(key, text, result, scored, advice));
        return findings;
    }

    // ---------- the report ----------

    private static void writeReport(List<Measured> measured, Map<String, Set<Check>> allowed) throws IOException {
        String report = report(measured, allowed);
        Path target = Path.of("target", "readability.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, report, StandardCharsets.UTF_8);
        String to = System.getProperty("readability.report");
        if (to != null && !to.isBlank()) {
            Files.writeString(Path.of(to), report, StandardCharsets.UTF_8);
        }
    }

    static String report(List<Measured> measured, Map<String, Set<Check>> allowed) {
        Map<String, List<Measured>> byPage = new TreeMap<>();
        for (Measured m : measured) {
            byPage.computeIfAbsent(page(m.key()), p -> new ArrayList<>()).add(m);
        }
        StringBuilder out = new StringBuilder();
        out.append("# Readability of the citizen texts\n\n")
                .append("Written by `BundleReadabilityTest` (ADR 0037) from `i18n/src/main/resources/i18n/messages_nl.properties`.\n")
                .append("Regenerate from the repository root (the test also fails when a text breaks a limit):\n\n")
                .append("```\n./mvnw -q -B test -pl backend -am -Dtest=BundleReadabilityTest -Dsurefire.failIfNoSpecifiedTests=false \\\n")
                .append("    -Dreadability.report=$PWD/docs/readability.md\n```\n\n")
                .append("## Limits (backend/src/test/resources/readability/bundle-gate.properties)\n\n")
                .append("| check | fails the build | advice (counted here) |\n|---|---|---|\n")
                .append("| sentence length | more than ").append(MAX_WORDS).append(" words | more than ")
                .append(ADVICE_WORDS).append(" words |\n")
                .append("| Flesch-Douma score, texts of ").append(SCORE_MIN_WORDS).append(" words or more | below ")
                .append(SCORE_MIN).append(" | below ").append(SCORE_ADVICE).append(" |\n")
                .append("| legal citation (art., artikel 4, lid 2, BWBR, Awb) outside the sources | any | |\n")
                .append("| hard word of the list without a glossary entry | any | |\n\n")
                .append("Placeholders ({0}) are read as \"").append(PLACEHOLDER_WORD).append("\". Employee texts (")
                .append(String.join(" ", EMPLOYEE)).append(") are not measured. The sources (")
                .append(String.join(" ", SOURCE_PREFIXES)).append(" and keys ending in ")
                .append(String.join(" ", SOURCE_SUFFIXES)).append(") are checked for sentence length only. ")
                .append("The glossary's explanations (i18n/glossary_nl.properties) are measured as page `woordenlijst`.\n\n");

        int texts = measured.size();
        int scoredTexts = (int) measured.stream().filter(Measured::scored).count();
        long words = measured.stream().mapToLong(m -> m.result().words()).sum();
        out.append("## All citizen texts\n\n")
                .append("- texts: ").append(texts).append(" (").append(words).append(" words)\n")
                .append("- texts with a score (").append(SCORE_MIN_WORDS).append(" words or more): ").append(scoredTexts)
                .append(", average Flesch-Douma ").append(average(measured)).append("\n")
                .append("- scored texts below the advice (").append(SCORE_ADVICE).append("): ")
                .append(measured.stream().filter(m -> m.scored() && m.result().score() < SCORE_ADVICE).count()).append("\n")
                .append("- sentences longer than ").append(ADVICE_WORDS).append(" words: ")
                .append(measured.stream().mapToInt(Measured::longSentences).sum()).append("\n")
                .append("- texts on the allow-list: ").append(allowed.size()).append("\n\n");

        out.append("## Per page (first part of the key)\n\n")
                .append("| page | texts | scored | average score | lowest score (key) | sentences > ").append(ADVICE_WORDS)
                .append(" words | longest sentence |\n|---|---:|---:|---:|---|---:|---:|\n");
        byPage.forEach((page, list) -> {
            Measured worst = list.stream().filter(Measured::scored)
                    .min(Comparator.comparingInt((Measured m) -> m.result().score())).orElse(null);
            int longest = list.stream().flatMap(m -> DutchSentences.split(m.text()).stream())
                    .mapToInt(s -> s.words().size()).max().orElse(0);
            out.append("| ").append(page).append(" | ").append(list.size()).append(" | ")
                    .append(list.stream().filter(Measured::scored).count()).append(" | ")
                    .append(worst == null ? "–" : average(list)).append(" | ")
                    .append(worst == null ? "–" : worst.result().score() + " (`" + worst.key() + "`)").append(" | ")
                    .append(list.stream().mapToInt(Measured::longSentences).sum()).append(" | ")
                    .append(longest).append(" |\n");
        });

        out.append("\n## The ten lowest scores\n\n| score | words | key |\n|---:|---:|---|\n");
        measured.stream().filter(Measured::scored).sorted(Comparator.comparingInt((Measured m) -> m.result().score()))
                .limit(10).forEach(m -> out.append("| ").append(m.result().score()).append(" | ")
                        .append(m.result().words()).append(" | `").append(m.key()).append("` |\n"));
        out.append("\n## Allowed exceptions (readability/bundle-gate-allow.txt)\n\n");
        if (allowed.isEmpty()) {
            out.append("None.\n");
        } else {
            allowed.forEach((key, checks) -> out.append("- `").append(key).append("`: ")
                    .append(checks.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).sorted()
                            .collect(Collectors.joining(", "))).append("\n"));
        }
        return out.toString();
    }

    private static String page(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    private static String average(List<Measured> list) {
        return String.format(Locale.ROOT, "%.0f",
                list.stream().filter(Measured::scored).mapToInt(m -> m.result().score()).average().orElse(0));
    }

    // ---------- reading the files ----------

    /** key -> the checks it may break, from bundle-gate-allow.txt; a line without a reason is an error. */
    static Map<String, Set<Check>> allowList() throws IOException {
        Map<String, Set<Check>> allowed = new TreeMap<>();
        try (InputStream in = BundleReadabilityTest.class.getResourceAsStream("/readability/bundle-gate-allow.txt")) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : all.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int hash = trimmed.indexOf('#');
                assertTrue(hash > 0 && !trimmed.substring(hash + 1).isBlank(), "no reason in: " + line);
                String[] parts = trimmed.substring(0, hash).strip().split("\\s+");
                assertEquals(2, parts.length, "key and check in: " + line);
                allowed.computeIfAbsent(parts[0], k -> new java.util.TreeSet<>())
                        .add(Check.valueOf(parts[1].toUpperCase(Locale.ROOT)));
            }
        }
        return allowed;
    }

    private static Properties properties(String resource) {
        Properties p = new Properties();
        try (InputStream in = BundleReadabilityTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("not on the class path: " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> map = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }

    private static int intLimit(String name) {
        return Integer.parseInt(LIMITS.getProperty(name).strip());
    }

    private static List<String> list(String name, String separator) {
        return Arrays.stream(LIMITS.getProperty(name).split(Pattern.quote(separator))).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
