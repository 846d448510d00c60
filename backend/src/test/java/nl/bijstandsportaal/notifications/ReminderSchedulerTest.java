package nl.bijstandsportaal.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.rules.RulesService;
import nl.bijstandsportaal.testsupport.MutableClock;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestRows;
import org.jooq.DSLContext;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DEVICE;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;
import static nl.bijstandsportaal.platform.db.generated.Tables.HUISHOUDLID;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENBRON;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE;
import static nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE_BIJLAGE;
import static nl.bijstandsportaal.platform.db.generated.Tables.MELDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Income reminders computed from data with a moved clock (Westland: monthly periods, the 10th of the next month,
 * a reminder 3 days before): each stage once, nothing for a report already sent, and after downtime one reminder
 * for the stage that is due then, not one for each missed run.
 */
@MicronautTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // one database: the moved clock only goes forward
class ReminderSchedulerTest extends PortalTest {

    @Inject
    DSLContext db;
    @Inject
    RulesService rules;
    @Inject
    Outbox outbox;
    @Inject
    MessageArguments arguments;

    private ReminderScheduler at(MutableClock clock) {
        return new ReminderScheduler(db, rules, outbox, arguments, new DeviceSettings(Duration.ofDays(90), Duration.ofDays(14)), clock);
    }

    private long idOf(String bsn) {
        return db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(bsn)).fetchSingle(BURGER.ID);
    }

    private List<String> keys(long burger) {
        return db.select(MELDING.SLEUTEL).from(MELDING).where(MELDING.BURGER_ID.eq(burger))
                .and(MELDING.SLEUTEL.like("inkomsten/2026-10/%")).orderBy(MELDING.ID).fetch(MELDING.SLEUTEL);
    }

    private static Instant morning(String day) {
        return LocalDate.parse(day).atTime(10, 0).atZone(nl.bijstandsportaal.platform.time.Today.DUTCH_TIME).toInstant();
    }

    @Test
    @Order(1)
    void eachStageOnceAndAfterDowntimeOnlyTheOneDueNow() {
        long sanne = idOf(SANNE);
        long fatima = newCitizen("1783"); // like Fatima, in Westland; her own row, so other tests keep theirs
        // Fatima sent her report for October already.
        report(fatima, "2026-10", LocalDateTime.parse("2026-11-02T09:00:00"));
        MutableClock clock = new MutableClock(morning("2026-11-06"));

        at(clock).run();
        assertEquals(List.of(), keys(sanne), "4 days before the deadline: too early");

        clock.set(morning("2026-11-07"));
        at(clock).run();
        at(clock).run();
        clock.set(morning("2026-11-08"));
        at(clock).run();
        assertEquals(List.of("inkomsten/2026-10/binnenkort"), keys(sanne), "3 days before: once, however often the scheduler runs");

        // The scheduler is down from the 8th to the 20th: it missed "today" (the 10th); now the report is late.
        clock.set(morning("2026-11-20"));
        at(clock).run();
        assertEquals(List.of("inkomsten/2026-10/binnenkort", "inkomsten/2026-10/te-laat"), keys(sanne),
                "after downtime one reminder, for the stage that is due now");
        assertEquals(List.of(), keys(fatima), "who sent the report gets no reminder");

        var late = db.selectFrom(MELDING).where(MELDING.BURGER_ID.eq(sanne)).and(MELDING.SLEUTEL.eq("inkomsten/2026-10/te-laat")).fetchSingle();
        assertEquals("notification.income.late", late.getTekst());
        assertEquals("[\"2026-10-01\",\"2026-10-31\",\"2026-11-10\"]", late.getArgumenten());
        assertEquals("/inkomsten/2026-10", late.getLink());
        assertEquals(Topic.INKOMSTEN.name(), late.getOnderwerp());
    }

    @Test
    @Order(2)
    void onTheLastDayItSaysToday() {
        long henk = idOf(HENK); // Utrecht: four-week periods from 2026-01-01, 7 days to report
        MutableClock clock = new MutableClock(morning("2026-11-24"));
        // The four-week period 2026-11-05 .. 2026-12-02 is not over; the one before, 2026-10-08 .. 2026-11-04, was due 2026-11-11.
        at(clock).run();
        List<String> keys = db.select(MELDING.SLEUTEL).from(MELDING).where(MELDING.BURGER_ID.eq(henk))
                .and(MELDING.SLEUTEL.like("inkomsten/%")).fetch(MELDING.SLEUTEL);
        assertTrue(keys.contains("inkomsten/2026-10-08-4W/te-laat"), keys.toString());

        clock.set(morning("2026-12-09")); // 2026-11-05 .. 2026-12-02, due 2026-12-09
        at(clock).run();
        List<String> after = db.select(MELDING.SLEUTEL).from(MELDING).where(MELDING.BURGER_ID.eq(henk))
                .and(MELDING.SLEUTEL.like("inkomsten/2026-11-05-4W/%")).fetch(MELDING.SLEUTEL);
        assertEquals(List.of("inkomsten/2026-11-05-4W/vandaag"), after);
    }

    @Test
    @Order(3)
    void aHousemateTurning27NextMonthAndAPhoneAboutToExpireAreToldOnce() {
        long henk = newCitizen("0344"); // in Utrecht, like Henk
        long jan = newCitizen("0344");
        MutableClock clock = new MutableClock(morning("2026-12-10"));
        long daughter = db.insertInto(HUISHOUDLID).set(HUISHOUDLID.BURGER_ID, henk).set(HUISHOUDLID.VOORNAAM, "Lotte")
                .set(HUISHOUDLID.GEBOORTEDATUM, LocalDate.parse("1999-12-30")).set(HUISHOUDLID.RELATIE, "KIND")
                .set(HUISHOUDLID.STATUS, "GEEN").set(HUISHOUDLID.WOONT_SINDS, LocalDate.parse("1999-12-30"))
                .returning(HUISHOUDLID.ID).fetchSingle(HUISHOUDLID.ID);
        long student = db.insertInto(HUISHOUDLID).set(HUISHOUDLID.BURGER_ID, henk).set(HUISHOUDLID.VOORNAAM, "Student")
                .set(HUISHOUDLID.GEBOORTEDATUM, LocalDate.parse("1999-12-28")).set(HUISHOUDLID.RELATIE, "KIND")
                .set(HUISHOUDLID.STATUS, "STUDIEFINANCIERING").set(HUISHOUDLID.WOONT_SINDS, LocalDate.parse("1999-12-28"))
                .returning(HUISHOUDLID.ID).fetchSingle(HUISHOUDLID.ID);
        String old = "old-phone-" + UUID.randomUUID();
        String gone = "gone-phone-" + UUID.randomUUID();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        for (String[] d : new String[][]{{old, "80"}, {gone, "91"}}) {
            TestRows.device(db, jan, d[0], now.minusDays(Long.parseLong(d[1])));
        }

        at(clock).run();
        clock.set(morning("2026-12-11"));
        at(clock).run();

        var told = db.selectFrom(MELDING).where(MELDING.BURGER_ID.eq(henk)).and(MELDING.SLEUTEL.like("situatie/huisgenoot/" + daughter + "/%")).fetch();
        assertEquals(1, told.size(), "once, however often the scheduler runs");
        assertEquals(0, db.fetchCount(MELDING, MELDING.SLEUTEL.like("situatie/huisgenoot/" + student + "/%")), "the student does not count");
        assertEquals("situatie/huisgenoot/" + daughter + "/27", told.get(0).getSleutel());
        assertEquals("[\"Lotte\",\"27\",\"2026-12-30\"]", told.get(0).getArgumenten());
        assertEquals("SITUATIE", told.get(0).getOnderwerp());

        assertEquals(1, db.fetchCount(MELDING, MELDING.BURGER_ID.eq(jan).and(MELDING.SLEUTEL.like("apparaat/%"))),
                "the phone not seen for 80 days: told once that it expires after 90");
        assertEquals("[\"2026-12-20\"]", db.select(MELDING.ARGUMENTEN).from(MELDING).where(MELDING.BURGER_ID.eq(jan))
                .and(MELDING.SLEUTEL.like("apparaat/%")).fetchSingle(MELDING.ARGUMENTEN));
        assertEquals(1, db.fetchCount(DEVICE, DEVICE.PUSH_TOKEN.eq(old)));
        assertEquals(0, db.fetchCount(DEVICE, DEVICE.PUSH_TOKEN.eq(gone)), "not seen for more than 90 days: removed");
    }

    /** A citizen of this municipality for this test only (on bijstand since 2025), so the demo citizens stay as they are. */
    private long newCitizen(String gemeente) {
        long gemeenteId = db.select(GEMEENTE.ID).from(GEMEENTE).where(GEMEENTE.CODE.eq(gemeente)).fetchSingle(GEMEENTE.ID);
        String bsn = "7" + String.format("%08d", (int) (Math.random() * 1e8));
        return db.insertInto(BURGER).set(BURGER.GEMEENTE_ID, gemeenteId).set(TestRows.bsnColumns(bsn)).set(BURGER.VOORNAAM, "Test")
                .set(BURGER.ACHTERNAAM, "Herinnering").set(BURGER.GEBOORTEDATUM, LocalDate.parse("1980-05-05")).set(BURGER.LEEFVORM, "ALLEENSTAAND")
                .set(BURGER.STRAAT, "Teststraat").set(BURGER.HUISNUMMER, "1").set(BURGER.POSTCODE, "1234AB").set(BURGER.WOONPLAATS, "Teststad")
                .set(BURGER.BIJSTAND_SINDS, LocalDate.parse("2025-01-01")).returning(BURGER.ID).fetchSingle(BURGER.ID);
    }

    /** A report as sent, with no income; returns its id. */
    private long report(long burger, String month, LocalDateTime sent) {
        java.time.YearMonth m = java.time.YearMonth.parse(month);
        db.insertInto(INKOMSTENOPGAVE).set(INKOMSTENOPGAVE.PUBLIC_ID, UUID.randomUUID().toString())
                .set(INKOMSTENOPGAVE.KENMERK, "T-" + UUID.randomUUID().toString().substring(0, 8)).set(INKOMSTENOPGAVE.BURGER_ID, burger)
                .set(INKOMSTENOPGAVE.PERIODE_CODE, month).set(INKOMSTENOPGAVE.PERIODE_VAN, m.atDay(1))
                .set(INKOMSTENOPGAVE.PERIODE_TOT, m.atEndOfMonth()).set(INKOMSTENOPGAVE.TERMIJN, m.atEndOfMonth().plusDays(10))
                .set(INKOMSTENOPGAVE.STATUS, "VERSTUURD").set(INKOMSTENOPGAVE.VERSIE, 1).set(INKOMSTENOPGAVE.GEEN_INKOMSTEN, true)
                .set(INKOMSTENOPGAVE.TE_LAAT, false).set(INKOMSTENOPGAVE.VRIJLATING_ARBEID, false).set(INKOMSTENOPGAVE.VRIJLATING_OUDER, false)
                .set(INKOMSTENOPGAVE.GIFTEN, BigDecimal.ZERO).set(INKOMSTENOPGAVE.INGEDIEND_OP, sent).set(INKOMSTENOPGAVE.GEWIJZIGD_OP, sent)
                .onDuplicateKeyIgnore().execute();
        return db.select(INKOMSTENOPGAVE.ID).from(INKOMSTENOPGAVE).where(INKOMSTENOPGAVE.BURGER_ID.eq(burger))
                .and(INKOMSTENOPGAVE.PERIODE_CODE.eq(month)).fetchSingle(INKOMSTENOPGAVE.ID);
    }

    @Test
    @Order(4)
    void aPayslipThatWasToFollowIsAskedForOnceAfterThreeDays() {
        long ahmed = newCitizen("1783");
        long waiting = report(ahmed, "2026-07", LocalDateTime.parse("2026-12-08T09:00:00"));
        long withProof = report(ahmed, "2026-06", LocalDateTime.parse("2026-12-08T09:00:00"));
        for (long report : new long[]{waiting, withProof}) {
            db.insertInto(INKOMSTENBRON).set(INKOMSTENBRON.OPGAVE_ID, report).set(INKOMSTENBRON.VERSIE, 1).set(INKOMSTENBRON.VOLGORDE, 0)
                    .set(INKOMSTENBRON.SOORT, "WERKGEVER").set(INKOMSTENBRON.NAAM, "Kas BV").set(INKOMSTENBRON.NETTO, new BigDecimal("380"))
                    .set(INKOMSTENBRON.LOONSTROOK_VOLGT, true).execute();
        }
        db.insertInto(INKOMSTENOPGAVE_BIJLAGE).set(INKOMSTENOPGAVE_BIJLAGE.PUBLIC_ID, java.util.UUID.randomUUID().toString()).set(INKOMSTENOPGAVE_BIJLAGE.OPGAVE_ID, withProof).set(INKOMSTENOPGAVE_BIJLAGE.BESTANDSNAAM, "loonstrook.pdf")
                .set(INKOMSTENOPGAVE_BIJLAGE.CONTENT_TYPE, "application/pdf").set(INKOMSTENOPGAVE_BIJLAGE.GROOTTE, 4)
                .set(INKOMSTENOPGAVE_BIJLAGE.SHA256, "0".repeat(64)).set(INKOMSTENOPGAVE_BIJLAGE.INHOUD, new byte[]{1, 2, 3, 4})
                .set(INKOMSTENOPGAVE_BIJLAGE.TOEGEVOEGD_OP, LocalDateTime.parse("2026-12-08T10:00:00")).execute();
        MutableClock clock = new MutableClock(morning("2026-12-10"));

        at(clock).run();
        assertEquals(0, db.fetchCount(MELDING, MELDING.BURGER_ID.eq(ahmed).and(MELDING.SLEUTEL.like("%/loonstrook"))), "two days: too early");

        clock.set(morning("2026-12-11"));
        at(clock).run();
        clock.set(morning("2026-12-12"));
        at(clock).run();
        var asked = db.selectFrom(MELDING).where(MELDING.BURGER_ID.eq(ahmed)).and(MELDING.SLEUTEL.like("%/loonstrook")).fetch();
        assertEquals(1, asked.size(), "once, and not for the report that has its payslip");
        assertEquals("inkomsten/2026-07/loonstrook", asked.get(0).getSleutel());
        assertEquals("DOCUMENTEN", asked.get(0).getOnderwerp());
        assertEquals("/inkomsten/2026-07/verstuurd", asked.get(0).getLink());
    }

    @Test
    @Order(5)
    void aDocumentStillToComeIsRemindedBeforeTheLastDayAndOnceWhenLate() {
        long ahmed = newCitizen("1783");
        String waiting = documentRequest(ahmed, "2026-12-01T09:00:00", "2026-12-15", "OPEN");
        String sent = documentRequest(ahmed, "2026-12-01T09:00:00", "2026-12-15", "GESTUURD");
        String askedLate = documentRequest(ahmed, "2026-12-13T09:00:00", "2026-12-16", "OPEN");
        String withdrawn = documentRequest(ahmed, "2026-12-01T09:00:00", "2026-12-15", "OPEN");
        MutableClock clock = new MutableClock(morning("2026-12-11"));

        at(clock).run();
        assertEquals(List.of(), documentKeys(ahmed), "4 days before the last day: too early");

        clock.set(morning("2026-12-12"));
        at(clock).run();
        at(clock).run();
        assertEquals(List.of("document/" + waiting + "/herinnering", "document/" + withdrawn + "/herinnering"), documentKeys(ahmed),
                "3 days before: once each; nothing for what was sent");

        db.update(DOCUMENTVERZOEK).set(DOCUMENTVERZOEK.STATUS, "INGETROKKEN").where(DOCUMENTVERZOEK.PUBLIC_ID.eq(withdrawn)).execute();
        clock.set(morning("2026-12-14"));
        at(clock).run();
        assertEquals(2, documentKeys(ahmed).size(), "asked 3 days before the last day: its own message was the reminder");

        // Down from the 14th to the 20th: both open requests are late now; one message each.
        clock.set(morning("2026-12-20"));
        at(clock).run();
        at(clock).run();
        assertEquals(List.of("document/" + waiting + "/herinnering", "document/" + withdrawn + "/herinnering",
                "document/" + waiting + "/te-laat", "document/" + askedLate + "/te-laat"), documentKeys(ahmed));
        var late = db.selectFrom(MELDING).where(MELDING.SLEUTEL.eq("document/" + waiting + "/te-laat")).fetchSingle();
        assertEquals("notification.document.late", late.getTekst());
        assertEquals("[\"Bankafschriften van oktober\",\"2026-12-15\"]", late.getArgumenten());
        assertEquals("/documenten/" + waiting, late.getLink());
        assertEquals(Topic.DOCUMENTEN.name(), late.getOnderwerp());
        assertTrue(documentKeys(ahmed).stream().noneMatch(k -> k.contains(sent)));

        clock.set(morning("2027-01-20")); // more than a month late: no more messages
        at(clock).run();
        assertEquals(4, documentKeys(ahmed).size());
    }

    private List<String> documentKeys(long burger) {
        return db.select(MELDING.SLEUTEL).from(MELDING).where(MELDING.BURGER_ID.eq(burger))
                .and(MELDING.SLEUTEL.like("document/%")).orderBy(MELDING.ID).fetch(MELDING.SLEUTEL);
    }

    /** A request by Marieke (Westland), as the consulent's form stores it; returns its public id. */
    private String documentRequest(long burger, String asked, String deadline, String status) {
        long marieke = db.select(MEDEWERKER.ID).from(MEDEWERKER).where(MEDEWERKER.OIDC_SUBJECT.eq(MARIEKE)).fetchSingle(MEDEWERKER.ID);
        String id = UUID.randomUUID().toString();
        db.insertInto(DOCUMENTVERZOEK).set(DOCUMENTVERZOEK.PUBLIC_ID, id).set(DOCUMENTVERZOEK.BURGER_ID, burger)
                .set(DOCUMENTVERZOEK.MEDEWERKER_ID, marieke).set(DOCUMENTVERZOEK.WAT, "Bankafschriften van oktober")
                .set(DOCUMENTVERZOEK.WAAROM, "We willen zien of er geld bij kwam.").set(DOCUMENTVERZOEK.UITERLIJK, LocalDate.parse(deadline))
                .set(DOCUMENTVERZOEK.STATUS, status).set(DOCUMENTVERZOEK.GEVRAAGD_OP, LocalDateTime.parse(asked))
                .execute();
        return id;
    }
}
