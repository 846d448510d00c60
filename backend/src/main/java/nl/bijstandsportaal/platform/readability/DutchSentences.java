package nl.bijstandsportaal.platform.readability;

import nl.bijstandsportaal.platform.Pure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a Dutch text into sentences and words, as a reader sees them.
 * <ul>
 *   <li>A sentence ends at . ! ? or … followed by a space or the end of the text, and at every line break (a
 *       salutation, a list item or a line of an address is a sentence of its own).</li>
 *   <li>A full stop inside a word never ends a sentence: amounts and numbers ("€ 1.250,50", "12.50"), dates
 *       ("1.1.2027", "1-1-2027"), web addresses and e-mail addresses ("www.gemeente.nl", "info@gemeente.nl").</li>
 *   <li>Abbreviations do not end a sentence: titles (mr. dhr. mevr.), the usual ones (bijv. o.a. d.w.z. i.v.m.
 *       m.b.t. art. nr. ...), any letters-with-dots ("t.z.t."), initials ("J. de Vries") and month abbreviations
 *       ("1 jan. 2027"). "enz." and "etc." end one only when the next word starts with a capital.</li>
 *   <li>A number with a full stop at the start of a line is a list marker ("1. Stuur je loonstrook").</li>
 *   <li>A word is a piece between spaces with at least one letter or digit, without the punctuation around it:
 *       "€" and "–" alone are no words; "€25,00", "1-1-2027" and "DigiD-app" are one word each.</li>
 * </ul>
 */
@Pure
public final class DutchSentences {

    /** Abbreviations (lower case, without the last full stop) after which a sentence goes on. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mevr", "mw", "dhr", "hr", "drs", "dr", "ir", "ing", "prof", "ds",
            "bijv", "bv", "b.v", "o.a", "d.w.z", "m.b.t", "i.v.m", "t.a.v", "z.s.m", "i.p.v", "n.a.v", "m.i.v", "t.z.t",
            "c.q", "o.b.v", "a.s", "p.m", "ca", "incl", "excl", "max", "nr", "art", "blz", "pag", "tel", "zgn", "resp",
            "evt", "vgl", "vs", "z.o.z", "t.w", "i.o.m", "i.s.m");
    /** Month abbreviations, only in lower case ("1 jan. 2027"; "Jan." is a name). */
    private static final Set<String> MONTHS = Set.of("jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt",
            "nov", "dec");
    /** Abbreviations that often end a sentence: they end one when the next word starts with a capital. */
    private static final Set<String> MAY_END = Set.of("enz", "etc", "e.d", "e.a", "jl", "e.v");
    private static final Pattern DOTTED_LETTERS = Pattern.compile("(\\p{L}\\.)+\\p{L}");
    private static final Pattern LIST_NUMBER = Pattern.compile("\\d{1,3}");
    private static final String CLOSING = ")]}\"'\u201d\u2019\u00bb";

    private DutchSentences() {
    }

    /**
     * A piece of text between spaces: where it starts and ends, and its core (without the punctuation around it).
     * The core is empty when the piece has no letter or digit.
     */
    public record Token(String raw, int start, int end, int coreStart, int coreEnd, boolean lineBreakAfter) {

        public String core(String text) {
            return text.substring(coreStart, coreEnd);
        }

        public boolean isWord() {
            return coreEnd > coreStart;
        }

        /** A web or e-mail address or a path (/woordenlijst#norm): one word, not read letter by letter. */
        public boolean isAddress() {
            String lower = raw.toLowerCase(Locale.ROOT);
            String bare = lower.replaceFirst("^[(\\[<\"']+", "");
            return lower.contains("://") || bare.startsWith("www.") || bare.startsWith("/") && bare.length() > 1
                    || lower.indexOf('@') > 0 && lower.indexOf('.', lower.indexOf('@')) > 0;
        }
    }

    /** One sentence: where it is in the text, and its words in order. */
    public record Sentence(int start, int end, List<Token> words) {

        public Sentence {
            words = List.copyOf(words);
        }

        public String text(String fullText) {
            return fullText.substring(start, end);
        }
    }

    /** The sentences of {@code text} that have at least one word, in order; none for a blank text. */
    public static List<Sentence> split(String text) {
        List<Token> tokens = tokens(text == null ? "" : text);
        List<Sentence> sentences = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (start < 0) {
                start = token.start();
            }
            if (token.isWord()) {
                current.add(token);
            }
            boolean firstOnLine = i == 0 || tokens.get(i - 1).lineBreakAfter();
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (token.lineBreakAfter() || next == null || endsSentence(text, token, firstOnLine, next)) {
                if (!current.isEmpty()) {
                    sentences.add(new Sentence(start, token.end(), current));
                }
                current = new ArrayList<>();
                start = -1;
            }
        }
        return sentences;
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            int end = i;
            boolean lineBreak = false;
            while (i < n && isSpace(text.charAt(i))) {
                lineBreak |= isLineBreak(text.charAt(i));
                i++;
            }
            int coreStart = start;
            while (coreStart < end && !Character.isLetterOrDigit(text.charAt(coreStart))) {
                coreStart++;
            }
            int coreEnd = end;
            while (coreEnd > coreStart && !Character.isLetterOrDigit(text.charAt(coreEnd - 1))) {
                coreEnd--;
            }
            tokens.add(new Token(text.substring(start, end), start, end, coreStart, coreEnd, lineBreak));
        }
        return tokens;
    }

    private static boolean endsSentence(String text, Token token, boolean firstOnLine, Token next) {
        String raw = token.raw();
        int last = raw.length();
        while (last > 0 && CLOSING.indexOf(raw.charAt(last - 1)) >= 0) {
            last--;
        }
        if (last == 0) {
            return false;
        }
        char mark = raw.charAt(last - 1);
        if (mark == '!' || mark == '?' || mark == '\u2026') {
            return true;
        }
        if (mark != '.') {
            return false;
        }
        if (raw.substring(0, last).endsWith("..")) {
            return true; // "..." as a full stop
        }
        String core = token.core(text);
        String lower = core.toLowerCase(Locale.ROOT);
        if (token.coreEnd() != token.start() + last - 1) {
            return true; // something between the word and the full stop ("(zie bijlage).")
        }
        if (firstOnLine && LIST_NUMBER.matcher(core).matches()) {
            return false; // "1. Stuur je loonstrook"
        }
        if (ABBREVIATIONS.contains(lower) || MONTHS.contains(core)) {
            return false;
        }
        if (MAY_END.contains(lower)) {
            return next.isWord() && Character.isUpperCase(next.core(text).charAt(0));
        }
        if (DOTTED_LETTERS.matcher(core).matches()) {
            return false; // t.z.t., m.i.v.
        }
        return !(core.length() == 1 && Character.isUpperCase(core.charAt(0))); // an initial: "J. de Vries"
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0' || c == '\u202f';
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }
}
