package nl.bijstandsportaal.platform.security;

/** The three kinds of user. */
public final class Roles {
    public static final String CITIZEN = "CITIZEN";
    public static final String CONSULENT = "CONSULENT";
    public static final String BEHEERDER = "BEHEERDER";

    private Roles() {
    }
}
