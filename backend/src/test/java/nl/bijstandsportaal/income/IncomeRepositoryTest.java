package nl.bijstandsportaal.income;

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
        return db.insertInto(BURGER).set(BURGER.GEMEENTE_ID, westland).set(BURGER.BSN, "6" + String.format("%08d", (int) (Math.random() * 1e8)))
                .set(BURGER.VOORNAAM, "Test").set(BURGER.ACHTERNAAM, "Historie").set(BURGER.GEBOORTEDATUM, LocalDate.parse("1980-05-05"))
                .set(BURGER.LEEFVORM, "ALLEENSTAANDE_OUDER").set(BURGER.STRAAT, "Teststraat").set(BURGER.HUISNUMMER, "1")
                .set(BURGER.POSTCODE, "1234AB").set(BURGER.WOONPLAATS, "Teststad").set(BURGER.BIJSTAND_SINDS, LocalDate.parse("2024-01-01"))
                .returning(BURGER.ID).fetchSingle(BURGER.ID);
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
