package nl.bijstandsportaal.platform.readability;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.i18n.Messages;

import java.util.Set;

/**
 * The readability check as a bean: {@link Readability} with the hard words of the portal's glossary, the keys of
 * {@code i18n/glossary_nl.properties} (the words the glossary page {@code /woordenlijst} explains). Adding a word to
 * the glossary makes the check point at it too; there is no second list.
 */
@Singleton
public class ReadabilityCheck {

    private final Readability readability;
    private final Set<String> glossaryWords;

    public ReadabilityCheck(Messages messages) {
        this.glossaryWords = Set.copyOf(messages.glossary(Messages.DUTCH).keySet());
        this.readability = new Readability(glossaryWords);
    }

    /** The check of a Dutch text a consulent is about to send; never throws, also not for null or blank. */
    public Readability.Result check(String text) {
        return readability.check(text);
    }

    /** The form field a page sets once the consulent has seen the check and chose to send ("gecontroleerd=ja"). */
    public static final String SEEN = "gecontroleerd";

    /** Whether the consulent has seen the check of this form's text and pressed send. */
    public static boolean seen(java.util.Map<String, String> form) {
        return "ja".equals(form.get(SEEN));
    }

    /** The glossary words the check looks for. */
    public Set<String> glossaryWords() {
        return glossaryWords;
    }
}
