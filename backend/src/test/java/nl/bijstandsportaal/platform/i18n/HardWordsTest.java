package nl.bijstandsportaal.platform.i18n;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hard words explained where they stand (ADR 0051): which words become a link, once per page, escaped. */
class HardWordsTest {

    private static Map<String, String> glossary() {
        TreeMap<String, String> words = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        words.put("norm", "Het bedrag dat je nodig hebt.");
        words.put("kostendeler", "Iemand van 27 jaar of ouder die bij je woont.");
        words.put("bijstand", "Geld van de gemeente \"om van te leven\" & meer.");
        words.put("DigiD", "Je digitale identiteit.");
        return words;
    }

    private static String link(String key, String shown, String explanation) {
        return "<a class=\"utrecht-link utrecht-link--html-a portal-term\" href=\"/woordenlijst#" + key + "\" data-uitleg=\""
                + explanation + "\">" + shown + "</a>";
    }

    @Test
    void theFirstUseOfAWordOnAPageLinksItsExplanationAndLaterUsesStayPlain() {
        HardWords page = new HardWords(glossary());
        assertEquals("Je " + link("norm", "norm", "Het bedrag dat je nodig hebt.") + " is hoger. De norm verandert.",
                page.mark("Je norm is hoger. De norm verandert."));
        assertEquals("Ook hier geen link: norm.", page.mark("Ook hier geen link: norm."), "the same page, the next text");
        assertTrue(new HardWords(glossary()).mark("De norm").contains("portal-term"), "a new page explains it again");
    }

    @Test
    void pluralsAndCapitalsCountButALongerWordDoesNot() {
        HardWords page = new HardWords(glossary());
        String marked = page.mark("Kostendelers en normen.");
        assertTrue(marked.startsWith(link("kostendeler", "Kostendelers", "Iemand van 27 jaar of ouder die bij je woont.")), marked);
        assertTrue(marked.contains(">normen</a>"), marked);
        assertEquals("Een bijstandsuitkering is normaal.", new HardWords(glossary()).mark("Een bijstandsuitkering is normaal."));
        assertEquals("Je DigiD-inlog.", new HardWords(glossary()).mark("Je DigiD-inlog."), "not as part of a joined word");
        assertTrue(new HardWords(glossary()).mark("Log in met DigiD.").contains("href=\"/woordenlijst#DigiD\""),
                "the anchor is the glossary's own spelling");
    }

    @Test
    void textAndExplanationAreEscaped() {
        String marked = new HardWords(glossary()).mark("<b>bijstand</b> & \"meer\"");
        assertTrue(marked.startsWith("&lt;b&gt;<a "), marked);
        assertTrue(marked.contains("data-uitleg=\"Geld van de gemeente &quot;om van te leven&quot; &amp; meer.\""), marked);
        assertTrue(marked.endsWith("&lt;/b&gt; &amp; &quot;meer&quot;"), marked);
        assertFalse(marked.contains("<b>"));
    }

    @Test
    void everyLanguageOfThePortalHasAnExplanationForEveryWordInItsTexts() {
        Messages messages = new Messages();
        for (Locale language : Messages.SUPPORTED) {
            HardWords page = new HardWords(messages.glossary(language));
            String marked = page.mark("bijstand");
            assertTrue(marked.contains("data-uitleg=\"") && !marked.contains("data-uitleg=\"\""), language + ": " + marked);
        }
        assertEquals("", new HardWords(Map.of()).mark(""));
        assertEquals("geen woorden", new HardWords(Map.of()).mark("geen woorden"));
    }
}
