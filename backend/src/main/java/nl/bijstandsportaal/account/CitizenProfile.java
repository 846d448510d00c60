package nl.bijstandsportaal.account;

import java.time.LocalDate;
import java.util.List;

/** What the municipality knows of a citizen, as shown to themselves and to their consulent. */
public record CitizenProfile(
        long id,
        String voornaam,
        String achternaam,
        LocalDate geboortedatum,
        Leefvorm leefvorm,
        String adres,
        LocalDate bijstandSinds,
        boolean inInrichting,
        GemeenteInfo gemeente,
        ConsulentInfo consulent,
        List<Huishoudlid> huishouden) {

    public enum Leefvorm { ALLEENSTAAND, ALLEENSTAANDE_OUDER, PARTNERS }

    public record GemeenteInfo(long id, String code, String naam, String telefoon, String website) {
    }

    /** May be null when no consulent is assigned yet. */
    public record ConsulentInfo(long id, String naam, String email, String telefoon) {
    }

    /** Someone else in the home. relatie: PARTNER, KIND, OUDER, ANDERS; status: see {@code huishoudlid.status}. */
    public record Huishoudlid(long id, String voornaam, LocalDate geboortedatum, String relatie, String status) {
    }

    public String volledigeNaam() {
        return voornaam + " " + achternaam;
    }
}
