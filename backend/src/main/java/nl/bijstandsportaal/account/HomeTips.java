package nl.bijstandsportaal.account;

import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;

import java.util.List;

/**
 * Tips for a citizen's home page, each with the reason it may be for them ("Je krijgt al 3 jaar bijstand. Misschien
 * ..."). Capabilities that have tips implement this; the home page shows them all without knowing those capabilities.
 */
public interface HomeTips {

    /** One tip: why, a link to act on it, and the link's words. */
    record Tip(Text text, String link, Text linkText) {
    }

    /** {@code profile}: the citizen as the home page already read them (so a tip needs no query of its own for it). */
    List<Tip> tipsFor(CurrentUser citizen, CitizenProfile profile);
}
