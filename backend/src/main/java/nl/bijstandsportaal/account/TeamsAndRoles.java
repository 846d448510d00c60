package nl.bijstandsportaal.account;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.audit.AuditLog;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.security.Roles;
import nl.bijstandsportaal.platform.web.NotFoundException;
import org.jooq.DSLContext;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;

/**
 * The beheerder puts the employees of their own municipality in a team and gives them roles (docs/adr/0028). A team is
 * the name in {@code medewerker.team}: it exists while someone is in it. Every change is audited with what it was and
 * what it became. The team is read on every request (lists, file access, the work list), so a new team holds at once;
 * roles are read fresh on every request too (cached a few seconds, ADR 0039), and a change of roles ends the employee's
 * open web sessions at once.
 */
@Singleton
public class TeamsAndRoles {

    public static final String CHANGED = "MEDEWERKER_GEWIJZIGD";

    private final DSLContext db;
    private final AuditLog audit;

    private final ServerSessions sessions;

    TeamsAndRoles(DSLContext db, AuditLog audit, ServerSessions sessions) {
        this.sessions = sessions;
        this.db = db;
        this.audit = audit;
    }

    /** An employee as the page lists them; {@code self}: the beheerder looking. */
    public record Employee(long id, String naam, String email, String team, List<String> roles, boolean self) {
    }

    public record Overview(String gemeenteNaam, List<Employee> employees, List<String> teams) {
    }

    /** The active employees of the beheerder's municipality by name, and its teams by name. */
    public Overview overview(CurrentUser beheerder) {
        requireBeheerder(beheerder);
        String gemeente = db.select(GEMEENTE.NAAM).from(GEMEENTE).where(GEMEENTE.ID.eq(beheerder.gemeenteId())).fetchOne(GEMEENTE.NAAM);
        List<Employee> employees = db.select(MEDEWERKER.ID, MEDEWERKER.NAAM, MEDEWERKER.EMAIL, MEDEWERKER.TEAM, MEDEWERKER.ROLLEN)
                .from(MEDEWERKER)
                .where(MEDEWERKER.GEMEENTE_ID.eq(beheerder.gemeenteId())).and(MEDEWERKER.ACTIEF.isTrue())
                .orderBy(MEDEWERKER.NAAM, MEDEWERKER.ID)
                .fetch(r -> new Employee(r.value1(), r.value2(), r.value3(), r.value4(), EmployeeChangeForm.roles(r.value5()),
                        r.value1() == beheerder.id()));
        return new Overview(gemeente == null ? "" : gemeente, employees, teams(db, beheerder.gemeenteId()));
    }

    /** Saved (or nothing to save: the same team and roles), or per field id what is wrong. */
    public record Result(String naam, Map<String, Text> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * Sets the team and roles of employee {@code medewerkerId}: one of the beheerder's municipality, active, else
     * {@link NotFoundException} (another municipality's employee does not exist here). Checked and stored with its
     * audit entry in one transaction.
     */
    public Result change(CurrentUser beheerder, long medewerkerId, EmployeeChangeForm form) {
        requireBeheerder(beheerder);
        boolean[] rolesChangedHere = {false};
        Result result = db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            var row = t.selectFrom(MEDEWERKER).where(MEDEWERKER.ID.eq(medewerkerId))
                    .and(MEDEWERKER.GEMEENTE_ID.eq(beheerder.gemeenteId())).and(MEDEWERKER.ACTIEF.isTrue())
                    .forUpdate().fetchOptional().orElseThrow(NotFoundException::new);
            EmployeeChangeForm.Checked checked = form.check(medewerkerId, row.getNaam(), teams(t, beheerder.gemeenteId()),
                    medewerkerId == beheerder.id());
            if (!checked.ok()) {
                return new Result(row.getNaam(), checked.errors());
            }
            List<String> before = EmployeeChangeForm.roles(row.getRollen());
            boolean teamChanged = !Objects.equals(row.getTeam(), checked.team());
            boolean rolesChanged = !before.equals(checked.roles());
            if (!teamChanged && !rolesChanged) {
                return new Result(row.getNaam(), Map.of());
            }
            t.update(MEDEWERKER).set(MEDEWERKER.TEAM, checked.team()).set(MEDEWERKER.ROLLEN, EmployeeChangeForm.stored(checked.roles()))
                    .where(MEDEWERKER.ID.eq(medewerkerId)).execute();
            StringBuilder details = new StringBuilder("Medewerker " + row.getNaam() + " (" + medewerkerId + "):");
            if (teamChanged) {
                details.append(" team ").append(teamName(row.getTeam())).append(" → ").append(teamName(checked.team())).append(';');
            }
            if (rolesChanged) {
                details.append(" rollen ").append(roleNames(before)).append(" → ").append(roleNames(checked.roles())).append(';');
            }
            details.setLength(details.length() - 1);
            audit.record(t, beheerder.id(), null, CHANGED, details.toString());
            rolesChangedHere[0] = rolesChanged && !checked.roles().containsAll(before);
            sessions.forgetEmployee(medewerkerId);
            return new Result(row.getNaam(), Map.of());
        });
        // A role taken away ends the employee's sessions at once (not the beheerder's own: they stay on the page);
        // a role added holds from their next request, as roles are read fresh (ADR 0039).
        sessions.forgetEmployee(medewerkerId);
        if (rolesChangedHere[0] && medewerkerId != beheerder.id()) {
            sessions.endEmployee(medewerkerId, "role_removed");
        }
        return result;
    }

    /** The teams of a municipality (of its active employees), by name. */
    private static List<String> teams(DSLContext db, long gemeenteId) {
        return db.selectDistinct(MEDEWERKER.TEAM).from(MEDEWERKER)
                .where(MEDEWERKER.GEMEENTE_ID.eq(gemeenteId)).and(MEDEWERKER.ACTIEF.isTrue()).and(MEDEWERKER.TEAM.isNotNull())
                .fetch(MEDEWERKER.TEAM).stream()
                .sorted(Comparator.comparing((String s) -> s.toLowerCase(java.util.Locale.ROOT)).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static String teamName(String team) {
        return team == null ? "geen team" : "\"" + team + "\"";
    }

    private static String roleNames(List<String> roles) {
        return roles.isEmpty() ? "geen" : String.join(",", roles);
    }

    private static void requireBeheerder(CurrentUser user) {
        if (!user.isEmployee() || !user.hasRole(Roles.BEHEERDER)) {
            throw new IllegalStateException("Only a beheerder sets teams and roles");
        }
    }
}
