package nl.bijstandsportaal.demo;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.BERICHT;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.GESPREK;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.WIJZIGING;

/**
 * For the work-list benchmark (bench/worklist.sh): PORTAL_BENCH_WORK_ITEMS open items for one Utrecht team, five per
 * generated citizen (a message waiting for an answer, a reported change, an income report sent, a document sent and
 * one still to come), came in over the last 30 days. The citizens started on bijstand today, so no missing income
 * report adds to the count. Seeded once; a database that has them is left as it is.
 */
@Singleton
class BenchWorkSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(BenchWorkSeeder.class);
    static final int PER_CITIZEN = 5;

    private final DSLContext db;
    private final Clock clock;
    private final int items;

    private final nl.bijstandsportaal.platform.atrest.DataKeys keys;

    BenchWorkSeeder(DSLContext db, Clock clock, @Value("${portal.demo.bench-work-items:0}") int items,
                    nl.bijstandsportaal.platform.atrest.DataKeys keys) {
        this.keys = keys;
        this.db = db;
        this.clock = clock;
        this.items = items;
    }

    void seedIfAsked() {
        if (items <= 0 || db.fetchExists(BURGER, BURGER.ACHTERNAAM.like("Werklijst %"))) {
            return;
        }
        long gemeente = db.select(GEMEENTE.ID).from(GEMEENTE).where(GEMEENTE.CODE.eq("0344")).fetchOne(GEMEENTE.ID);
        // One team: the team of Utrecht's first consulent (the one the benchmark logs in as).
        String team = db.select(MEDEWERKER.TEAM).from(MEDEWERKER).where(MEDEWERKER.GEMEENTE_ID.eq(gemeente))
                .and(MEDEWERKER.ROLLEN.contains("CONSULENT")).orderBy(MEDEWERKER.ID).limit(1).fetchOne(MEDEWERKER.TEAM);
        List<Long> consulenten = db.select(MEDEWERKER.ID).from(MEDEWERKER).where(MEDEWERKER.GEMEENTE_ID.eq(gemeente))
                .and(MEDEWERKER.ROLLEN.contains("CONSULENT"))
                .and(team == null ? org.jooq.impl.DSL.noCondition() : MEDEWERKER.TEAM.eq(team)).orderBy(MEDEWERKER.ID).fetch(MEDEWERKER.ID);
        LocalDate today = LocalDate.now(clock);
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        int citizens = (items + PER_CITIZEN - 1) / PER_CITIZEN;
        long[] nextBsn = {200_000_000L};
        for (int start = 0; start < citizens; start += 500) {
            int from = start;
            int end = Math.min(citizens, start + 500);
            db.transaction(tx -> {
                DSLContext t = tx.dsl();
                for (int i = from; i < end; i++) {
                    String bsn = DemoDataSeeder.nextBsn(nextBsn[0]);
                    nextBsn[0] = Long.parseLong(bsn) + 1;
                    long burger = t.insertInto(BURGER).set(BURGER.GEMEENTE_ID, gemeente).set(BURGER.CONSULENT_ID, consulenten.get(i % consulenten.size()))
                            .set(nl.bijstandsportaal.platform.atrest.AtRestColumns.bsn(keys, bsn)).set(BURGER.VOORNAAM, "Test").set(BURGER.ACHTERNAAM, "Werklijst " + i)
                            .set(BURGER.GEBOORTEDATUM, LocalDate.of(1980, 1, 1)).set(BURGER.LEEFVORM, "ALLEENSTAAND")
                            .set(BURGER.STRAAT, "Teststraat").set(BURGER.HUISNUMMER, "1").set(BURGER.POSTCODE, "3500 AA")
                            .set(BURGER.WOONPLAATS, "Utrecht").set(BURGER.BIJSTAND_SINDS, today)
                            .returningResult(BURGER.ID).fetchOne().value1();
                    LocalDateTime came = now.minusHours(1 + (i * 37L) % (30 * 24));
                    seedItems(t, burger, consulenten.get(i % consulenten.size()), i, came, today);
                }
            });
        }
        LOG.info("Work-list benchmark: {} citizens with {} open items each", citizens, PER_CITIZEN);
    }

    private static void seedItems(DSLContext t, long burger, long consulent, int i, LocalDateTime came, LocalDate today) {
        long gesprek = t.insertInto(GESPREK).set(GESPREK.PUBLIC_ID, UUID.randomUUID().toString()).set(GESPREK.BURGER_ID, burger)
                .set(GESPREK.ONDERWERP, "Vraag " + i).set(GESPREK.GESTART_DOOR, "BURGER").set(GESPREK.GESTART_OP, came)
                .set(GESPREK.LAATSTE_BERICHT_OP, came).set(GESPREK.WACHT_OP_ANTWOORD_SINDS, came)
                .returningResult(GESPREK.ID).fetchOne().value1();
        t.insertInto(BERICHT).set(BERICHT.PUBLIC_ID, UUID.randomUUID().toString()).set(BERICHT.GESPREK_ID, gesprek).set(BERICHT.BURGER_ID, burger)
                .set(BERICHT.TEKST, "Een vraag voor de benchmark").set(BERICHT.VERSTUURD_OP, came).execute();
        t.insertInto(WIJZIGING).set(WIJZIGING.PUBLIC_ID, UUID.randomUUID().toString()).set(WIJZIGING.KENMERK, String.format("BW%08d", i))
                .set(WIJZIGING.BURGER_ID, burger).set(WIJZIGING.SOORT, "ANDERS").set(WIJZIGING.DATUM, came.toLocalDate())
                .set(WIJZIGING.VERWACHT_EFFECT, "change.effect.consulent").set(WIJZIGING.EFFECT_WAARDEN, "")
                .set(WIJZIGING.STATUS, "NIEUW").set(WIJZIGING.INGEDIEND_OP, came).set(WIJZIGING.GEWIJZIGD_OP, came).execute();
        t.insertInto(INKOMSTENOPGAVE).set(INKOMSTENOPGAVE.PUBLIC_ID, UUID.randomUUID().toString())
                .set(INKOMSTENOPGAVE.KENMERK, String.format("BI%08d", i)).set(INKOMSTENOPGAVE.BURGER_ID, burger)
                .set(INKOMSTENOPGAVE.PERIODE_CODE, "bench").set(INKOMSTENOPGAVE.PERIODE_VAN, today.minusMonths(1).withDayOfMonth(1))
                .set(INKOMSTENOPGAVE.PERIODE_TOT, today.withDayOfMonth(1).minusDays(1)).set(INKOMSTENOPGAVE.TERMIJN, today.plusDays(10))
                .set(INKOMSTENOPGAVE.STATUS, "VERSTUURD").set(INKOMSTENOPGAVE.VERSIE, 1).set(INKOMSTENOPGAVE.GEEN_INKOMSTEN, true)
                .set(INKOMSTENOPGAVE.TE_LAAT, false).set(INKOMSTENOPGAVE.VRIJLATING_ARBEID, false).set(INKOMSTENOPGAVE.VRIJLATING_OUDER, false)
                .set(INKOMSTENOPGAVE.GIFTEN, java.math.BigDecimal.ZERO).set(INKOMSTENOPGAVE.INGEDIEND_OP, came)
                .set(INKOMSTENOPGAVE.GEWIJZIGD_OP, came).execute();
        for (String status : List.of("OPEN", "GESTUURD")) {
            long requestId = t.insertInto(DOCUMENTVERZOEK).set(DOCUMENTVERZOEK.PUBLIC_ID, UUID.randomUUID().toString()).set(DOCUMENTVERZOEK.BURGER_ID, burger)
                    .set(DOCUMENTVERZOEK.MEDEWERKER_ID, consulent).set(DOCUMENTVERZOEK.WAT, "Bankafschrift")
                    .set(DOCUMENTVERZOEK.WAAROM, "Voor de benchmark").set(DOCUMENTVERZOEK.UITERLIJK, today.plusDays(1 + i % 14))
                    .set(DOCUMENTVERZOEK.STATUS, status).set(DOCUMENTVERZOEK.GEVRAAGD_OP, came)
                    .set(DOCUMENTVERZOEK.GESTUURD_OP, "GESTUURD".equals(status) ? came.plusHours(1) : null)
                    .returning(DOCUMENTVERZOEK.ID).fetchOne(DOCUMENTVERZOEK.ID);
            nl.bijstandsportaal.documents.RequestThreads.open(t, burger, requestId, came.toInstant(java.time.ZoneOffset.UTC));
        }
    }
}
