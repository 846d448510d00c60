package nl.bijstandsportaal.platform.readability;

import nl.bijstandsportaal.platform.Pure;

import java.util.Locale;
import java.util.Set;

/**
 * Counts the syllables of a Dutch word as written, for the Flesch-Douma score. A syllable is a vowel group
 * ("klinkergroep"): a run of vowel letters, read as one sound when it is one of the Dutch long vowels,
 * diphthongs or trigraphs (aa ee oo uu ie oe eu ei ij ui ou au, ai as in mail and trainen; aai ooi oei eeu ieu),
 * and as separate syllables otherwise (januari: ja-nu-a-ri, bioscoop: bi-os-coop).
 * <ul>
 *   <li>"ij" is one vowel (bijstand: 2, rijbewijs: 3), also written as the ligature ĳ.</li>
 *   <li>A diaeresis starts a new syllable (beëindigen: be-ëin-di-gen 4, ideeën: i-dee-ën 3, financiën 4); accents
 *       (één, hé) are read as the plain vowel.</li>
 *   <li>Suffixes need no list of their own: -lijk, -heid, -teit, -tie/-sie, -ing, -iën, -ieel come out right from the
 *       vowel groups. Two small fixes: "-eum" is two syllables (museum), "qu" is a consonant (frequentie).</li>
 *   <li>A "y" before a vowel at the start is a consonant (yoghurt); elsewhere a vowel (systeem, baby).</li>
 *   <li>Apostrophes are left out (auto's: 2); a hyphen or dot splits the word into parts (e-mail, o.a.), and every
 *       part has at least one syllable (so an acronym without vowels, such as BSN, counts as one).</li>
 * </ul>
 * Numbers, amounts and codes are not words of letters: {@link Readability} counts them as one syllable (digits are
 * read at a glance); this class counts only letters, and gives 0 for a word without letters.
 */
@Pure
public final class DutchSyllables {

    private static final Set<String> TRIGRAPHS = Set.of("aai", "ooi", "oei", "eeu", "ieu");
    private static final Set<String> DIGRAPHS = Set.of("aa", "ee", "oo", "uu", "ie", "oe", "eu", "ei", "ui", "ou", "au", "ai");
    /** The "ij" as one letter (the Unicode ligature ĳ), so it is one vowel everywhere below. */
    private static final char IJ = '\u0133';

    private DutchSyllables() {
    }

    /** The number of syllables of {@code word}; 0 when it has no letters. */
    public static int count(String word) {
        if (word == null || word.isEmpty()) {
            return 0;
        }
        String withoutApostrophes = word.replace("'", "").replace("\u2019", "");
        int total = 0;
        for (String part : withoutApostrophes.split("[^\\p{L}]+")) {
            if (!part.isEmpty()) {
                total += Math.max(1, vowelGroups(part));
            }
        }
        return total;
    }

    private static int vowelGroups(String part) {
        String word = normalise(part);
        int groups = 0;
        int i = 0;
        while (i < word.length()) {
            if (!isVowel(word.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < word.length() && isVowel(word.charAt(end))) {
                end++;
            }
            groups += groupsInRun(word.substring(i, end));
            i = end;
        }
        if (word.endsWith("eum") && word.length() > 4) {
            groups++; // museum, petroleum: e-um, not the "eu" of "neus"
        }
        return groups;
    }

    /** One run of vowels: broken before every diaeresis, then read greedily as trigraphs, digraphs or single vowels. */
    private static int groupsInRun(String run) {
        int groups = 0;
        int start = 0;
        for (int i = 1; i <= run.length(); i++) {
            if (i == run.length() || isDiaeresis(run.charAt(i))) {
                groups += greedy(plain(run.substring(start, i)));
                start = i;
            }
        }
        return groups;
    }

    private static int greedy(String vowels) {
        int groups = 0;
        int i = 0;
        while (i < vowels.length()) {
            if (i + 3 <= vowels.length() && TRIGRAPHS.contains(vowels.substring(i, i + 3))) {
                i += 3;
            } else if (i + 2 <= vowels.length() && DIGRAPHS.contains(vowels.substring(i, i + 2))) {
                i += 2;
            } else {
                i++;
            }
            groups++;
        }
        return groups;
    }

    private static String normalise(String part) {
        String word = part.toLowerCase(Locale.ROOT).replace("ij", String.valueOf(IJ)).replace("qu", "kw");
        if (word.length() > 1 && word.charAt(0) == 'y' && isVowel(word.charAt(1))) {
            word = "j" + word.substring(1);
        }
        return word;
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0 || c == IJ || "áéíóúàèìòùâêîôûäëïöüý".indexOf(c) >= 0;
    }

    private static boolean isDiaeresis(char c) {
        return "äëïöü".indexOf(c) >= 0;
    }

    /** Accents and diaereses off, once the diaeresis has split the run. */
    private static String plain(String vowels) {
        StringBuilder out = new StringBuilder(vowels.length());
        for (char c : vowels.toCharArray()) {
            int accented = "áéíóúàèìòùâêîôûäëïöüý".indexOf(c);
            out.append(accented < 0 ? c : "aeiouaeiouaeiouaeiouy".charAt(accented));
        }
        return out.toString();
    }
}
