package nl.bijstandsportaal.rights;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.rules.Household;

import java.time.LocalDate;
import java.util.List;

/**
 * What the municipality knows of a citizen that their rights and duties depend on: the household the norm rests
 * on, the municipality (CBS code) whose rules apply, the duties with any ontheffing, the birth dates of the
 * children living with them, and the day their bijstand started (null: not known). Plain data.
 */
@Pure
public record Situation(String gemeente, String gemeenteNaam, Household household, List<Duty> duties, List<LocalDate> childrenBorn,
                        LocalDate bijstandSince) {

    public Situation {
        duties = List.copyOf(duties);
        childrenBorn = List.copyOf(childrenBorn);
    }

    /** A situation without children's birth dates and start date (they matter only for income reports). */
    public Situation(String gemeente, String gemeenteNaam, Household household, List<Duty> duties) {
        this(gemeente, gemeenteNaam, household, duties, List.of(), null);
    }

    /** True when a child of the citizen under 12 lives with them on {@code day} (art. 31 lid 2 sub r). */
    public boolean hasChildUnder12(LocalDate day) {
        return childrenBorn.stream().anyMatch(born -> born.isAfter(day.minusYears(12)));
    }

    /**
     * A duty that applies (art. 9, 18b Participatiewet). plicht: ARBEID, TAALEIS, PARTICIPATIE. With an ontheffing
     * the citizen does not have to do it for now: {@code reason} says why (written for the citizen), {@code until}
     * when it ends (null: no end date).
     */
    public record Duty(String plicht, boolean ontheffing, String reason, LocalDate until) {
    }
}
