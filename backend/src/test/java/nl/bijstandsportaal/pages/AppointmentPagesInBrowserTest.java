package nl.bijstandsportaal.pages;

import nl.bijstandsportaal.testsupport.TestRows;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.BrowserSteps;
import nl.bijstandsportaal.testsupport.Chromium;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestToday;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static nl.bijstandsportaal.platform.db.generated.Tables.AFSPRAAK;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Appointments in a real Chromium: the consulent plans one (with a mistake first) and the citizen's pages, at 320 px and
 * desktop width with zero axe-core violations; and a citizen confirms an appointment with the keyboard alone on a phone.
 */
@MicronautTest
@org.junit.jupiter.api.Tag("browser")
class AppointmentPagesInBrowserTest extends PortalTest {

    private BrowserSteps ui;

    @org.junit.jupiter.api.BeforeEach
    void browserSteps() {
        ui = new BrowserSteps(server.getPort());
    }

    private static final int[][] VIEWPORTS = BrowserSteps.VIEWPORTS;

    @Inject
    DSLContext db;

    private String appointmentFor(String bsn, String about) {
        long burger = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(bsn)).fetchSingle(BURGER.ID);
        long marieke = db.select(MEDEWERKER.ID).from(MEDEWERKER).where(MEDEWERKER.OIDC_SUBJECT.eq(MARIEKE)).fetchSingle(MEDEWERKER.ID);
        String id = UUID.randomUUID().toString();
        LocalDateTime start = LocalDateTime.ofInstant(TestToday.date().plusDays(3).atTime(10, 30).atZone(TestToday.DUTCH_TIME).toInstant(), ZoneOffset.UTC);
        db.insertInto(AFSPRAAK).set(AFSPRAAK.PUBLIC_ID, id).set(AFSPRAAK.BURGER_ID, burger).set(AFSPRAAK.MEDEWERKER_ID, marieke)
                .set(AFSPRAAK.BEGINT_OP, start).set(AFSPRAAK.DUUR_MINUTEN, 30).set(AFSPRAAK.VORM, "KANTOOR")
                .set(AFSPRAAK.LOCATIE, "Stadhuis, Markt 1, Naaldwijk").set(AFSPRAAK.ONDERWERP, about)
                .set(AFSPRAAK.MEENEMEN, "Je identiteitsbewijs").set(AFSPRAAK.STATUS, "GEPLAND").set(AFSPRAAK.ANTWOORD, "GEEN")
                .set(AFSPRAAK.VERSIE, 1).set(AFSPRAAK.GEPLAND_OP, TestToday.utc()).set(AFSPRAAK.GEWIJZIGD_OP, TestToday.utc()).execute();
        return id;
    }

    @Test
    void appointmentPagesAreAccessibleOnPhoneAndDesktop() {
        long fatima = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(FATIMA)).fetchSingle(BURGER.ID);
        List<String> problems = new ArrayList<>();
        for (int[] viewport : VIEWPORTS) {
            String about = "Je plan voor werk " + viewport[0];
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/medewerker", "Marieke Jansen");
                ui.audit(page, "/consulent/burgers/" + fatima, viewport[0], problems);
                ui.audit(page, "/consulent/burgers/" + fatima + "/afspraken/nieuw", viewport[0], problems);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afspraak plannen")).click();
                page.waitForLoadState();
                if (page.locator("#fouten").count() == 0) {
                    throw new AssertionError("no errors after planning nothing: " + page.url() + "\n" + page.locator("body").innerText());
                }
                ui.check(page, "plan with mistakes", viewport[0], problems);
                page.locator("#datum").fill(TestToday.date().plusDays(2).toString());
                page.locator("#tijd").fill("10:30");
                page.locator("#vorm").check();
                page.locator("#adres").fill("Stadhuis, Markt 1, Naaldwijk");
                page.locator("#onderwerp").fill(about);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afspraak plannen")).click();
                page.waitForURL(Pattern.compile(".*opgeslagen=afspraak.*"));
                ui.check(page, "file with an appointment", viewport[0], problems);
                page.locator("main a", new Page.LocatorOptions().setHasText("Gesprek over deze afspraak")).first().click();
                page.waitForURL(Pattern.compile(".*/gesprekken/.+"));
                ui.check(page, "the appointment's conversation (consulent)", viewport[0], problems);
            }
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/digid", "Fatima El Amrani");
                ui.check(page, "/overzicht with an appointment to do", viewport[0], problems);
                ui.audit(page, "/afspraken", viewport[0], problems);
                page.locator("main a", new Page.LocatorOptions().setHasText("Bekijk de afspraak")).first().click();
                page.waitForURL(Pattern.compile(".*/afspraken/.+"));
                ui.check(page, "one appointment", viewport[0], problems);
                // (A note that is too long cannot be typed here: the field stops at its maxlength; AppointmentsTest covers it.)
                page.locator("#notitie").fill("Liever in de middag");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vraag een andere tijd")).click();
                page.waitForSelector("#gedaan");
                ui.check(page, "another time asked", viewport[0], problems);
                page.locator("#gesprek").click();
                page.waitForURL(Pattern.compile(".*/gesprekken/.+"));
                ui.check(page, "the appointment's conversation", viewport[0], problems);
                ui.audit(page, "/gesprek-aanvragen", viewport[0], problems);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vraag het gesprek")).click();
                page.waitForSelector("#fouten");
                ui.check(page, "conversation with a mistake", viewport[0], problems);
                page.locator("#onderwerp").fill("Mijn huur gaat omhoog");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vraag het gesprek")).click();
                page.waitForSelector("#gevraagd");
                ui.check(page, "conversation asked", viewport[0], problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** On a phone, with the keyboard alone: from the home page's to-do to "Ja, ik kom"; the calendar file is offered. */
    @Test
    void aCitizenConfirmsAnAppointmentWithTheKeyboardAlone() {
        String id = appointmentFor(SANNE, "Gesprek over je inkomsten");
        try (BrowserContext context = ui.context(320, 640)) {
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Sanne de Vries");
            ui.tabTo(page, "Laat weten of je komt");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/afspraken/" + id));
            var calendar = page.locator("#agenda");
            assertThat(calendar).hasAttribute("href", "/afspraken/" + id + "/agenda.ics");
            assertTrue(calendar.getAttribute("download") != null, "offered as a download");
            ui.tabTo(page, "Ja, ik kom");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*gedaan=bevestigd.*"));
            assertThat(page.locator("#gedaan")).containsText("Je consulent weet nu dat je komt.");
            assertThat(page.locator("main")).containsText("Je hebt laten weten dat je komt.");
            String violations = Chromium.violations(page);
            assertTrue(violations.isEmpty(), violations);
            assertTrue(Chromium.fitsWidth(page));
        }
        assertEquals("BEVESTIGD", db.select(AFSPRAAK.ANTWOORD).from(AFSPRAAK).where(AFSPRAAK.PUBLIC_ID.eq(id)).fetchSingle().value1());
    }

}
