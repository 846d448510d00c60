package nl.bijstandsportaal.platform.readability;

import nl.bijstandsportaal.platform.readability.DutchSentences.Sentence;
import nl.bijstandsportaal.platform.readability.DutchSentences.Token;
import nl.bijstandsportaal.platform.Pure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How easy a text that a consulent writes to a citizen (a message, the reason in a decision letter) is to read:
 * the Flesch-Douma score with a verdict in words, the sentences that are too long and the words a citizen may not
 * know. Only advice: the consulent can always send. Dutch texts only (Flesch-Douma is made for Dutch).
 *
 * <p>Flesch-Douma (W.H. Douma, 1960, Flesch's Reading Ease adapted to Dutch word and sentence lengths):
 * {@code 206.835 - 0.93 × (words / sentences) - 77 × (syllables / words)}, rounded and kept between 0 and 100.
 * Sentences and words as {@link DutchSentences} splits them; syllables as {@link DutchSyllables} counts them, and one
 * for a number, amount, date or code ("€ 25,00", "1-1-2027", "A0000123") or a web address, which are read at a
 * glance.
 *
 * <p>Hard words are the glossary's words (the caller passes them: {@link ReadabilityCheck} takes the keys of
 * {@code i18n/glossary_nl.properties}) used without an explanation nearby, and very long words. A glossary word
 * counts as explained when, anywhere in the text, one use of it has
 * <ul>
 *   <li>"(", ":" or a dash within the next three words ("kostendeler (iemand van 27 jaar of ouder ...)");</li>
 *   <li>later in the same sentence ", dat is", ", dit is", "dat betekent", "dit betekent", "dat wil zeggen",
 *       "d.w.z.", "oftewel", "ofwel", "met andere woorden", "dat houdt in" or "wat betekent";</li>
 *   <li>right after it "is iemand", "is een", "zijn mensen" or "betekent" ("Een kostendeler is iemand die ...");</li>
 *   <li>earlier in the same sentence "dat heet", "dit heet", "heet dat", "noemen we" ("Dat heet verrekenen.");</li>
 *   <li>a next sentence that starts with "Dit betekent", "Dat betekent", "Dat wil zeggen", "Dat is", "Dit is",
 *       "Dat zijn", "Daarmee bedoelen we", "Hiermee bedoelen we" or "Met andere woorden";</li>
 * </ul>
 * or when the text links the glossary: {@code /woordenlijst#kostendeler} explains that word, {@code /woordenlijst}
 * without an anchor explains them all. A glossary word is found in its usual forms (kostendelers, normen, bezwaren,
 * verrekend, verrekening, DigiD-app) and, for words of 6 letters or more, at the start of a compound
 * (bijstandsuitkering, kostendelersnorm).
 */
@Pure
public final class Readability {

    /** Flesch-Douma: the constant, the weight of the average sentence length, the weight of syllables per word. */
    public static final double DOUMA_BASE = 206.835;
    public static final double DOUMA_SENTENCE_WEIGHT = 0.93;
    public static final double DOUMA_SYLLABLE_WEIGHT = 77.0;

    /*
     * The bands follow Douma's own table of scores (as published with the formula, e.g. Onze Taal 1977 on DBNL):
     * 0-30 zeer moeilijk, 30-45 moeilijk, 45-60 tamelijk moeilijk, 60-70 normaal, 70-80 tamelijk gemakkelijk,
     * 80-90 gemakkelijk, 90-100 zeer gemakkelijk. "Normaal" and easier is what a text for everyone should reach, and
     * is the nearest the score comes to B1; "tamelijk moeilijk" is the band in between; below 45 is hard.
     */
    /** From this score (rounded) a text is easy to read: Douma's "normaal" (60-70) or easier. */
    public static final int EASY_FROM = 60;
    /** From this score up to {@link #EASY_FROM} a text is fairly hard: Douma's "tamelijk moeilijk" (45-60). */
    public static final int FAIRLY_HARD_FROM = 45;
    /** Below this many words a score says little (the formula was made for samples of 100 words): no verdict. */
    public static final int MIN_WORDS_FOR_SCORE = 10;
    /** A sentence with more words than this is long (B1 writing guidance: at most 15 to 20 words a sentence). */
    public static final int LONG_SENTENCE_WORDS = 20;
    /** A word with more letters than this is possibly hard (long Dutch compounds: "bijstandsuitkering"). */
    public static final int LONG_WORD_LETTERS = 16;
    /** How many words of a long sentence point at it. */
    public static final int SENTENCE_START_WORDS = 6;
    /** The portal's glossary page; {@code /woordenlijst#word} is the anchor of one word. */
    public static final String GLOSSARY_PATH = "/woordenlijst";

    /** The verdict, in bands a consulent understands. */
    public enum Band {
        /** No words at all (empty, spaces, only punctuation). */
        NO_TEXT,
        /** Fewer than {@link #MIN_WORDS_FOR_SCORE} words: a score is computed, but not judged. */
        TOO_SHORT,
        /** {@link #EASY_FROM} or more. */
        EASY,
        /** From {@link #FAIRLY_HARD_FROM} up to {@link #EASY_FROM}. */
        FAIRLY_HARD,
        /** Below {@link #FAIRLY_HARD_FROM}. */
        HARD
    }

    /** A sentence of more than {@link #LONG_SENTENCE_WORDS} words: its number (from 1), its length and first words. */
    public record LongSentence(int number, int words, String start) {
    }

    /** Why a word may be hard. */
    public enum Reason {
        /** A word from the glossary, used without an explanation nearby. */
        GLOSSARY,
        /** More than {@link #LONG_WORD_LETTERS} letters. */
        LONG_WORD
    }

    /**
     * A word that may be hard, as first written in the text. glossaryTerm: the glossary's word (the anchor on
     * {@code /woordenlijst}) when the reason is GLOSSARY, else null. letters: its number of letters. sentence: the
     * number (from 1) of the sentence where it first appears.
     */
    public record HardWord(String word, Reason reason, String glossaryTerm, int letters, int sentence) {
    }

    /**
     * The check of one text. score: Flesch-Douma rounded, 0 to 100 (0 for NO_TEXT); averageSentenceLength: words per
     * sentence, one decimal. The lists are in the order of the text.
     */
    public record Result(int score, Band band, int sentences, int words, int syllables, double averageSentenceLength,
                         List<LongSentence> longSentences, List<HardWord> hardWords) {

        public Result {
            longSentences = List.copyOf(longSentences);
            hardWords = List.copyOf(hardWords);
        }

        /** Whether there is anything to improve: a fairly hard or hard score, a long sentence or a hard word. */
        public boolean hasAdvice() {
            return band == Band.FAIRLY_HARD || band == Band.HARD || !longSentences.isEmpty() || !hardWords.isEmpty();
        }
    }

    private static final Result NOTHING = new Result(0, Band.NO_TEXT, 0, 0, 0, 0, List.of(), List.of());

    private static final List<String> EXPLAINED_AFTER = List.of(", dat is", ", dit is", "dat betekent", "dit betekent",
            "dat wil zeggen", "d.w.z.", "oftewel", "ofwel", "met andere woorden", "dat houdt in", "dit houdt in",
            "wat betekent");
    private static final List<String> DEFINED_RIGHT_AFTER = List.of("is iemand", "is een", "zijn mensen", "betekent");
    private static final List<String> EXPLAINED_BEFORE = List.of("dat heet", "dit heet", "heet dat", "heet dit",
            "noemen we");
    private static final List<String> EXPLAINING_NEXT_SENTENCE = List.of("dit betekent", "dat betekent", "dat wil zeggen",
            "dat is", "dit is", "dat zijn", "dit zijn", "daarmee bedoelen we", "hiermee bedoelen we", "met andere woorden");
    private static final String NEAR_MARKS = "(:\u2013\u2014";
    private static final int NEAR_WORDS = 3;
    private static final int COMPOUND_HEAD_MIN = 6;
    private static final int COMPOUND_REST_MIN = 4;

    /** A glossary word: its key, its words in lower case, the forms its last word may take. */
    private record Term(String key, List<String> words, Set<String> lastForms) {
    }

    private final List<Term> terms;

    /** With the hard words of the glossary (one or more words each, any case); none: only long words are hard. */
    public Readability(Collection<String> glossaryTerms) {
        List<Term> list = new ArrayList<>();
        for (String key : glossaryTerms) {
            List<String> words = List.of(key.strip().toLowerCase(Locale.ROOT).split("\\s+"));
            if (!words.get(0).isEmpty()) {
                list.add(new Term(key.strip(), words, forms(words.get(words.size() - 1))));
            }
        }
        list.sort(Comparator.comparingInt((Term t) -> -t.words().size()).thenComparing(Term::key));
        this.terms = List.copyOf(list);
    }

    /** The band of a rounded score of a text of {@code words} words. */
    public static Band band(int score, int words) {
        if (words == 0) {
            return Band.NO_TEXT;
        }
        if (words < MIN_WORDS_FOR_SCORE) {
            return Band.TOO_SHORT;
        }
        return score >= EASY_FROM ? Band.EASY : score >= FAIRLY_HARD_FROM ? Band.FAIRLY_HARD : Band.HARD;
    }

    /** Checks {@code text}; null, empty or blank gives a result with band NO_TEXT. */
    public Result check(String text) {
        String source = text == null ? "" : text;
        List<Sentence> sentences = DutchSentences.split(source);
        int words = sentences.stream().mapToInt(s -> s.words().size()).sum();
        if (words == 0) {
            return NOTHING;
        }
        int syllables = 0;
        List<LongSentence> longSentences = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            List<Token> sentenceWords = sentences.get(i).words();
            for (Token word : sentenceWords) {
                syllables += syllables(source, word);
            }
            if (sentenceWords.size() > LONG_SENTENCE_WORDS) {
                Token last = sentenceWords.get(SENTENCE_START_WORDS - 1);
                longSentences.add(new LongSentence(i + 1, sentenceWords.size(),
                        source.substring(sentences.get(i).start(), last.end()).replaceAll("\\s+", " ")));
            }
        }
        double wordsPerSentence = (double) words / sentences.size();
        double raw = DOUMA_BASE - DOUMA_SENTENCE_WEIGHT * wordsPerSentence - DOUMA_SYLLABLE_WEIGHT * syllables / words;
        int score = (int) Math.max(0, Math.min(100, Math.round(raw)));
        return new Result(score, band(score, words), sentences.size(), words, syllables,
                Math.round(wordsPerSentence * 10) / 10.0, longSentences, hardWords(source, sentences));
    }

    private static int syllables(String text, Token word) {
        String core = word.core(text);
        if (word.isAddress() || core.chars().anyMatch(Character::isDigit)) {
            return 1;
        }
        return Math.max(1, DutchSyllables.count(core));
    }

    /** A hard word found at a place in the text, to put the list in the order of the text. */
    private record Found(int at, HardWord word) {
    }

    private List<HardWord> hardWords(String text, List<Sentence> sentences) {
        Set<String> linked = new HashSet<>();
        boolean wholeGlossaryLinked = false;
        for (Sentence sentence : sentences) {
            for (Token word : sentence.words()) {
                String raw = word.raw().toLowerCase(Locale.ROOT);
                int path = raw.indexOf(GLOSSARY_PATH);
                if (word.isAddress() && path >= 0) {
                    int anchor = raw.indexOf('#', path);
                    if (anchor < 0) {
                        wholeGlossaryLinked = true;
                    } else {
                        linked.add(raw.substring(anchor + 1).replaceAll("[^\\p{L}\\p{N}_-].*$", ""));
                    }
                }
            }
        }

        Map<String, Found> unexplained = new LinkedHashMap<>();
        Set<String> explained = new HashSet<>();
        Set<String> glossaryWords = new HashSet<>();
        for (int s = 0; s < sentences.size(); s++) {
            List<Token> words = sentences.get(s).words();
            for (int i = 0; i < words.size(); i++) {
                Term term = termAt(text, words, i);
                if (term == null) {
                    continue;
                }
                Token first = words.get(i);
                Token last = words.get(i + term.words().size() - 1);
                String written = text.substring(first.coreStart(), last.coreEnd());
                glossaryWords.add(written.toLowerCase(Locale.ROOT));
                String key = term.key().toLowerCase(Locale.ROOT);
                if (wholeGlossaryLinked || linked.contains(key)
                        || isExplained(text, sentences, s, i, i + term.words().size() - 1)) {
                    explained.add(key);
                } else if (!unexplained.containsKey(key)) {
                    unexplained.put(key, new Found(first.coreStart(),
                            new HardWord(written, Reason.GLOSSARY, term.key(), letters(written), s + 1)));
                }
                i += term.words().size() - 1;
            }
        }

        List<Found> found = new ArrayList<>();
        unexplained.forEach((key, hard) -> {
            if (!explained.contains(key)) {
                found.add(hard);
            }
        });
        Set<String> longSeen = new HashSet<>();
        for (int s = 0; s < sentences.size(); s++) {
            for (Token word : sentences.get(s).words()) {
                String core = word.core(text);
                if (word.isAddress() || core.chars().anyMatch(Character::isDigit)) {
                    continue;
                }
                int offset = 0;
                for (String part : core.split("[^\\p{L}'\u2019]+")) {
                    int letters = letters(part);
                    String lower = part.toLowerCase(Locale.ROOT);
                    if (letters > LONG_WORD_LETTERS && !glossaryWords.contains(lower) && longSeen.add(lower)) {
                        found.add(new Found(word.coreStart() + core.indexOf(part, offset),
                                new HardWord(part, Reason.LONG_WORD, null, letters, s + 1)));
                    }
                    offset += part.length();
                }
            }
        }
        found.sort(Comparator.comparingInt(Found::at));
        return found.stream().map(Found::word).toList();
    }

    /** The glossary word that starts at words[i], the longest first; null when none. */
    private Term termAt(String text, List<Token> words, int i) {
        for (Term term : terms) {
            int n = term.words().size();
            if (i + n > words.size()) {
                continue;
            }
            boolean matches = true;
            for (int k = 0; k < n && matches; k++) {
                Token token = words.get(i + k);
                if (token.isAddress()) {
                    matches = false;
                } else if (k < n - 1) {
                    matches = token.core(text).toLowerCase(Locale.ROOT).equals(term.words().get(k));
                } else {
                    matches = lastWordMatches(term, token.core(text).toLowerCase(Locale.ROOT), n == 1);
                }
            }
            if (matches) {
                return term;
            }
        }
        return null;
    }

    private static boolean lastWordMatches(Term term, String word, boolean singleWord) {
        if (term.lastForms().contains(word)) {
            return true;
        }
        String stem = term.words().get(term.words().size() - 1);
        for (String part : word.split("[-/]")) {
            if (term.lastForms().contains(part)) {
                return true;
            }
            if (singleWord && stem.length() >= COMPOUND_HEAD_MIN && part.startsWith(stem)
                    && part.length() - stem.length() >= COMPOUND_REST_MIN) {
                return true; // bijstandsuitkering, kostendelersnorm
            }
        }
        return false;
    }

    /** The forms a Dutch noun or verb takes in a text: plural, with -e, the verb's stem forms and -ing. */
    static Set<String> forms(String word) {
        Set<String> forms = new HashSet<>();
        forms.add(word);
        forms.add(word + "s");
        forms.add(word + "'s");
        if (word.endsWith("e")) {
            forms.add(word + "n");
        } else {
            forms.add(word + "en");
            forms.add(word + "e");
        }
        int n = word.length();
        if (n >= 4 && isConsonant(word.charAt(n - 1)) && word.charAt(n - 2) == word.charAt(n - 3)
                && "aeou".indexOf(word.charAt(n - 2)) >= 0 && isConsonant(word.charAt(n - 4))) {
            String shortened = word.substring(0, n - 2) + word.charAt(n - 1);
            forms.add(shortened + "en"); // bezwaar: bezwaren
            forms.add(shortened + "e");
        }
        if (n >= 3 && isConsonant(word.charAt(n - 1)) && "aeiou".indexOf(word.charAt(n - 2)) >= 0
                && isConsonant(word.charAt(n - 3)) && "wxy".indexOf(word.charAt(n - 1)) < 0) {
            forms.add(word + word.charAt(n - 1) + "en"); // les: lessen
        }
        if (n >= 6 && word.endsWith("en")) {
            String stem = word.substring(0, n - 2);
            for (String ending : List.of("", "t", "d", "de", "den", "te", "ten", "ing", "ingen")) {
                forms.add(stem + ending); // verrekenen: verrekent, verrekend, verrekening
            }
        }
        return forms;
    }

    private static boolean isConsonant(char c) {
        return Character.isLetter(c) && "aeiouy".indexOf(c) < 0;
    }

    private static boolean isExplained(String text, List<Sentence> sentences, int s, int first, int last) {
        Sentence sentence = sentences.get(s);
        List<Token> words = sentence.words();
        int termStart = words.get(first).coreStart();
        int termEnd = words.get(last).coreEnd();
        String before = text.substring(sentence.start(), termStart).toLowerCase(Locale.ROOT);
        String after = text.substring(termEnd, sentence.end()).toLowerCase(Locale.ROOT);
        int nearEnd = last + NEAR_WORDS < words.size() ? words.get(last + NEAR_WORDS).end() : sentence.end();
        String near = text.substring(termEnd, nearEnd);
        for (char mark : NEAR_MARKS.toCharArray()) {
            if (near.indexOf(mark) >= 0) {
                return true;
            }
        }
        if (near.contains(" - ")) {
            return true;
        }
        String rightAfter = after.strip();
        if (DEFINED_RIGHT_AFTER.stream().anyMatch(rightAfter::startsWith)
                || EXPLAINED_AFTER.stream().anyMatch(after::contains)
                || EXPLAINED_BEFORE.stream().anyMatch(before::contains)) {
            return true;
        }
        if (s + 1 < sentences.size()) {
            String next = sentences.get(s + 1).text(text).toLowerCase(Locale.ROOT);
            return EXPLAINING_NEXT_SENTENCE.stream().anyMatch(next::startsWith);
        }
        return false;
    }

    private static int letters(String word) {
        return (int) word.chars().filter(Character::isLetter).count();
    }
}
