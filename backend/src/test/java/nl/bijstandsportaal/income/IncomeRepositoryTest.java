package nl.bijstandsportaal.income;

import nl.bijstandsportaal.testsupport.TestRows;

import nl.bijstandsportaal.rules.ReportPeriods;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.PortalTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hot reads of an income report (SQL rendered once, read by position) against the real database. */
@MicronautTest
class IncomeRepositoryTest extends PortalTest {

    @Inject
    DSLContext db;
    @Inject
    IncomeRepository repository;

    @Test
    void theHistoryCountsDisregardMonthsAndThisYearsGifts() {
        long burger = newCitizen();
        report(burger, "2025-11", true, false, "0");
        report(burger, "2026-02", true, true, "50");
        report(burger, "2026-08", true, false, "25.50");
        report(burger, "2026-10", false, false, "0"); // the period itself: not counted
        var october = new ReportPeriods.ReportPeriod("2026-10", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"),
                LocalDate.parse("2026-11-10"));

        Offsetting.History before = repository.history(burger, october, null);
        assertEquals(3, before.workMonthsUsed());
        assertEquals(1, before.singleParentMonthsUsed());
        assertEquals(0, new BigDecimal("75.50").compareTo(before.giftsThisYear()));
        assertEquals(0, before.newWorkMonthsUsed());

        assertEquals(1, repository.history(burger, october, LocalDate.parse("2026-07-01")).newWorkMonthsUsed());
        Offsetting.History none = repository.history(newCitizen(), october, LocalDate.parse("2026-07-01"));
        assertEquals(0, none.workMonthsUsed());
        assertEquals(0, BigDecimal.ZERO.compareTo(none.giftsThisYear()));
    }

    @Test
    void aLockedReportReadsAsStoredAndOnlyWhatChangesIsWritten() {
        long burger = newCitizen();
        report(burger, "2026-09", false, false, "12.34");
        var locked = db.transactionResult(tx -> repository.lockReport(tx.dsl(), burger, "2026-09")).orElseThrow();
        assertEquals("2026-09", locked.getPeriodeCode());
        assertEquals(LocalDate.parse("2026-09-30"), locked.getPeriodeTot());
        assertEquals(db.select(INKOMSTENOPGAVE.INGEDIEND_OP).from(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.ID.eq(locked.getId())).fetchSingle().value1(),
                locked.getIngediendOp(), "as jOOQ reads it");
        assertEquals(LocalDateTime.parse("2026-10-02T09:15:30"), locked.getIngediendOp().withNano(0));
        assertEquals(0, new BigDecimal("12.34").compareTo(locked.getGiften()));
        assertEquals(Boolean.TRUE, locked.getGeenInkomsten());
        assertEquals(0, java.util.Arrays.stream(locked.fields()).filter(locked::changed).count(), "nothing marked changed");
        assertTrue(db.transactionResult(tx -> repository.lockReport(tx.dsl(), burger, "2026-08")).isEmpty());
    }

    private long newCitizen() {
        long westland = db.select(GEMEENTE.ID).from(GEMEENTE).where(GEMEENTE.CODE.eq("1783")).fetchSingle(GEMEENTE.ID);
        return db.insertInto(BURGER).set(BURGER.GEMEENTE_ID, westland).set(TestRows.bsnColumns("6" + String.format("%08d", (int) (Math.random() * 1e8))))
                .set(BURGER.VOORNAAM, "Test").set(BURGER.ACHTERNAAM, "Historie").set(BURGER.GEBOORTEDATUM, LocalDate.parse("1980-05-05"))
                .set(BURGER.LEEFVORM, "ALLEENSTAANDE_OUDER").set(BURGER.STRAAT, "Teststraat").set(BURGER.HUISNUMMER, "1")
                .set(BURGER.POSTCODE, "1234AB").set(BURGER.WOONPLAATS, "Teststad").set(BURGER.BIJSTAND_SINDS, LocalDate.parse("2024-01-01"))
                .returning(BURGER.ID).fetchSingle(BURGER.ID);
    }

    /**
     * The regelingen check's income: the latest recent period with an estimate, its bijstand plus the net income of
     * the latest version, as the consulent set it where they did.
     */
    @Test
    void theLastReportedIncomeIsBijstandPlusWhatWasEarned() {
        long burger = newCitizen();
        report(burger, "2026-08", false, false, "0");
        report(burger, "2026-09", false, false, "0");
        long september = db.select(INKOMSTENOPGAVE.ID).from(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.BURGER_ID.eq(burger))
                .and(INKOMSTENOPGAVE.PERIODE_CODE.eq("2026-09")).fetchSingle().value1();
        db.update(INKOMSTENOPGAVE).set(INKOMSTENOPGAVE.VERWACHT_UITBETAALD, new BigDecimal("1100.00")).set(INKOMSTENOPGAVE.VERSIE, 2)
                .where(INKOMSTENOPGAVE.ID.eq(september)).execute();
        source(september, 1, "900.00", null); // the first version: replaced by the correction
        source(september, 2, "400.00", "350.00"); // as the consulent set it
        source(september, 2, "50.00", null);
        var income = repository.lastReported(burger, LocalDate.parse("2026-09-01")).orElseThrow();
        assertEquals(LocalDate.parse("2026-09-30"), income.to());
        assertEquals(0, new BigDecimal("1500.00").compareTo(income.total()), income.total().toPlainString());
        assertTrue(repository.lastReported(burger, LocalDate.parse("2026-10-01")).isEmpty(), "older than asked");
        assertTrue(repository.lastReported(newCitizen(), LocalDate.parse("2026-01-01")).isEmpty());
    }

    private void source(long report, int version, String net, String counted) {
        db.insertInto(nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENBRON)
                .set(nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENBRON.OPGAVE_ID, report)
                .set(nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENBRON.VERSIE, version)
                .set(nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENBRON.VOLGORDE, 1)
                .set(nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENBRON.SOORT, "WERK")
                .set(nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENBRON.NAAM, "Bakkerij")
                .set(nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENBRON.NETTO, new BigDecimal(net))
                .set(nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENBRON.LOONSTROOK_VOLGT, false)
                .set(nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENBRON.VASTGESTELD_NETTO, counted == null ? null : new BigDecimal(counted))
                .execute();
    }

    private void report(long burger, String month, boolean workDisregard, boolean parentDisregard, String gifts) {
        YearMonth m = YearMonth.parse(month);
        LocalDateTime sent = m.atEndOfMonth().plusDays(2).atTime(9, 15, 30, 123_456_000);
        db.insertInto(INKOMSTENOPGAVE).set(INKOMSTENOPGAVE.PUBLIC_ID, UUID.randomUUID().toString())
                .set(INKOMSTENOPGAVE.KENMERK, "T-" + UUID.randomUUID().toString().substring(0, 8)).set(INKOMSTENOPGAVE.BURGER_ID, burger)
                .set(INKOMSTENOPGAVE.PERIODE_CODE, month).set(INKOMSTENOPGAVE.PERIODE_VAN, m.atDay(1))
                .set(INKOMSTENOPGAVE.PERIODE_TOT, m.atEndOfMonth()).set(INKOMSTENOPGAVE.TERMIJN, m.atEndOfMonth().plusDays(10))
                .set(INKOMSTENOPGAVE.STATUS, "VERWERKT").set(INKOMSTENOPGAVE.VERSIE, 1).set(INKOMSTENOPGAVE.GEEN_INKOMSTEN, true)
                .set(INKOMSTENOPGAVE.TE_LAAT, false).set(INKOMSTENOPGAVE.VRIJLATING_ARBEID, workDisregard)
                .set(INKOMSTENOPGAVE.VRIJLATING_OUDER, parentDisregard).set(INKOMSTENOPGAVE.GIFTEN, new BigDecimal(gifts))
                .set(INKOMSTENOPGAVE.INGEDIEND_OP, sent).set(INKOMSTENOPGAVE.GEWIJZIGD_OP, sent).execute();
    }
}
