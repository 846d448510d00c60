package nl.bijstandsportaal.casework;

import nl.bijstandsportaal.casework.SituationForm.CurrentMember;
import nl.bijstandsportaal.casework.SituationForm.DutyInput;
import nl.bijstandsportaal.casework.SituationForm.MemberInput;
import nl.bijstandsportaal.casework.SituationForm.NewMember;
import nl.bijstandsportaal.casework.SituationForm.Plicht;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure check of the situation form, without a database. */
class SituationFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final List<CurrentMember> HOUSEHOLD = List.of(
            new CurrentMember(7, "Kees", LocalDate.of(1980, 1, 1), "PARTNER", "GEEN"),
            new CurrentMember(8, "Noor", LocalDate.of(2007, 5, 5), "KIND", "GEEN"));
    private static final NewMember NOBODY = new NewMember("", "", "", "GEEN", "");

    private static SituationForm form(String leefvorm, List<MemberInput> members, NewMember nieuw, DutyInput arbeid) {
        Map<Plicht, DutyInput> duties = new EnumMap<>(Plicht.class);
        duties.put(Plicht.ARBEID, arbeid);
        duties.put(Plicht.TAALEIS, new DutyInput("nee", "nee", "", ""));
        duties.put(Plicht.PARTICIPATIE, new DutyInput("nee", "nee", "", ""));
        return new SituationForm(leefvorm, "nee", members, nieuw, duties);
    }

    private static List<MemberInput> keep() {
        return List.of(new MemberInput("7", "GEEN", false), new MemberInput("8", "GEEN", false));
    }

    @Test
    void aValidFormGivesTheWholeSituation() {
        var checked = SituationForm.check(form("PARTNERS", List.of(new MemberInput("7", "GEEN", false),
                        new MemberInput("8", "BBL", false)), NOBODY,
                new DutyInput("ja", "ja", "Je bent ziek.\r\nDaarom hoef je nu niet te werken.", "31-12-2026")), TODAY, HOUSEHOLD);
        assertTrue(checked.ok(), checked.errors().toString());
        assertEquals(SituationForm.Status.BBL, checked.change().statuses().get(8L));
        var arbeid = checked.change().duties().get(Plicht.ARBEID);
        assertEquals("Je bent ziek.\nDaarom hoef je nu niet te werken.", arbeid.reden(), "browser line ends count once");
        assertEquals(LocalDate.of(2026, 12, 31), arbeid.tot());
        assertEquals(Set.of(Plicht.ARBEID), checked.change().duties().keySet(), "duties that do not apply have no row");
        assertNull(checked.change().added());
    }

    @Test
    void datesAreReadAsPeopleWriteThemAndMustExist() {
        assertEquals(LocalDate.of(2026, 3, 5), SituationForm.parseDate("5-3-2026"));
        assertEquals(LocalDate.of(2026, 3, 5), SituationForm.parseDate("05/03/2026"));
        assertEquals(LocalDate.of(2026, 3, 5), SituationForm.parseDate("5.3.2026"));
        assertEquals(LocalDate.of(2026, 3, 5), SituationForm.parseDate("2026-03-05"));
        assertNull(SituationForm.parseDate("31-2-2026"));
        assertNull(SituationForm.parseDate("morgen"));

        var invalid = SituationForm.check(form("PARTNERS", keep(), NOBODY, new DutyInput("ja", "ja", "Reden", "31-2-2026")), TODAY, HOUSEHOLD);
        assertEquals("consulent.situation.error.duty.tot", invalid.errors().get("plicht.ARBEID.tot").key());
        var today = SituationForm.check(form("PARTNERS", keep(), NOBODY, new DutyInput("ja", "ja", "Reden", "10-3-2026")), TODAY, HOUSEHOLD);
        assertTrue(today.ok(), "today is not in the past");
    }

    @Test
    void theReasonIsRequiredAndLimited() {
        var tooLong = SituationForm.check(form("PARTNERS", keep(), NOBODY, new DutyInput("ja", "ja", "x".repeat(501), "")), TODAY, HOUSEHOLD);
        assertEquals("consulent.situation.error.duty.redenTooLong", tooLong.errors().get("plicht.ARBEID.reden").key());
        var justRight = SituationForm.check(form("PARTNERS", keep(), NOBODY, new DutyInput("ja", "ja", "x".repeat(500), "")), TODAY, HOUSEHOLD);
        assertTrue(justRight.ok());
        var noOntheffing = SituationForm.check(form("PARTNERS", keep(), NOBODY, new DutyInput("ja", "nee", "oude reden", "1-1-2000")), TODAY, HOUSEHOLD);
        assertTrue(noOntheffing.ok(), "without an ontheffing, reason and date do not matter");
        assertNull(noOntheffing.change().duties().get(Plicht.ARBEID).reden());
        var notApplying = SituationForm.check(form("PARTNERS", keep(), NOBODY, new DutyInput("nee", "ja", "", "")), TODAY, HOUSEHOLD);
        assertTrue(notApplying.ok());
        assertFalse(notApplying.change().duties().containsKey(Plicht.ARBEID));
        var unanswered = SituationForm.check(form("PARTNERS", keep(), NOBODY, new DutyInput("", "", "", "")), TODAY, HOUSEHOLD);
        assertEquals("consulent.situation.error.duty.applies", unanswered.errors().get("plicht.ARBEID.geldt").key());
    }

    @Test
    void thePartnerMatchesTheLeefvorm() {
        DutyInput none = new DutyInput("nee", "nee", "", "");
        List<MemberInput> keesLeaves = List.of(new MemberInput("7", "GEEN", true), new MemberInput("8", "GEEN", false));
        assertEquals("consulent.situation.error.partnerMissing",
                SituationForm.check(form("PARTNERS", keesLeaves, NOBODY, none), TODAY, HOUSEHOLD).errors().get("leefvorm").key());
        assertEquals("consulent.situation.error.partnerNotPartners",
                SituationForm.check(form("ALLEENSTAAND", keep(), NOBODY, none), TODAY, HOUSEHOLD).errors().get("leefvorm").key());
        NewMember bram = new NewMember("Bram", "1-1-1985", "PARTNER", "GEEN", "1-3-2026");
        assertEquals("consulent.situation.error.partnerTwice",
                SituationForm.check(form("PARTNERS", keep(), bram, none), TODAY, HOUSEHOLD).errors().get("nieuw.relatie").key());
        var swap = SituationForm.check(form("PARTNERS", keesLeaves, bram, none), TODAY, HOUSEHOLD);
        assertTrue(swap.ok(), "one partner leaves, another comes: " + swap.errors());
        assertEquals(Set.of(7L), swap.change().removed());
        assertEquals("Bram", swap.change().added().voornaam());
        assertTrue(SituationForm.check(form("ALLEENSTAANDE_OUDER", keesLeaves, NOBODY, none), TODAY, HOUSEHOLD).ok());
    }

    @Test
    void unknownValuesAndForeignMembersAreRefusedOrIgnored() {
        DutyInput none = new DutyInput("nee", "nee", "", "");
        var checked = SituationForm.check(form("SAMENWONEND", List.of(new MemberInput("7", "GEEN", false),
                new MemberInput("8", "RIJK", false), new MemberInput("999", "BBL", true)), NOBODY, none), TODAY, HOUSEHOLD);
        assertEquals(List.of("leefvorm", "lid.1.status"), List.copyOf(checked.errors().keySet()), "in the order of the form");
        assertEquals("Noor", checked.errors().get("lid.1.status").args().get(0));

        var foreign = SituationForm.check(form("PARTNERS", List.of(new MemberInput("999", "BBL", true)), NOBODY, none), TODAY, HOUSEHOLD);
        assertTrue(foreign.ok(), "a member of someone else is not touched");
        assertTrue(foreign.change().removed().isEmpty());
        assertTrue(foreign.change().statuses().isEmpty());
    }

    @Test
    void aNewMemberNeedsEveryFieldWithSensibleDates() {
        DutyInput none = new DutyInput("nee", "nee", "", "");
        var empty = SituationForm.check(form("PARTNERS", keep(), new NewMember(" ", "", "", "GEEN", ""), none), TODAY, HOUSEHOLD);
        assertTrue(empty.ok(), "an empty block adds nobody");
        var bad = SituationForm.check(form("PARTNERS", keep(), new NewMember("Sam", "1-1-2030", "", "X", "1-1-2027"), none), TODAY, HOUSEHOLD);
        assertEquals(List.of("nieuw.geboortedatum", "nieuw.relatie", "nieuw.status", "nieuw.woontSinds"), List.copyOf(bad.errors().keySet()));
        var beforeBirth = SituationForm.check(form("PARTNERS", keep(), new NewMember("Sam", "1-1-2015", "KIND", "GEEN", "1-1-2014"), none), TODAY, HOUSEHOLD);
        assertEquals("consulent.situation.error.new.woontSindsRange", beforeBirth.errors().get("nieuw.woontSinds").key());
    }
}
