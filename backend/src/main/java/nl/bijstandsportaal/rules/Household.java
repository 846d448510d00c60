package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.platform.Pure;
import java.time.LocalDate;
import java.util.List;

/**
 * The facts a norm depends on: the leefvorm, the birth dates of the citizen and partner, whether they live in an
 * institution, the other people in the home with their status, and whether children under 18 live there (art. 20 lid 2).
 * Plain data, so calculations stay pure.
 */
@Pure
public record Household(Leefvorm leefvorm, LocalDate applicantBorn, LocalDate partnerBorn, boolean inInstitution,
                        List<Member> others, boolean withChildren) {

    public enum Leefvorm { ALLEENSTAAND, ALLEENSTAANDE_OUDER, PARTNERS }

    /**
     * Why someone in the home does not share the costs (art. 19a lid 1 Participatiewet): studying with
     * studiefinanciering or in BBL (sub d); renting a room from the citizen or boarding with them on commercial terms,
     * or being the citizen's landlord on such terms (sub b); renting from the same landlord as the citizen (sub c).
     * GEEN: none of these.
     */
    public enum Status { GEEN, STUDIEFINANCIERING, BBL, KAMERHUURDER, KOSTGANGER, VERHUURDER, MEDEHUURDER }

    /** Another person in the home (not the partner). */
    public record Member(String name, LocalDate born, Status status) {
    }

    /** A household without children under 18 in it (only partners of 18-20 have another norm with children). */
    public Household(Leefvorm leefvorm, LocalDate applicantBorn, LocalDate partnerBorn, boolean inInstitution, List<Member> others) {
        this(leefvorm, applicantBorn, partnerBorn, inInstitution, others, false);
    }

    public Household {
        others = List.copyOf(others);
        if (leefvorm == Leefvorm.PARTNERS && partnerBorn == null) {
            throw new IllegalArgumentException("partners need the partner's date of birth");
        }
    }
}
