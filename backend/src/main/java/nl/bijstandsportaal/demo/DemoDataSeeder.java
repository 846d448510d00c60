package nl.bijstandsportaal.demo;

import nl.bijstandsportaal.documents.RequestThreads;
import nl.bijstandsportaal.platform.demo.DemoMode;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.account.Bsn;
import nl.bijstandsportaal.notifications.MessageArguments;
import nl.bijstandsportaal.notifications.Outbox;
import nl.bijstandsportaal.notifications.Topic;
import nl.bijstandsportaal.platform.atrest.AtRestColumns;
import nl.bijstandsportaal.platform.atrest.DataKeys;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER_PLICHT;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.HUISHOUDLID;
import static nl.bijstandsportaal.platform.db.generated.Tables.IDEMPOTENCY_RECORD;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENBRON;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE_BIJLAGE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE_GEBEURTENIS;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;

/**
 * Fills an empty demo database: two municipalities, citizens in different situations, two consulenten and a
 * beheerder. Dates are relative to today so the situations stay true (a son who turns 27 next month).
 * For the benchmark, PORTAL_BENCH_CITIZENS adds that many generated citizens.
 */
@Singleton
public class DemoDataSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final DSLContext db;
    private final DemoMode demoMode;
    private final Outbox outbox;
    private final MessageArguments arguments;
    private final Clock clock;
    private final int benchCitizens;
    private final BenchWorkSeeder benchWork;
    private final DataKeys keys;

    DemoDataSeeder(DSLContext db, DemoMode demoMode, Outbox outbox, MessageArguments arguments, Clock clock,
                   @Value("${portal.demo.bench-citizens:0}") int benchCitizens, BenchWorkSeeder benchWork, DataKeys keys) {
        this.keys = keys;
        this.benchWork = benchWork;
        this.db = db;
        this.outbox = outbox;
        this.arguments = arguments;
        this.demoMode = demoMode;
        this.clock = clock;
        this.benchCitizens = benchCitizens;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!demoMode.isActive()) {
            return;
        }
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            if (t.fetchExists(GEMEENTE)) {
                return;
            }
            seed(t, LocalDate.now(clock));
            LOG.info("Demo data created");
        });
        if (benchCitizens > 0) {
            seedBenchCitizens(benchCitizens);
            clearBenchIncomeReports();
        }
        benchWork.seedIfAsked();
    }

    /**
     * Every benchmark run starts without income reports of the benchmark citizens (the database is kept between runs
     * to save the seeding): otherwise each run adds hundreds of versions, events and photos to the same reports, and
     * the next run measures reading those instead of what a citizen does.
     */
    private void clearBenchIncomeReports() {
        var benchReports = DSL.select(INKOMSTENOPGAVE.ID).from(INKOMSTENOPGAVE).join(BURGER).on(BURGER.ID.eq(INKOMSTENOPGAVE.BURGER_ID))
                .where(BURGER.VOORNAAM.eq("Test"));
        int reports = db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            var ids = t.fetch(benchReports).getValues(INKOMSTENOPGAVE.ID);
            t.deleteFrom(INKOMSTENOPGAVE_BIJLAGE).where(INKOMSTENOPGAVE_BIJLAGE.OPGAVE_ID.in(ids)).execute();
            t.deleteFrom(INKOMSTENOPGAVE_GEBEURTENIS).where(INKOMSTENOPGAVE_GEBEURTENIS.OPGAVE_ID.in(ids)).execute();
            t.deleteFrom(INKOMSTENBRON).where(INKOMSTENBRON.OPGAVE_ID.in(ids)).execute();
            t.deleteFrom(IDEMPOTENCY_RECORD).where(IDEMPOTENCY_RECORD.IDEMPOTENCY_KEY.like("bench-%")).execute();
            return t.deleteFrom(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.ID.in(ids)).execute();
        });
        LOG.info("Income reports of benchmark citizens removed: {}", reports);
    }

    private void seed(DSLContext t, LocalDate today) {
        long westland = gemeente(t, "1783", "Westland", "14 0174", "https://www.gemeentewestland.nl");
        long utrecht = gemeente(t, "0344", "Utrecht", "14 030", "https://www.utrecht.nl");
        long marieke = medewerker(t, westland, "marieke.jansen@westland.demo", "Marieke Jansen", "0174 123 456", "CONSULENT");
        long dennis = medewerker(t, utrecht, "dennis.deboer@utrecht.demo", "Dennis de Boer", "030 123 4567", "CONSULENT");
        medewerker(t, utrecht, "priya.ramdin@utrecht.demo", "Priya Ramdin", null, "BEHEERDER");
        // A second consulent in Utrecht: the colleague who approves a grant above the four-eyes amount, and the team lead.
        medewerker(t, utrecht, "lotte.visser@utrecht.demo", "Lotte Visser", "030 123 4568", "CONSULENT,TEAMLEIDER");
        // Teams: a consulent's work list holds the citizens of their team.
        t.update(MEDEWERKER).set(MEDEWERKER.TEAM, "Team Zuid").where(MEDEWERKER.GEMEENTE_ID.eq(utrecht)).execute();
        // A consulent of another team in Utrecht: sees Henk's and Jan's file only after taking it over, with a reason.
        long sven = medewerker(t, utrecht, "sven.bos@utrecht.demo", "Sven Bos", "030 123 4569", "CONSULENT");
        t.update(MEDEWERKER).set(MEDEWERKER.TEAM, "Team Noord").where(MEDEWERKER.ID.eq(sven)).execute();
        t.update(MEDEWERKER).set(MEDEWERKER.TEAM, "Team Westland").where(MEDEWERKER.GEMEENTE_ID.eq(westland)).execute();

        long sanne = burger(t, westland, marieke, "999990019", "Sanne", "de Vries", today.minusYears(34).minusDays(40), "ALLEENSTAAND",
                "Zuidweg", "12", "2671 MN", "Naaldwijk", today.minusYears(2).withDayOfMonth(1));
        long fatima = burger(t, westland, marieke, "999990032", "Fatima", "El Amrani", today.minusYears(38).minusDays(100), "ALLEENSTAANDE_OUDER",
                "Havenstraat", "4A", "2681 BT", "Monster", today.minusYears(5).withDayOfMonth(1));
        huishoudlid(t, fatima, "Yasmina", today.minusYears(12).minusDays(20), "KIND", "GEEN", today.minusYears(12));
        huishoudlid(t, fatima, "Adam", today.minusYears(8).minusDays(200), "KIND", "GEEN", today.minusYears(8));
        long jan = burger(t, utrecht, dennis, "999990044", "Jan", "Jansen", today.minusYears(45).minusDays(10), "PARTNERS",
                "Amsterdamsestraatweg", "210", "3551 CE", "Utrecht", today.minusMonths(8).withDayOfMonth(1));
        huishoudlid(t, jan, "Petra", today.minusYears(43).minusDays(77), "PARTNER", "GEEN", today.minusYears(20));
        long henk = burger(t, utrecht, dennis, "999990056", "Henk", "Bakker", today.minusYears(58).minusDays(3), "ALLEENSTAAND",
                "Kanaalweg", "77", "3533 HG", "Utrecht", today.minusYears(3).withDayOfMonth(1));
        huishoudlid(t, henk, "Lisa", today.minusYears(29).minusDays(150), "KIND", "GEEN", today.minusYears(29));
        huishoudlid(t, henk, "Tim", today.minusYears(27).plusMonths(1).withDayOfMonth(15), "KIND", "GEEN", today.minusYears(26));
        long ahmed = burger(t, westland, marieke, "999990068", "Ahmed", "Yilmaz", today.minusYears(23).minusDays(60), "ALLEENSTAAND",
                "Wilhelminastraat", "3", "2681 BK", "Monster", today.minusMonths(3).withDayOfMonth(1));

        // Duties and ontheffingen, so each demo person shows another situation.
        plicht(t, sanne, "ARBEID", null, null);
        plicht(t, sanne, "PARTICIPATIE", null, null);
        plicht(t, fatima, "ARBEID", "Je zorgt alleen voor je kinderen en er is nog geen opvang voor Adam. Daarom hoef je nu geen werk te zoeken.",
                today.plusMonths(2).withDayOfMonth(1).minusDays(1));
        plicht(t, fatima, "PARTICIPATIE", null, null);
        plicht(t, jan, "ARBEID", null, null);
        plicht(t, jan, "TAALEIS", null, null);
        plicht(t, henk, "ARBEID", "Je bent langdurig ziek. De arts van de gemeente heeft gezegd dat werken nu niet gaat.", null);
        plicht(t, henk, "PARTICIPATIE", null, null);
        plicht(t, ahmed, "ARBEID", null, null);
        plicht(t, ahmed, "TAALEIS", null, null);

        // Marieke asked Ahmed for a document yesterday; he sees it under "Papieren sturen" and in his inbox.
        documentRequest(t, ahmed, marieke, "Je huurcontract",
                "Je woont sinds kort op dit adres. We willen zien hoeveel huur je betaalt en of je de woning met iemand deelt.",
                today.plusDays(10));
    }

    private void documentRequest(DSLContext t, long burger, long medewerker, String what, String why, LocalDate deadline) {
        String id = UUID.randomUUID().toString();
        Instant asked = clock.instant().minus(Duration.ofDays(1));
        long requestId = t.insertInto(DOCUMENTVERZOEK).set(DOCUMENTVERZOEK.PUBLIC_ID, id).set(DOCUMENTVERZOEK.BURGER_ID, burger)
                .set(DOCUMENTVERZOEK.MEDEWERKER_ID, medewerker).set(DOCUMENTVERZOEK.WAT, what).set(DOCUMENTVERZOEK.WAAROM, why)
                .set(DOCUMENTVERZOEK.UITERLIJK, deadline).set(DOCUMENTVERZOEK.STATUS, "OPEN")
                .set(DOCUMENTVERZOEK.GEVRAAGD_OP, LocalDateTime.ofInstant(asked, ZoneOffset.UTC))
                .returning(DOCUMENTVERZOEK.ID).fetchOne(DOCUMENTVERZOEK.ID);
        RequestThreads.open(t, burger, requestId, asked);
        outbox.write(t, new Outbox.Message(burger, Topic.DOCUMENTEN, "document/" + id + "/gevraagd", "notification.document.asked",
                arguments.of(List.of(what, deadline)), "/documenten/" + id), asked);
    }

    /** A duty that applies; with a reason it is lifted (ontheffing) until {@code until} (null: no end date). */
    private void plicht(DSLContext t, long burger, String plicht, String reason, LocalDate until) {
        t.insertInto(BURGER_PLICHT)
                .set(BURGER_PLICHT.BURGER_ID, burger)
                .set(BURGER_PLICHT.PLICHT, plicht)
                .set(BURGER_PLICHT.ONTHEFFING, reason != null)
                .set(BURGER_PLICHT.ONTHEFFING_REDEN, reason)
                .set(BURGER_PLICHT.ONTHEFFING_TOT, until)
                .set(BURGER_PLICHT.GEWIJZIGD_OP, java.time.LocalDateTime.now(clock.withZone(java.time.ZoneOffset.UTC)))
                .execute();
    }

    private void seedBenchCitizens(int wanted) {
        int existing = db.fetchCount(BURGER);
        if (existing >= wanted) {
            return;
        }
        long gemeente = db.select(GEMEENTE.ID).from(GEMEENTE).where(GEMEENTE.CODE.eq("0344")).fetchOne(GEMEENTE.ID);
        long consulent = db.select(MEDEWERKER.ID).from(MEDEWERKER).where(MEDEWERKER.GEMEENTE_ID.eq(gemeente))
                .and(MEDEWERKER.ROLLEN.contains("CONSULENT")).limit(1).fetchOne(MEDEWERKER.ID);
        LocalDate born = LocalDate.of(1980, 1, 1);
        LocalDate since = LocalDate.of(2024, 1, 1);
        int added = 0;
        long candidate = 100_000_000L;
        while (existing + added < wanted) {
            var insert = db.insertInto(BURGER, List.of(BURGER.GEMEENTE_ID, BURGER.CONSULENT_ID, BURGER.BSN_VERSLEUTELD, BURGER.BSN_INDEX, BURGER.SLEUTEL, BURGER.VOORNAAM,
                    BURGER.ACHTERNAAM, BURGER.GEBOORTEDATUM, BURGER.LEEFVORM, BURGER.STRAAT, BURGER.HUISNUMMER,
                    BURGER.POSTCODE, BURGER.WOONPLAATS, BURGER.BIJSTAND_SINDS));
            for (int inBatch = 0; inBatch < 1000 && existing + added < wanted; inBatch++) {
                String bsn = nextBsn(candidate);
                candidate = Long.parseLong(bsn) + 1;
                insert = insert.values(gemeente, consulent, keys.seal(bsn, AtRestColumns.BSN), keys.bsnIndex(bsn), keys.currentId(), "Test", "Burger " + (existing + added), born,
                        "ALLEENSTAAND", "Teststraat", "1", "3500 AA", "Utrecht", since);
                added++;
            }
            insert.onDuplicateKeyIgnore().execute();
        }
        LOG.info("Benchmark citizens added: {}", added);
    }

    static String nextBsn(long from) {
        for (long n = from; ; n++) {
            String s = String.format("%09d", n);
            if (Bsn.isValid(s) && !s.startsWith("99999")) {
                return s;
            }
        }
    }

    private static long gemeente(DSLContext t, String code, String naam, String telefoon, String website) {
        return t.insertInto(GEMEENTE, GEMEENTE.CODE, GEMEENTE.NAAM, GEMEENTE.TELEFOON, GEMEENTE.WEBSITE)
                .values(code, naam, telefoon, website).returning(GEMEENTE.ID).fetchOne(GEMEENTE.ID);
    }

    private static long medewerker(DSLContext t, long gemeente, String subject, String naam, String telefoon, String rollen) {
        return t.insertInto(MEDEWERKER, MEDEWERKER.GEMEENTE_ID, MEDEWERKER.OIDC_SUBJECT, MEDEWERKER.NAAM, MEDEWERKER.EMAIL,
                        MEDEWERKER.TELEFOON, MEDEWERKER.ROLLEN, MEDEWERKER.ACTIEF)
                .values(gemeente, subject, naam, subject, telefoon, rollen, true).returning(MEDEWERKER.ID).fetchOne(MEDEWERKER.ID);
    }

    private long burger(DSLContext t, long gemeente, long consulent, String bsn, String voornaam, String achternaam,
                               LocalDate geboren, String leefvorm, String straat, String nr, String postcode, String plaats, LocalDate sinds) {
        return t.insertInto(BURGER)
                .set(BURGER.GEMEENTE_ID, gemeente).set(BURGER.CONSULENT_ID, consulent).set(AtRestColumns.bsn(keys, bsn))
                .set(BURGER.VOORNAAM, voornaam).set(BURGER.ACHTERNAAM, achternaam).set(BURGER.GEBOORTEDATUM, geboren)
                .set(BURGER.LEEFVORM, leefvorm).set(BURGER.STRAAT, straat).set(BURGER.HUISNUMMER, nr)
                .set(BURGER.POSTCODE, postcode).set(BURGER.WOONPLAATS, plaats).set(BURGER.BIJSTAND_SINDS, sinds)
                .returning(BURGER.ID).fetchOne(BURGER.ID);
    }

    private static void huishoudlid(DSLContext t, long burger, String voornaam, LocalDate geboren, String relatie, String status, LocalDate sinds) {
        t.insertInto(HUISHOUDLID, HUISHOUDLID.BURGER_ID, HUISHOUDLID.VOORNAAM, HUISHOUDLID.GEBOORTEDATUM,
                HUISHOUDLID.RELATIE, HUISHOUDLID.STATUS, HUISHOUDLID.WOONT_SINDS).values(burger, voornaam, geboren, relatie, status, sinds).execute();
    }
}
