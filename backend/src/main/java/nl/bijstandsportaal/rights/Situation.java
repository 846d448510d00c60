package nl.bijstandsportaal.rights;

import nl.bijstandsportaal.rules.Household;

import java.time.LocalDate;
import java.util.List;

/**
 * What the municipality knows of a citizen that their rights and duties depend on: the household the norm rests
 * on, the municipality (CBS code) whose rules apply, and the duties with any ontheffing. Plain data.
 */
public record Situation(String gemeente, String gemeenteNaam, Household household, List<Duty> duties) {

    public Situation {
        duties = List.copyOf(duties);
    }

    /**
     * A duty that applies (art. 9, 18b Participatiewet). plicht: ARBEID, TAALEIS, PARTICIPATIE. With an ontheffing
     * the citizen does not have to do it for now: {@code reason} says why (written for the citizen), {@code until}
     * when it ends (null: no end date).
     */
    public record Duty(String plicht, boolean ontheffing, String reason, LocalDate until) {
    }
}
