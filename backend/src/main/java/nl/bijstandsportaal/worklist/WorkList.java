package nl.bijstandsportaal.worklist;

import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.audit.AuditLog;
import nl.bijstandsportaal.platform.db.TableChanges;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.security.CurrentUser;
import nl.bijstandsportaal.platform.time.Today;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.WERKITEM_BEHANDELAAR;

/**
 * The consulent's work list: everything open for the citizens of their team, gathered from every capability
 * ({@link WorkSource}) when it is read, with who handles it. Ordered by days left on the deadline; what waits for the
 * citizen comes after what the employee can do now.
 */
@Singleton
public class WorkList {

    static final int PAGE_SIZE = 50;
    /** An item with this many days left or fewer is "due soon". */
    static final int SOON_DAYS = 3;

    private final List<WorkSource> sources;
    private final DSLContext db;
    private final AuditLog audit;
    private final Clock clock;
    private final TableChanges changes;
    /** The tables the gathered items come from: every source's, the citizens, and the rules they are computed by. */
    private final Set<String> tables;
    private final Map<Long, Gathered> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private final nl.bijstandsportaal.platform.atrest.DataKeys keys;

    WorkList(List<WorkSource> sources, DSLContext db, AuditLog audit, Clock clock, TableChanges changes,
             nl.bijstandsportaal.platform.atrest.DataKeys keys) {
        this.keys = keys;
        this.sources = sources;
        this.changes = changes;
        Set<String> all = new java.util.HashSet<>(Set.of("burger", "regel_periode"));
        sources.forEach(s -> all.addAll(s.tables()));
        this.tables = Set.copyOf(all);
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whose items: mine (claimed by me, or unclaimed on my own citizens), my team's, or nobody's yet. */
    public enum Scope {
        MIJN, TEAM, VRIJ;

        public Text label() {
            return Text.of("consulent.work.scope." + name());
        }

        public Text title() {
            return Text.of("consulent.work.title." + name());
        }
    }

    /** Which items: all, past their deadline, or waiting for the citizen. */
    public enum State {
        ALLE, TE_LAAT, WACHT;

        public Text label() {
            return Text.of("consulent.work.state." + name());
        }
    }

    public record Filter(Scope scope, WorkKind kind, State state, String query, int page) {
        public Filter {
            scope = scope == null ? Scope.MIJN : scope;
            state = state == null ? State.ALLE : state;
            query = query == null ? "" : query.strip();
            page = Math.max(0, page);
        }

        public boolean searching() {
            return !query.isEmpty();
        }
    }

    /** An employee of the team, to assign work to. */
    public record Colleague(long id, String naam) {
    }

    /**
     * An item with its citizen and who handles it. {@code daysLeft}: days until the deadline (negative: past it),
     * null without one. {@code isNew}: came in after the employee last looked.
     */
    public record Row(WorkItem item, String naam, String bsn, Long ownerId, Long behandelaarId, String behandelaar, Long daysLeft,
                      boolean isNew) {

        /** WACHT (the citizen's turn), TE_LAAT, BIJNA (a few days left) or OPEN. */
        public String state() {
            if (item.waiting()) {
                return "WACHT";
            }
            if (daysLeft != null && daysLeft < 0) {
                return "TE_LAAT";
            }
            return daysLeft != null && daysLeft <= SOON_DAYS ? "BIJNA" : "OPEN";
        }
    }

    public record View(List<Row> rows, Map<WorkKind, Integer> counts, int total, int late, int waiting, int fresh, Filter filter,
                       boolean more, List<Colleague> colleagues, Instant lastLooked, LocalDate today) {
    }

    /** One page of the work list; looking at the first page without a search moves "last looked" to now. */
    public View view(CurrentUser employee, Filter filter) {
        Instant now = clock.instant();
        LocalDate today = Today.in(clock);
        Team team = team(employee);
        Instant lastLooked = team.lastLooked();
        List<Row> all = rows(employee, team, today, lastLooked);
        if (filter.searching()) {
            audit.record(employee.id(), null, "WERKLIJST_GEZOCHT", "Gezocht in de werklijst op \"" + filter.query() + "\"");
        }
        Predicate<Row> inScope = inScope(employee, filter.scope());
        Predicate<Row> matches = matches(filter.query());
        Predicate<Row> inState = switch (filter.state()) {
            case ALLE -> r -> true;
            case TE_LAAT -> r -> "TE_LAAT".equals(r.state());
            case WACHT -> r -> r.item().waiting();
        };
        List<Row> chosen = all.stream().filter(inScope.and(matches).and(inState)).toList();
        Map<WorkKind, Integer> counts = new EnumMap<>(WorkKind.class);
        for (WorkKind kind : WorkKind.values()) {
            counts.put(kind, 0);
        }
        int late = 0;
        int waiting = 0;
        int fresh = 0;
        for (Row r : chosen) {
            counts.merge(r.item().kind(), 1, Integer::sum);
            late += "TE_LAAT".equals(r.state()) ? 1 : 0;
            waiting += r.item().waiting() ? 1 : 0;
            fresh += r.isNew() ? 1 : 0;
        }
        List<Row> ofKind = filter.kind() == null ? chosen : chosen.stream().filter(r -> r.item().kind() == filter.kind()).toList();
        int from = Math.min(filter.page() * PAGE_SIZE, ofKind.size());
        int to = Math.min(from + PAGE_SIZE, ofKind.size());
        // Looked at now; within a minute of the last look nothing moves (a reload or a claim is the same look).
        if (filter.page() == 0 && !filter.searching() && (lastLooked == null || lastLooked.plusSeconds(60).isBefore(now))) {
            db.update(MEDEWERKER).set(MEDEWERKER.WERKLIJST_GEZIEN_OP, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                    .where(MEDEWERKER.ID.eq(employee.id())).execute();
        }
        return new View(List.copyOf(ofKind.subList(from, to)), counts, chosen.size(), late, waiting, fresh, filter,
                to < ofKind.size(), team.colleagues(), lastLooked, today);
    }

    /** Every open item of the employee's team with its row, in work-list order. */
    List<Row> rows(CurrentUser employee, Team team, LocalDate today, Instant lastLooked) {
        Gathered gathered = gathered(employee.gemeenteId(), today);
        Map<String, Long> claims = new HashMap<>();
        db.select(WERKITEM_BEHANDELAAR.SLEUTEL, WERKITEM_BEHANDELAAR.MEDEWERKER_ID).from(WERKITEM_BEHANDELAAR)
                .where(WERKITEM_BEHANDELAAR.GEMEENTE_ID.eq(employee.gemeenteId()))
                .fetch().forEach(r -> claims.put(r.value1(), r.value2()));
        List<Row> rows = new ArrayList<>();
        for (WorkItem item : gathered.items()) {
            Citizen c = gathered.citizens().get(item.burgerId());
            if (c == null || !team.covers(c.consulentId())) {
                continue;
            }
            Long handler = claims.get(item.key());
            Long owner = handler != null ? handler : Objects.equals(c.consulentId(), item.notFor()) ? null : c.consulentId();
            Long daysLeft = item.deadline() == null ? null : ChronoUnit.DAYS.between(today, item.deadline());
            boolean isNew = lastLooked == null || !item.received().isBefore(lastLooked);
            rows.add(new Row(item, c.naam(), c.bsn(keys), owner, handler, handler == null ? null : team.name(handler), daysLeft, isNew));
        }
        return rows; // in the order of the gathered items, which is the work list's
    }

    /**
     * What every source has open in the municipality today, and its citizens: kept until one of the tables it came from
     * is written (TableChanges), the day changes, or {@link #KEEP} has passed (writes by another instance).
     */
    private Gathered gathered(long gemeenteId, LocalDate today) {
        long version = changes.version(tables);
        Instant now = clock.instant();
        Gathered kept = cache.get(gemeenteId);
        if (kept != null && kept.version() == version && kept.today().equals(today) && kept.at().plus(KEEP).isAfter(now)
                && !kept.at().isAfter(now)) {
            return kept;
        }
        Map<Long, Citizen> citizens = new HashMap<>();
        db.select(BURGER.ID, BURGER.VOORNAAM, BURGER.ACHTERNAAM, BURGER.BSN_VERSLEUTELD, BURGER.CONSULENT_ID)
                .from(BURGER).where(BURGER.GEMEENTE_ID.eq(gemeenteId))
                .fetch().forEach(r -> citizens.put(r.value1(), new Citizen(r.value2() + " " + r.value3(), r.value4(), r.value5())));
        String gemeente = db.select(GEMEENTE.CODE).from(GEMEENTE).where(GEMEENTE.ID.eq(gemeenteId)).fetchOne(GEMEENTE.CODE);
        List<WorkItem> items = new ArrayList<>();
        for (WorkSource source : sources) {
            items.addAll(source.open(gemeenteId, gemeente, today));
        }
        items.sort(ORDER);
        Gathered fresh = new Gathered(List.copyOf(items), Map.copyOf(citizens), version, today, now);
        cache.put(gemeenteId, fresh);
        return fresh;
    }

    /** How long gathered items are kept at most, for writes this instance cannot see. */
    static final java.time.Duration KEEP = java.time.Duration.ofSeconds(30);

    private record Gathered(List<WorkItem> items, Map<Long, Citizen> citizens, long version, LocalDate today, Instant at) {
    }

    /** What the employee can do now first, by its deadline (none last); then what waits, by the citizen's last day. */
    static final Comparator<WorkItem> ORDER = Comparator.comparing(WorkItem::waiting)
            .thenComparing(i -> i.waiting() ? i.waitingUntil() : i.deadline(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(WorkItem::received).thenComparing(WorkItem::key);

    /** A citizen on the list; the BSN is decrypted when a row first shows it, then kept with the gathered items. */
    private static final class Citizen {
        private final String naam;
        private final byte[] sealedBsn;
        private final Long consulentId;
        private volatile String bsn;

        Citizen(String naam, byte[] sealedBsn, Long consulentId) {
            this.naam = naam;
            this.sealedBsn = sealedBsn;
            this.consulentId = consulentId;
        }

        String naam() {
            return naam;
        }

        Long consulentId() {
            return consulentId;
        }

        String bsn(nl.bijstandsportaal.platform.atrest.DataKeys keys) {
            String known = bsn;
            if (known == null && sealedBsn != null) {
                known = keys.openText(sealedBsn, nl.bijstandsportaal.platform.atrest.AtRestColumns.BSN);
                bsn = known;
            }
            return known;
        }
    }

    private Predicate<Row> inScope(CurrentUser employee, Scope scope) {
        return switch (scope) {
            case TEAM -> r -> true;
            case VRIJ -> r -> r.behandelaarId() == null;
            case MIJN -> r -> Objects.equals(r.behandelaarId(), employee.id())
                    || r.behandelaarId() == null && Objects.equals(r.ownerId(), employee.id());
        };
    }

    private Predicate<Row> matches(String query) {
        if (query.isEmpty()) {
            return r -> true;
        }
        String digits = query.replaceAll("[^0-9]", "");
        String lower = query.toLowerCase(Locale.ROOT);
        if (digits.length() == 9 && digits.length() >= query.replaceAll("\\s", "").length() - 1) {
            return r -> digits.equals(r.bsn());
        }
        return r -> r.naam().toLowerCase(Locale.ROOT).contains(lower);
    }

    // ---- who handles what -------------------------------------------------------------------------------------

    /** The employee's team: its consulenten (all of the municipality's when they have no team) and their names. */
    record Team(Map<Long, String> members, Instant lastLooked) {

        /** Whether a citizen with this consulent is the team's (a citizen without a consulent is everyone's). */
        boolean covers(Long consulentId) {
            return consulentId == null || members.containsKey(consulentId);
        }

        String name(long medewerkerId) {
            return members.getOrDefault(medewerkerId, "");
        }

        List<Colleague> colleagues() {
            return members.entrySet().stream().map(e -> new Colleague(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparing(Colleague::naam)).toList();
        }
    }

    Team team(CurrentUser employee) {
        Record me = db.select(MEDEWERKER.TEAM, MEDEWERKER.WERKLIJST_GEZIEN_OP).from(MEDEWERKER)
                .where(MEDEWERKER.ID.eq(employee.id())).fetchOne();
        String team = me == null ? null : me.get(MEDEWERKER.TEAM);
        Map<Long, String> members = new HashMap<>();
        db.select(MEDEWERKER.ID, MEDEWERKER.NAAM).from(MEDEWERKER)
                .where(MEDEWERKER.GEMEENTE_ID.eq(employee.gemeenteId())).and(MEDEWERKER.ACTIEF.isTrue())
                .and(MEDEWERKER.ROLLEN.contains("CONSULENT"))
                .and(team == null ? org.jooq.impl.DSL.noCondition() : MEDEWERKER.TEAM.eq(team))
                .fetch().forEach(r -> members.put(r.value1(), r.value2()));
        LocalDateTime looked = me == null ? null : me.get(MEDEWERKER.WERKLIJST_GEZIEN_OP);
        return new Team(Map.copyOf(members), looked == null ? null : looked.toInstant(ZoneOffset.UTC));
    }

    public enum Assigned { DONE, NO_SUCH_ITEM, NOT_ALLOWED }

    /**
     * Claims an item (to = the employee), assigns it to a colleague of the team, or gives it back (to = null). Only an
     * item open today for the team's citizens; never to the employee who proposed a decision that needs a second one.
     */
    public Assigned assign(CurrentUser employee, String key, Long to) {
        Team team = team(employee);
        Optional<Row> row = rows(employee, team, Today.in(clock), team.lastLooked()).stream()
                .filter(r -> r.item().key().equals(key)).findFirst();
        if (row.isEmpty()) {
            return Assigned.NO_SUCH_ITEM;
        }
        if (to != null && (!team.members().containsKey(to) || to.equals(row.get().item().notFor()))) {
            return Assigned.NOT_ALLOWED;
        }
        long burgerId = row.get().item().burgerId();
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            if (to == null) {
                t.deleteFrom(WERKITEM_BEHANDELAAR).where(WERKITEM_BEHANDELAAR.SLEUTEL.eq(key)).execute();
                audit.record(t, employee.id(), burgerId, "WERKITEM_VRIJGEGEVEN", "Werk vrijgegeven: " + key);
                return;
            }
            LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            t.insertInto(WERKITEM_BEHANDELAAR).set(WERKITEM_BEHANDELAAR.SLEUTEL, key)
                    .set(WERKITEM_BEHANDELAAR.GEMEENTE_ID, employee.gemeenteId()).set(WERKITEM_BEHANDELAAR.MEDEWERKER_ID, to)
                    .set(WERKITEM_BEHANDELAAR.TOEGEWEZEN_DOOR, employee.id()).set(WERKITEM_BEHANDELAAR.TOEGEWEZEN_OP, now)
                    .onDuplicateKeyUpdate().set(WERKITEM_BEHANDELAAR.MEDEWERKER_ID, to)
                    .set(WERKITEM_BEHANDELAAR.TOEGEWEZEN_DOOR, employee.id()).set(WERKITEM_BEHANDELAAR.TOEGEWEZEN_OP, now)
                    .execute();
            audit.record(t, employee.id(), burgerId, to == employee.id() ? "WERKITEM_OPGEPAKT" : "WERKITEM_TOEGEWEZEN",
                    (to == employee.id() ? "Werk opgepakt: " : "Werk toegewezen aan " + team.name(to) + ": ") + key);
        });
        return Assigned.DONE;
    }

    // ---- the team lead ----------------------------------------------------------------------------------------

    /** One consulent's share: open items, past the deadline, due within a few days, waiting for the citizen. */
    public record Load(String naam, int open, int late, int soon, int waiting) {
    }

    /** How long one kind took over the last days: how many, median and slowest tenth in days. */
    public record Speed(WorkKind kind, int handled, double medianDays, double p90Days) {
    }

    public record TeamView(List<Load> loads, int unassigned, List<Row> urgent, List<Speed> speeds, int days) {
    }

    static final int SPEED_DAYS = 90;

    /** The team lead's view: workload per consulent, what is near or past its deadline, and processing times. */
    public TeamView teamView(CurrentUser lead) {
        LocalDate today = Today.in(clock);
        Team team = team(lead);
        List<Row> all = rows(lead, team, today, team.lastLooked());
        Map<Long, int[]> per = new HashMap<>();
        team.members().keySet().forEach(id -> per.put(id, new int[4]));
        int unassigned = 0;
        for (Row r : all) {
            int[] c = r.ownerId() == null ? null : per.get(r.ownerId());
            if (c == null) {
                unassigned++;
                continue;
            }
            c[0]++;
            switch (r.state()) {
                case "TE_LAAT" -> c[1]++;
                case "BIJNA" -> c[2]++;
                case "WACHT" -> c[3]++;
                default -> { }
            }
        }
        List<Load> loads = per.entrySet().stream()
                .map(e -> new Load(team.name(e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .sorted(Comparator.comparing(Load::naam)).toList();
        List<Row> urgent = all.stream().filter(r -> "TE_LAAT".equals(r.state()) || "BIJNA".equals(r.state())).limit(PAGE_SIZE).toList();
        Instant since = clock.instant().minus(SPEED_DAYS, ChronoUnit.DAYS);
        Map<WorkKind, List<Double>> took = new EnumMap<>(WorkKind.class);
        for (WorkSource source : sources) {
            for (WorkSource.Handled h : source.handled(lead.gemeenteId(), since)) {
                took.computeIfAbsent(h.kind(), k -> new ArrayList<>()).add(Math.max(0, h.done().getEpochSecond() - h.received().getEpochSecond()) / 86400.0);
            }
        }
        List<Speed> speeds = took.entrySet().stream().map(e -> {
            List<Double> d = e.getValue().stream().sorted().toList();
            return new Speed(e.getKey(), d.size(), percentile(d, 50), percentile(d, 90));
        }).toList();
        return new TeamView(loads, unassigned, urgent, speeds, SPEED_DAYS);
    }

    /** The nearest-rank percentile of sorted values, to one decimal. */
    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return Math.round(sorted.get(Math.max(0, rank - 1)) * 10) / 10.0;
    }
}
