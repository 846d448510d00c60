package nl.bijstandsportaal.platform.security;

import nl.bijstandsportaal.platform.Pure;

import java.util.List;

/** The kinds of user: a citizen, and employees by role (a team lead is a consulent too). */
@Pure
public final class Roles {
    public static final String CITIZEN = "CITIZEN";
    public static final String CONSULENT = "CONSULENT";
    public static final String BEHEERDER = "BEHEERDER";
    /** Sees the team's workload, what is near or past its deadline, and processing times (/consulent/team). */
    public static final String TEAMLEIDER = "TEAMLEIDER";

    /** The roles an employee can have, in the order they are stored ("CONSULENT,TEAMLEIDER") and shown. */
    public static final List<String> EMPLOYEE = List.of(CONSULENT, TEAMLEIDER, BEHEERDER);

    private Roles() {
    }
}
