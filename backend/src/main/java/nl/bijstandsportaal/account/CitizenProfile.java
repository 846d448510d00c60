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
        GemeenteInfo gemeente,
        ConsulentInfo consulent,
        List<Huishoudlid> huishouden) {

    public enum Leefvorm { ALLEENSTAAND, ALLEENSTAANDE_OUDER, PARTNERS }

    public record GemeenteInfo(long id, String code, String naam, String telefoon, String website) {
    }

    /** May be null when no consulent is assigned yet. */
    public record ConsulentInfo(long id, String naam, String email, String telefoon) {
    }

    public record Huishoudlid(String voornaam, LocalDate geboortedatum, String relatie, String status) {
    }

    public String volledigeNaam() {
        return voornaam + " " + achternaam;
    }
}
