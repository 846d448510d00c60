package nl.bijstandsportaal.rights;

import nl.bijstandsportaal.platform.Pure;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of change a citizen can report (wijziging doorgeven, art. 17 Participatiewet), with the web address of each form. */
@Pure
public enum ChangeKind {
    INWONER_ERBIJ("iemand-komt-wonen"),
    INWONER_WEG("iemand-gaat-weg"),
    BUITENLAND("buitenland"),
    ADRES("verhuizen"),
    GIFT("gift-of-erfenis"),
    ANDERS("iets-anders");

    private final String slug;

    ChangeKind(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<ChangeKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
