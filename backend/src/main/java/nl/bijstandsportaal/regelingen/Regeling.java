package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.rules.RuleKey;

import java.util.Arrays;
import java.util.Optional;

/**
 * The minimaregelingen the portal knows. Whether a municipality offers one, and its figures, are rules
 * ({@code regeling.*} in rules/regelingen.csv); the words for citizens are in the bundles under
 * {@code regelingen.<code>.*}. {@code slug} is the id in web addresses and the API.
 */
@Pure
public enum Regeling {

    INDIVIDUELE_INKOMENSTOESLAG("individuele-inkomenstoeslag", "iit", RuleKey.REGELING_IIT, RuleKey.IIT_BESLISTERMIJN_WEKEN),
    KWIJTSCHELDING("kwijtschelding", "kwijtschelding", RuleKey.REGELING_KWIJTSCHELDING, RuleKey.KWIJTSCHELDING_BESLISTERMIJN_WEKEN),
    MEEDOENREGELING("meedoenregeling", "meedoen", RuleKey.REGELING_MEEDOEN, RuleKey.MEEDOEN_BESLISTERMIJN_WEKEN),
    ZORGVERZEKERING("zorgverzekering", "zorgverzekering", RuleKey.REGELING_ZORGVERZEKERING, RuleKey.ZORGVERZEKERING_BESLISTERMIJN_WEKEN),
    BIJZONDERE_BIJSTAND("bijzondere-bijstand", "bijzondere_bijstand", RuleKey.REGELING_BIJZONDERE_BIJSTAND,
            RuleKey.BIJZONDERE_BIJSTAND_BESLISTERMIJN_WEKEN);

    private final String slug;
    private final String code;
    private final RuleKey offered;
    private final RuleKey decisionWeeks;

    Regeling(String slug, String code, RuleKey offered, RuleKey decisionWeeks) {
        this.slug = slug;
        this.code = code;
        this.offered = offered;
        this.decisionWeeks = decisionWeeks;
    }

    /** The id in web addresses and the API: {@code /regelingen/individuele-inkomenstoeslag}. */
    public String slug() {
        return slug;
    }

    /** The middle part of its bundle keys: {@code regelingen.iit.naam}. */
    public String code() {
        return code;
    }

    /** The rule that says whether a municipality offers it. */
    public RuleKey offered() {
        return offered;
    }

    /** The rule with the number of weeks within which the municipality decides. */
    public RuleKey decisionWeeks() {
        return decisionWeeks;
    }

    public static Optional<Regeling> bySlug(String slug) {
        return Arrays.stream(values()).filter(r -> r.slug.equals(slug)).findFirst();
    }
}
