package nl.bijstandsportaal.account;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.time.Today;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulesService;
import org.jooq.DSLContext;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;

/**
 * How strongly a login was proven (ADR 0047). A citizen's DigiD login carries an {@code acr} (the DigiD level the
 * broker reports); the municipality's rule {@code digid.niveau} says which level it requires, never less than
 * substantieel. An employee's login must show a second factor ({@code amr}, RFC 8176, or an {@code acr} the
 * municipality's identity provider uses for it). The values the providers send are configuration, because every
 * broker and identity provider names them its own way.
 */
@Singleton
public class LoginAssurance {

    /** The DigiD levels (betrouwbaarheidsniveaus), weakest first; {@link #rank} is the value of rule digid.niveau. */
    public enum DigidLevel {
        BASIS(1), MIDDEN(2), SUBSTANTIEEL(3), HOOG(4);

        private final int rank;

        DigidLevel(int rank) {
            this.rank = rank;
        }

        public int rank() {
            return rank;
        }

        static Optional<DigidLevel> ofRank(int rank) {
            return Arrays.stream(values()).filter(l -> l.rank == rank).findFirst();
        }
    }

    private final RulesService rules;
    private final DSLContext db;
    private final Clock clock;
    private final Map<String, DigidLevel> digidAcr = new HashMap<>();
    private final Set<String> secondFactorAmr;
    private final Set<String> secondFactorAcr;

    LoginAssurance(RulesService rules, DSLContext db, Clock clock,
                   @Value("${portal.oidc.digid-acr.basis:}") String basis,
                   @Value("${portal.oidc.digid-acr.midden:}") String midden,
                   @Value("${portal.oidc.digid-acr.substantieel:}") String substantieel,
                   @Value("${portal.oidc.digid-acr.hoog:}") String hoog,
                   @Value("${portal.oidc.employee-second-factor.amr:}") String amr,
                   @Value("${portal.oidc.employee-second-factor.acr:}") String acr) {
        this.rules = rules;
        this.db = db;
        this.clock = clock;
        Map<DigidLevel, String> configured = Map.of(DigidLevel.BASIS, orDefault(basis, DigidLevel.BASIS),
                DigidLevel.MIDDEN, orDefault(midden, DigidLevel.MIDDEN),
                DigidLevel.SUBSTANTIEEL, orDefault(substantieel, DigidLevel.SUBSTANTIEEL), DigidLevel.HOOG, orDefault(hoog, DigidLevel.HOOG));
        configured.forEach((level, values) -> values(values).forEach(v -> {
            DigidLevel earlier = digidAcr.put(v, level);
            if (earlier != null && earlier != level) {
                throw new IllegalStateException("portal.oidc.digid-acr: the value " + v + " is given for two levels, "
                        + earlier.name().toLowerCase() + " and " + level.name().toLowerCase());
            }
        }));
        this.secondFactorAmr = values(amr);
        this.secondFactorAcr = values(acr);
    }

    /**
     * What a broker sends when its configuration says nothing: Logius' SAML authentication context classes for DigiD
     * and the eIDAS levels of assurance (a placeholder default cannot hold these: they contain colons).
     */
    private static String orDefault(String configured, DigidLevel level) {
        if (!configured.isBlank()) {
            return configured;
        }
        String saml = "urn:oasis:names:tc:SAML:2.0:ac:classes:";
        return switch (level) {
            case BASIS -> saml + "PasswordProtectedTransport,http://eidas.europa.eu/LoA/low";
            case MIDDEN -> saml + "MobileTwoFactorContract";
            case SUBSTANTIEEL -> saml + "Smartcard,http://eidas.europa.eu/LoA/substantial";
            case HOOG -> saml + "SmartcardPKI,http://eidas.europa.eu/LoA/high";
        };
    }

    private static Set<String> values(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(v -> !v.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The level an acr claim stands for; empty when the claim is missing or not a value configured for a level. */
    public Optional<DigidLevel> digidLevel(Object acrClaim) {
        return acrClaim == null ? Optional.empty() : Optional.ofNullable(digidAcr.get(acrClaim.toString().strip()));
    }

    /** The level the citizen's municipality requires today (rule digid.niveau). */
    public DigidLevel requiredFor(long gemeenteId) {
        String gemeente = db.select(GEMEENTE.CODE).from(GEMEENTE).where(GEMEENTE.ID.eq(gemeenteId)).fetchOne(GEMEENTE.CODE);
        int rank = rules.book().value(RuleKey.DIGID_NIVEAU, gemeente, Today.in(clock)).intValueExact();
        return DigidLevel.ofRank(rank).orElseThrow(() -> new IllegalStateException("digid.niveau " + rank + " is no DigiD level"));
    }

    /** True when the login's level is the required one or higher; a login without a known level never is. */
    public static boolean enough(Optional<DigidLevel> proven, DigidLevel required) {
        return proven.map(p -> p.rank() >= required.rank()).orElse(false);
    }

    /**
     * True when the employee's login shows a second factor: one of the configured amr values (a list or a single
     * value), or one of the configured acr values.
     */
    public boolean secondFactor(Object amrClaim, Object acrClaim) {
        if (acrClaim != null && secondFactorAcr.contains(acrClaim.toString().strip())) {
            return true;
        }
        List<String> methods = amrClaim instanceof Collection<?> c ? c.stream().map(String::valueOf).toList()
                : amrClaim == null ? List.of() : List.of(amrClaim.toString());
        return methods.stream().map(String::strip).anyMatch(secondFactorAmr::contains);
    }
}
