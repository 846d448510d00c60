package nl.bijstandsportaal.platform.i18n;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Hard words explained where they stand (issue 18, ADR 0051): in a citizen text, the first time a page uses a word of
 * the glossary it becomes a link to that word in {@code /woordenlijst}, carrying the explanation; the page's script
 * opens the explanation right under the word instead of leaving the page. Without script the link opens the glossary.
 * <p>
 * One instance per rendered page: it remembers which words the page has already explained. A word counts in its plain
 * form and with the endings of a Dutch plural or inflection (-s, -en, -e, -n): "kostendelers", "consulenten"; not as
 * part of a longer word ("bijstandsuitkering", "normaal"). The glossary's words are Dutch; translations that keep the
 * Dutch word ("bijstand (social assistance)") get the link too, with the explanation in the reader's language.
 */
public final class HardWords {

    /** Where the glossary page is; {@code #word} is one word's anchor. */
    public static final String GLOSSARY = "/woordenlijst";

    private static final Map<Set<String>, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern NONE = Pattern.compile("(?<word>(?!))");

    private final Map<String, String> glossary;
    private final Pattern words;
    private final Set<String> explained = new HashSet<>();

    /** @param glossary word to explanation, with case-insensitive keys (as {@link Messages#glossary} gives it) */
    public HardWords(Map<String, String> glossary) {
        this.glossary = glossary;
        this.words = PATTERNS.computeIfAbsent(Set.copyOf(glossary.keySet()), HardWords::patternOf);
    }

    /** The text as HTML: escaped, with the first use on this page of each glossary word marked. */
    public String mark(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder(text.length() + 64);
        int from = 0;
        Matcher matcher = words.matcher(text);
        while (matcher.find()) {
            String word = matcher.group("word");
            String key = keyOf(word);
            if (key == null || !explained.add(key.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            html.append(escape(text.substring(from, matcher.start())));
            html.append("<a class=\"utrecht-link utrecht-link--html-a portal-term\" href=\"").append(GLOSSARY).append('#').append(anchor(key))
                    .append("\" data-uitleg=\"").append(escape(glossary.get(key))).append("\">")
                    .append(escape(matcher.group())).append("</a>");
            from = matcher.end();
        }
        html.append(escape(text.substring(from)));
        return html.toString();
    }

    /** The glossary's own spelling of a word found in a text (the map's keys ignore case). */
    private String keyOf(String word) {
        for (String key : glossary.keySet()) {
            if (key.equalsIgnoreCase(word)) {
                return key;
            }
        }
        return null;
    }

    private static Pattern patternOf(Set<String> keys) {
        if (keys.isEmpty()) {
            return NONE;
        }
        String alternatives = keys.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\p{L}\\p{N}-])(?<word>" + alternatives + ")(?:s|en|e|n)?(?![\\p{L}\\p{N}-])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The anchor {@code id} the glossary page gives a word (its key; a space would be %20). */
    public static String anchor(String word) {
        return word.replace(" ", "%20");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
