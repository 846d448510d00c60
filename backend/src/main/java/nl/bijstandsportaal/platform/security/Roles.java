package nl.bijstandsportaal.platform.security;

/** The kinds of user: a citizen, and employees by role (a team lead is a consulent too). */
public final class Roles {
    public static final String CITIZEN = "CITIZEN";
    public static final String CONSULENT = "CONSULENT";
    public static final String BEHEERDER = "BEHEERDER";
    /** Sees the team's workload, what is near or past its deadline, and processing times (/consulent/team). */
    public static final String TEAMLEIDER = "TEAMLEIDER";

    private Roles() {
    }
}
