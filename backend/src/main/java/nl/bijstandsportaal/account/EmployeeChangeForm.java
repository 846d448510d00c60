package nl.bijstandsportaal.account;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.Roles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The team and roles of one employee as the beheerder sent them on /beheer/medewerkers (as typed, so a form with errors
 * shows them again), and the checks. Fields: {@code team} (an existing team of the municipality, or empty: no team),
 * {@code nieuwTeam} (a new team's name; when typed it wins over {@code team}) and {@code rol} (checkboxes, sent once
 * per role). On the page every employee has a form, so a field's id (and the key of its error) carries the employee's
 * id: {@code team-12}.
 */
@Pure
public record EmployeeChangeForm(String team, String nieuwTeam, List<String> rollen) {

    public static final int MAX_TEAM = 60;

    public EmployeeChangeForm {
        team = team == null ? "" : team;
        nieuwTeam = nieuwTeam == null ? "" : nieuwTeam;
        rollen = rollen == null ? List.of() : List.copyOf(rollen);
    }

    /** The id of a field of employee {@code medewerkerId}'s form: {@code team}, {@code nieuwTeam} or {@code rollen}. */
    public static String field(String name, long medewerkerId) {
        return name + "-" + medewerkerId;
    }

    /** What to store (team null: no team; roles in {@link Roles#EMPLOYEE} order), or per field id what is wrong. */
    public record Checked(String team, List<String> roles, Map<String, Text> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * Checks the form for employee {@code medewerkerId} ({@code naam}, named in the errors so the summary says whose form
     * it is). {@code teams}: the municipality's teams now; a typed name equal to one of them but for upper and lower case
     * joins that team. {@code self}: the beheerder changes their own roles, and may not drop {@link Roles#BEHEERDER}, so
     * the municipality always keeps one.
     */
    public Checked check(long medewerkerId, String naam, List<String> teams, boolean self) {
        Map<String, Text> errors = new LinkedHashMap<>();
        String teamField = field("team", medewerkerId);
        String newField = field("nieuwTeam", medewerkerId);
        String rolesField = field("rollen", medewerkerId);

        String chosen = null;
        String typed = normalize(nieuwTeam);
        if (!typed.isEmpty()) {
            int length = typed.codePointCount(0, typed.length());
            if (length > MAX_TEAM) {
                errors.put(newField, Text.of("beheer.employees.error.newTeam.long", MAX_TEAM, length));
            } else {
                chosen = teams.stream().filter(t -> t.equalsIgnoreCase(typed)).findFirst().orElse(typed);
            }
        } else if (!team.isBlank()) {
            chosen = teams.stream().filter(t -> t.equals(team)).findFirst().orElse(null);
            if (chosen == null) {
                errors.put(teamField, Text.of("beheer.employees.error.team.unknown"));
            }
        }

        List<String> roles = new ArrayList<>();
        boolean unknownRole = false;
        for (String value : rollen) {
            String role = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
            if (!Roles.EMPLOYEE.contains(role)) {
                unknownRole = true;
            }
        }
        for (String role : Roles.EMPLOYEE) {
            if (rollen.stream().anyMatch(v -> v != null && v.strip().equalsIgnoreCase(role))) {
                roles.add(role);
            }
        }
        boolean lead = roles.contains(Roles.TEAMLEIDER);
        if (unknownRole) {
            errors.put(rolesField, Text.of("beheer.employees.error.roles.unknown"));
        } else if (roles.isEmpty()) {
            errors.put(rolesField, Text.of("beheer.employees.error.roles.none", naam));
        } else if (self && !roles.contains(Roles.BEHEERDER)) {
            errors.put(rolesField, Text.of("beheer.employees.error.roles.ownBeheerder"));
        } else if (lead && !roles.contains(Roles.CONSULENT)) {
            errors.put(rolesField, Text.of("beheer.employees.error.roles.leadIsConsulent", naam));
        }
        if (lead && chosen == null && !errors.containsKey(teamField) && !errors.containsKey(newField)) {
            errors.put(teamField, Text.of("beheer.employees.error.team.needed", naam));
        }
        return new Checked(chosen, List.copyOf(roles), order(errors, teamField, newField, rolesField));
    }

    /** Trimmed, with every run of spaces, tabs or line breaks inside made one space. */
    static String normalize(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ");
    }

    /** The roles as stored: "CONSULENT,TEAMLEIDER". */
    public static String stored(List<String> roles) {
        return String.join(",", roles);
    }

    /** The roles of a stored value, known ones only, in {@link Roles#EMPLOYEE} order. */
    public static List<String> roles(String stored) {
        List<String> parts = stored == null ? List.of()
                : java.util.Arrays.stream(stored.split(",")).map(String::strip).toList();
        return Roles.EMPLOYEE.stream().filter(parts::contains).toList();
    }

    private static Map<String, Text> order(Map<String, Text> errors, String... fields) {
        Map<String, Text> ordered = new LinkedHashMap<>();
        for (String field : fields) {
            if (errors.containsKey(field)) {
                ordered.put(field, errors.get(field));
            }
        }
        return ordered;
    }
}
