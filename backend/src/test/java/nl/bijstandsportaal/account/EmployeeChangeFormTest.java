package nl.bijstandsportaal.account;

import nl.bijstandsportaal.platform.i18n.Text;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks of the team-and-roles form, without a database: what is stored, and which field is wrong. */
class EmployeeChangeFormTest {

    private static final List<String> TEAMS = List.of("Team Noord", "Team Zuid");

    private static EmployeeChangeForm.Checked check(String team, String newTeam, boolean self, String... roles) {
        return new EmployeeChangeForm(team, newTeam, List.of(roles)).check(7, "Sven Bos", TEAMS, self);
    }

    @Test
    void aTypedNameWinsIsTidiedAndJoinsAnExistingTeamWhateverItsCase() {
        assertEquals("Team Oost", check("Team Noord", "  Team \t Oost ", false, "CONSULENT").team());
        assertEquals("Team Zuid", check("", "team zuid", false, "CONSULENT").team());
        assertEquals("Team Noord", check("Team Noord", "   ", false, "CONSULENT").team());
        assertNull(check("", "", false, "CONSULENT").team());
    }

    @Test
    void rolesAreStoredInOneOrder() {
        EmployeeChangeForm.Checked checked = check("Team Zuid", "", false, "BEHEERDER", "teamleider", "CONSULENT");
        assertTrue(checked.ok(), checked.errors().toString());
        assertEquals(List.of("CONSULENT", "TEAMLEIDER", "BEHEERDER"), checked.roles());
        assertEquals("CONSULENT,TEAMLEIDER,BEHEERDER", EmployeeChangeForm.stored(checked.roles()));
        assertEquals(List.of("CONSULENT", "TEAMLEIDER"), EmployeeChangeForm.roles(" TEAMLEIDER, CONSULENT"));
    }

    @Test
    void eachMistakeIsOnItsFieldInFormOrder() {
        assertEquals(Map.of("nieuwTeam-7", Text.of("beheer.employees.error.newTeam.long", 60, 61)),
                check("", "x".repeat(61), false, "CONSULENT").errors());
        assertTrue(check("", "y".repeat(60), false, "CONSULENT").ok());
        assertEquals(Map.of("team-7", Text.of("beheer.employees.error.team.needed", "Sven Bos")),
                check("", "", false, "CONSULENT", "TEAMLEIDER").errors());
        assertEquals(Map.of("team-7", Text.of("beheer.employees.error.team.unknown")), check("Team West", "", false, "CONSULENT").errors());
        assertEquals(List.of("team-7", "rollen-7"), List.copyOf(check("", "", false, "TEAMLEIDER").errors().keySet()));
        assertEquals(Map.of("rollen-7", Text.of("beheer.employees.error.roles.none", "Sven Bos")), check("Team Zuid", "", false).errors());
        assertEquals(Map.of("rollen-7", Text.of("beheer.employees.error.roles.unknown")),
                check("Team Zuid", "", false, "CONSULENT", "KONING").errors());
    }

    @Test
    void aBeheerderKeepsTheirOwnBeheerderRole() {
        assertEquals(Map.of("rollen-7", Text.of("beheer.employees.error.roles.ownBeheerder")),
                check("Team Zuid", "", true, "CONSULENT").errors());
        assertTrue(check("Team Zuid", "", true, "BEHEERDER").ok());
        assertTrue(check("Team Zuid", "", false, "CONSULENT").ok());
    }
}
