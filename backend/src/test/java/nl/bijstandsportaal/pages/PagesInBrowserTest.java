package nl.bijstandsportaal.pages;

import nl.bijstandsportaal.testsupport.TestRows;

import nl.bijstandsportaal.testsupport.TestToday;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.BrowserSteps;
import nl.bijstandsportaal.testsupport.Chromium;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestIdentityProviders;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.MEDEWERKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page in a real Chromium: zero axe-core WCAG 2.2 A/AA violations at 320 px (a small phone) and at
 * desktop width, nothing wider than the screen, and the login done with the keyboard alone.
 */
@MicronautTest
@org.junit.jupiter.api.Tag("browser")
class PagesInBrowserTest extends PortalTest {

    private BrowserSteps ui;

    @org.junit.jupiter.api.BeforeEach
    void browserSteps() {
        ui = new BrowserSteps(server.getPort());
    }

    private static final int[][] VIEWPORTS = BrowserSteps.VIEWPORTS;

    @Inject
    DSLContext db;
    @Inject
    nl.bijstandsportaal.notifications.Outbox outbox;
    @Inject
    nl.bijstandsportaal.notifications.Dispatcher dispatcher;

    @Test
    void publicPagesAreAccessibleOnPhoneAndDesktop() {
        List<String> problems = new ArrayList<>();
        for (int[] viewport : VIEWPORTS) {
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                for (String path : List.of("/", "/inloggen", "/inloggen?fout=login", "/inloggen?fout=digid-niveau", "/medewerkers",
                        "/medewerkers?fout=tweede-factor", "/demo/digid", "/demo/medewerker", "/sessie-verlopen", "/uitgelogd", "/bestaat-niet", "/taal?lang=en&terug=/inloggen", "/woordenlijst",
                        "/wat-als-ik-ga-werken", "/wat-als-ik-ga-werken?gemeente=1783&leefvorm=ALLEENSTAANDE_OUDER&kind12=ja&uren=20&uurloon=13",
                        "/wat-als-ik-ga-werken?uren=veel")) {
                    ui.audit(page, path, viewport[0], problems);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * The regelingen: catalogue, each regeling, the check screen by screen (with a mistake) to the outcome; an
     * application followed to its decision on both sides: a hersteltermijn, a verdaging, four eyes, the decision, the
     * letter and a bezwaar.
     */
    @Test
    void regelingenPagesAreAccessibleOnPhoneAndDesktop() {
        List<String> problems = new ArrayList<>();
        String applicationPath = null;
        for (int[] viewport : VIEWPORTS) {
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                for (String path : List.of("/regelingen", "/regelingen?gemeente=1783", "/regelingen?gemeente=9999",
                        "/regelingen/individuele-inkomenstoeslag?gemeente=1783", "/regelingen/kwijtschelding?gemeente=0344",
                        "/regelingen/meedoenregeling?gemeente=1783", "/regelingen/zorgverzekering?gemeente=1783",
                        "/regelingen/bijzondere-bijstand?gemeente=0344", "/regelingen/check?gemeente=1783")) {
                    ui.audit(page, path, viewport[0], problems);
                }
                page.getByText("Volgende").click();
                ui.check(page, "check: no answer", viewport[0], problems);
                page.locator("#leefvorm-partners").check();
                page.getByText("Volgende").click();
                page.locator("#leeftijd").fill("40");
                page.getByText("Volgende").click();
                page.locator("#partnerLeeftijd").fill("38");
                page.getByText("Volgende").click();
                ui.check(page, "check: children", viewport[0], problems);
                page.locator("#kinderen0tot4").fill("0");
                page.locator("#kinderen4tot12").fill("1");
                page.locator("#kinderen12tot18").fill("0");
                page.getByText("Volgende").click();
                page.locator("#inkomen").fill("2100");
                page.getByText("Volgende").click();
                page.locator("#spaargeld").fill("100");
                page.getByText("Volgende").click();
                ui.check(page, "check: low income", viewport[0], problems);
                page.locator("#laagInkomen-langer").check();
                page.getByText("Volgende").click();
                page.locator("#beterInkomen-weetniet").check();
                page.getByText("Volgende").click();
                assertThat(page.locator("h1")).containsText("Wat kun je misschien krijgen?");
                ui.check(page, "check: outcome", viewport[0], problems);

                ui.demoLogin(page, "/demo/digid", "Henk Bakker");
                ui.check(page, "/overzicht with tips", viewport[0], problems);
                ui.audit(page, "/regelingen", viewport[0], problems);
                ui.audit(page, "/regelingen/check", viewport[0], problems);
                ui.audit(page, "/regelingen/mijn", viewport[0], problems);

                // Applying: a screen, a mistake, the check of the answers, the status after sending.
                ui.audit(page, "/regelingen/bijzondere-bijstand", viewport[0], problems);
                page.getByText("Bijzondere bijstand aanvragen").click();
                page.waitForLoadState();
                ui.check(page, "aanvraag: first screen", viewport[0], problems);
                page.locator("#kosten").check(); // the first option carries the question id
                page.getByText("Opslaan en verder").click();
                page.getByText("Opslaan en verder").click();
                ui.check(page, "aanvraag: no answer", viewport[0], problems);
                page.locator("#omschrijving").fill("Mijn bril is kapot.");
                page.getByText("Opslaan en verder").click();
                page.locator("#bedrag").fill("180");
                page.getByText("Opslaan en verder").click();
                page.locator("#vergoed").check();
                page.getByText("Opslaan en verder").click();
                if (page.locator("#spaargeld").count() > 0) { // not asked when the check (another test) already has it
                    page.locator("#spaargeld").fill("0");
                    page.getByText("Opslaan en verder").click();
                }
                ui.check(page, "aanvraag: check the answers", viewport[0], problems);
                page.getByText("Aanvraag versturen").click();
                page.waitForLoadState();
                ui.check(page, "aanvraag: sent", viewport[0], problems);
                applicationPath = page.url().substring(page.url().indexOf("/aanvragen/"));
                ui.audit(page, "/aanvragen", viewport[0], problems);
            }
            String id = applicationPath.substring("/aanvragen/".length());
            try (BrowserContext consulent = ui.context(viewport[0], viewport[1]); BrowserContext citizen = ui.context(viewport[0], viewport[1]);
                 BrowserContext second = ui.context(viewport[0], viewport[1])) {
                Page dennis = consulent.newPage();
                ui.demoLogin(dennis, "/demo/medewerker", "Dennis de Boer");
                ui.audit(dennis, "/consulent/aanvragen", viewport[0], problems);
                ui.audit(dennis, "/consulent/aanvragen/" + id, viewport[0], problems);
                ui.formButton(dennis, "besluit", "Controleer eerst de tekst");
                ui.check(dennis, "consulent: decision without answers", viewport[0], problems);
                // Ask for more (hersteltermijn): first without answers, then filled in, checked, sent.
                ui.formButton(dennis, "herstel", "Controleer eerst de tekst");
                ui.check(dennis, "consulent: herstel without answers", viewport[0], problems);
                dennis.locator("#wat").fill("Een offerte met de naam van de winkel");
                dennis.locator("#waarom").fill("Op de offerte staat geen winkel.");
                dennis.locator("#uiterlijk").fill(TestToday.date().plusDays(14).toString());
                ui.formButton(dennis, "herstel", "Controleer eerst de tekst");
                ui.button(dennis, "Vraag om aanvulling");
                ui.check(dennis, "consulent: herstel asked", viewport[0], problems);

                Page henk = citizen.newPage();
                ui.demoLogin(henk, "/demo/digid", "Henk Bakker");
                ui.audit(henk, applicationPath, viewport[0], problems);
                assertThat(henk.locator("main")).containsText("We hebben iets nodig: Een offerte met de naam van de winkel");

                // Verdaging, then a grant above the four-eyes amount: proposed, and approved by a second employee.
                dennis.locator("#tot").fill(TestToday.date().plusWeeks(10).toString());
                dennis.locator("#waaromLater").fill("We wachten op de offerte.");
                ui.formButton(dennis, "verdaging", "Controleer eerst de tekst");
                ui.button(dennis, "Verdagen");
                ui.check(dennis, "consulent: verdaagd", viewport[0], problems);
                dennis.locator("#besluit").selectOption("TOEGEKEND");
                dennis.locator("#bedrag").fill("1250");
                dennis.locator("#betaaldatum").fill(TestToday.date().plusDays(7).toString());
                dennis.locator("#reden").fill("Je bril is kapot. Wij betalen een nieuwe.");
                ui.formButton(dennis, "besluit", "Controleer eerst de tekst");
                assertThat(dennis.locator("#leesbaarheid-besluit")).containsText("Leesbaarheid van je tekst");
                ui.check(dennis, "consulent: decision's reason checked", viewport[0], problems);
                ui.button(dennis, "Besluit opslaan en de burger laten weten");
                ui.check(dennis, "consulent: proposed (four eyes)", viewport[0], problems);

                Page lotte = second.newPage();
                ui.demoLogin(lotte, "/demo/medewerker", "Lotte Visser");
                ui.audit(lotte, "/consulent/aanvragen/" + id, viewport[0], problems);
                ui.button(lotte, "Keuze opslaan");
                ui.check(lotte, "second employee: no choice", viewport[0], problems);
                lotte.locator("#keuze").check();
                ui.button(lotte, "Keuze opslaan");
                ui.check(lotte, "second employee: agreed", viewport[0], problems);

                // The citizen reads the decision and the letter, and makes a bezwaar (first without words).
                ui.audit(henk, applicationPath, viewport[0], problems);
                assertThat(henk.locator("main")).containsText("Het geld staat uiterlijk");
                ui.button(henk, "Bezwaar versturen");
                ui.check(henk, "bezwaar without words", viewport[0], problems);
                henk.locator("#waarom").fill("De nieuwe bril kost meer.");
                ui.button(henk, "Bezwaar versturen");
                ui.check(henk, "bezwaar sent", viewport[0], problems);
                ui.audit(henk, applicationPath + "/brief", viewport[0], problems);

                ui.audit(dennis, "/consulent/aanvragen", viewport[0], problems);
                ui.audit(dennis, "/consulent/aanvragen/" + id, viewport[0], problems);
                assertThat(dennis.locator("main")).containsText("De nieuwe bril kost meer.");
                ui.audit(dennis, "/consulent/aanvragen/" + id + "/brief", viewport[0], problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** A signed-in citizen answers the check's two questions with the keyboard alone. */
    @Test
    void theCheckIsDoneWithTheKeyboardAlone() {
        try (BrowserContext context = ui.context(320, 640)) {
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Henk Bakker");
            page.navigate(ui.base() + "/regelingen/check");
            ui.tabToField(page, "spaargeld");
            page.keyboard().type("250");
            page.keyboard().press("Enter");
            page.waitForLoadState();
            assertThat(page.locator("h1")).containsText("Denk je dat je inkomen het komende jaar hoger wordt?");
            ui.tabToField(page, "beterInkomen");
            page.keyboard().press("ArrowDown"); // from "Ja" to "Nee"
            ui.tabTo(page, "Volgende");
            page.keyboard().press("Enter");
            page.waitForLoadState();
            assertThat(page.locator("h1")).containsText("Wat kun je misschien krijgen?");
        }
    }

    @Test
    void citizenPagesAreAccessibleOnPhoneAndDesktop() {
        List<String> problems = new ArrayList<>();
        for (int[] viewport : VIEWPORTS) {
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/digid", "Fatima El Amrani");
                ui.audit(page, "/overzicht", viewport[0], problems);
                ui.audit(page, "/consulent", viewport[0], problems); // the friendly 403 page
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void rightsAndChangePagesAreAccessibleOnPhoneAndDesktop() {
        List<String> problems = new ArrayList<>();
        for (int[] viewport : VIEWPORTS) {
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/digid", "Henk Bakker");
                ui.audit(page, "/rechten-en-plichten", viewport[0], problems);
                page.locator("details").evaluateAll("all => all.forEach(d => d.open = true)");
                ui.check(page, "/rechten-en-plichten (opened)", viewport[0], problems);
                ui.audit(page, "/rechten-en-plichten/quiz", viewport[0], problems);
                page.locator("#buitenland-nee").check();
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bekijk de antwoorden")).click();
                page.waitForURL(Pattern.compile(".*/rechten-en-plichten/quiz"));
                ui.check(page, "quiz result", viewport[0], problems);
                ui.audit(page, "/wijziging", viewport[0], problems);
                ui.audit(page, "/wat-als-ik-ga-werken?maandloon=800", viewport[0], problems);
                for (String slug : List.of("iemand-komt-wonen", "iemand-gaat-weg", "buitenland", "verhuizen", "gift-of-erfenis", "iets-anders")) {
                    ui.audit(page, "/wijziging/" + slug, viewport[0], problems);
                }
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
                page.waitForSelector("#fouten");
                ui.check(page, "change form with mistakes", viewport[0], problems);
                page.locator("#datum").fill(TestToday.date().minusDays(3).toString());
                page.locator("#toelichting").fill("Mijn dochter gaat in maart trouwen.");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
                page.waitForURL(Pattern.compile(".*/wijziging/verstuurd/.*"));
                ui.check(page, "change receipt", viewport[0], problems);
                // Proof sent with a change, deleted again while the consulent has not started (ADR 0055).
                ui.audit(page, "/wijziging/buitenland", viewport[0], problems);
                page.locator("#land").fill("Marokko");
                page.locator("#datum").fill(TestToday.date().plusDays(60).toString());
                page.locator("#datumTot").fill(TestToday.date().plusDays(70).toString());
                page.locator("#bewijs").setInputFiles(new com.microsoft.playwright.options.FilePayload("reisplan.pdf", "application/pdf",
                        "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
                page.waitForURL(Pattern.compile(".*/wijziging/verstuurd/.*"));
                ui.check(page, "change receipt with proof", viewport[0], problems);
                page.locator("main a", new Page.LocatorOptions().setHasText("Verwijderen")).first().click();
                page.waitForURL(Pattern.compile(".*/verwijderen"));
                ui.check(page, "delete change proof: what will happen", viewport[0], problems);
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, verwijder dit bestand")).click();
                page.waitForSelector("#verwijderd");
                ui.check(page, "change proof deleted", viewport[0], problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void incomePagesAreAccessibleOnPhoneAndDesktop() {
        List<String> problems = new ArrayList<>();
        for (int[] viewport : VIEWPORTS) {
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/digid", "Jan Jansen");
                ui.audit(page, "/inkomsten", viewport[0], problems);
                // The oldest period not yet sent: the one most likely to have its norms in the rule data.
                page.locator("a", new Page.LocatorOptions().setHasText("Geef je inkomsten door")).last().click();
                page.waitForLoadState();
                ui.check(page, "income period", viewport[0], problems);
                page.getByText("Ja, ik had inkomsten").click();
                page.waitForURL(Pattern.compile(".*/bronnen"));
                ui.check(page, "income sources", viewport[0], problems);
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bekijk wat dit betekent")).click();
                page.waitForSelector("#fouten");
                ui.check(page, "income sources with mistakes", viewport[0], problems);
                page.locator("[id='bron.0.soort']").selectOption("WERK");
                page.locator("[id='bron.0.naam']").fill("Uitzendbureau Noord");
                page.locator("[id='bron.0.netto']").fill("6250");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bekijk wat dit betekent")).click();
                page.waitForSelector("#effect, h1:has-text('Dit bedrag weten we nog niet')");
                if (page.locator("#effect").count() == 0) {
                    // No open period has its norms in the rule data on this day: what the citizen sees then is checked instead.
                    ui.check(page, "income figures not known", viewport[0], problems);
                } else {
                    page.locator("details").evaluateAll("all => all.forEach(d => d.open = true)");
                    ui.check(page, "income check with a warning", viewport[0], problems);
                }
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
                page.waitForURL(Pattern.compile(".*/verstuurd"));
                ui.check(page, "income receipt", viewport[0], problems);
                // A payslip added, then deleted again while the consulent has not taken the report in hand (ADR 0055).
                page.locator("#bewijs").setInputFiles(new com.microsoft.playwright.options.FilePayload("loonstrook.pdf", "application/pdf",
                        "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toevoegen")).click();
                page.waitForSelector("main a:has-text('Verwijderen')");
                ui.check(page, "income receipt with proof", viewport[0], problems);
                page.locator("main a", new Page.LocatorOptions().setHasText("Verwijderen")).first().click();
                page.waitForURL(Pattern.compile(".*/verwijderen"));
                ui.check(page, "delete income proof: what will happen", viewport[0], problems);
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, verwijder dit bestand")).click();
                page.waitForSelector("#verwijderd");
                ui.check(page, "income proof deleted", viewport[0], problems);
            }
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/medewerker", "Dennis de Boer");
                long jan = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(JAN)).fetchOne(BURGER.ID);
                String code = db.select(nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE.PERIODE_CODE)
                        .from(nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE)
                        .where(nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE.BURGER_ID.eq(jan)).limit(1)
                        .fetchOne(nl.bijstandsportaal.platform.db.generated.Tables.INKOMSTENOPGAVE.PERIODE_CODE);
                ui.audit(page, "/consulent/burgers/" + jan, viewport[0], problems);
                ui.audit(page, "/consulent/burgers/" + jan + "/inkomsten/" + code, viewport[0], problems);
                page.locator("[id='vastgesteld.0']").fill("6000");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verwerkt")).click();
                page.waitForSelector("#fouten");
                ui.check(page, "consulent income with mistakes", viewport[0], problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void inboxPagesAreAccessibleOnPhoneAndDesktop() {
        long fatima = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(FATIMA)).fetchOne(BURGER.ID);
        for (String from : List.of("2026-10-01", "2026-11-01")) { // one to open, one that stays new
            var message = new nl.bijstandsportaal.notifications.Outbox.Message(fatima, nl.bijstandsportaal.notifications.Topic.INKOMSTEN,
                    "test/" + java.util.UUID.randomUUID(), "notification.income.soon", "[\"" + from + "\",\"2026-11-30\",\"2026-12-10\"]", "/inkomsten");
            db.transaction(tx -> outbox.write(tx.dsl(), message, TestToday.instant()));
        }
        List<String> problems = new ArrayList<>();
        for (int[] viewport : VIEWPORTS) {
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/digid", "Fatima El Amrani");
                ui.audit(page, "/berichten", viewport[0], problems);
                assertThat(page.locator("main .portal-tag").first()).hasText("Nieuw");
                page.locator("main a", new Page.LocatorOptions().setHasText("Lees het bericht")).first().click();
                page.waitForURL(Pattern.compile(".*/berichten/.+"));
                ui.check(page, "one message", viewport[0], problems);
                ui.audit(page, "/meldingen/instellingen", viewport[0], problems);
                page.locator("#van").fill("laat");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
                page.waitForSelector("#fouten");
                ui.check(page, "notification settings with a mistake", viewport[0], problems);
                page.locator("#van").fill("21:00");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
                page.waitForSelector("#opgeslagen");
                ui.check(page, "notification settings saved", viewport[0], problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theSessionsPageListsPhonesAndEndsOne() {
        long fatima = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(FATIMA)).fetchOne(BURGER.ID);
        java.time.LocalDateTime now = java.time.LocalDateTime.ofInstant(TestToday.instant(), java.time.ZoneOffset.UTC);
        List<String> problems = new ArrayList<>();
        for (int[] viewport : VIEWPORTS) {
            String phone = java.util.UUID.randomUUID().toString();
            db.insertInto(nl.bijstandsportaal.platform.db.generated.Tables.MOBILE_SESSION)
                    .set(nl.bijstandsportaal.platform.db.generated.Tables.MOBILE_SESSION.PUBLIC_ID, phone)
                    .set(nl.bijstandsportaal.platform.db.generated.Tables.MOBILE_SESSION.BURGER_ID, fatima)
                    .set(nl.bijstandsportaal.platform.db.generated.Tables.MOBILE_SESSION.DEVICE_NAME, "Telefoon van Fatima")
                    .set(nl.bijstandsportaal.platform.db.generated.Tables.MOBILE_SESSION.REFRESH_TOKEN_HASH, phone.replace("-", "") + "0000000000000000000000000000")
                    .set(nl.bijstandsportaal.platform.db.generated.Tables.MOBILE_SESSION.CREATED_AT, now.minusDays(2))
                    .set(nl.bijstandsportaal.platform.db.generated.Tables.MOBILE_SESSION.LAST_USED_AT, now.minusHours(3))
                    .set(nl.bijstandsportaal.platform.db.generated.Tables.MOBILE_SESSION.EXPIRES_AT, now.plusDays(30))
                    .set(nl.bijstandsportaal.platform.db.generated.Tables.MOBILE_SESSION.ABSOLUTE_EXPIRES_AT, now.plusDays(30))
                    .execute();
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/digid", "Fatima El Amrani");
                ui.audit(page, "/sessies", viewport[0], problems);
                assertThat(page.locator("main")).containsText("Telefoon van Fatima");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Uitloggen op deze telefoon")).first().click();
                page.waitForSelector("#beeindigd");
                ui.check(page, "sessions, a phone logged out", viewport[0], problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void notificationSettingsAreChangedWithTheKeyboardAlone() {
        try (BrowserContext context = ui.context(320, 640)) {
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Fatima El Amrani");
            page.navigate(ui.base() + "/meldingen/instellingen");
            boolean wasOn = page.locator("#INKOMSTEN-EMAIL").isChecked();
            ui.tabToField(page, "INKOMSTEN-EMAIL");
            page.keyboard().press("Space");
            ui.tabToField(page, "van");
            page.keyboard().press("Control+A");
            page.keyboard().type("22:15");
            ui.tabTo(page, "Opslaan");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/meldingen/instellingen\\?opgeslagen.*"));
            assertThat(page.locator("#opgeslagen")).containsText("Je keuzes zijn opgeslagen.");
            assertEquals(!wasOn, page.locator("#INKOMSTEN-EMAIL").isChecked());
            assertThat(page.locator("#van")).hasValue("22:15");
        }
    }

    @Test
    void employeePagesAreAccessibleOnPhoneAndDesktop() {
        long fatima = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(FATIMA)).fetchOne(BURGER.ID);
        // Fatima's e-mail address is set before the messages, so each gets an e-mail delivery for the demo page.
        db.update(BURGER).set(BURGER.EMAIL, "fatima.elamrani@example.org").where(BURGER.ID.eq(fatima)).execute();
        List<String> problems = new ArrayList<>();
        for (int[] viewport : VIEWPORTS) {
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/medewerker", "Marieke Jansen");
                ui.audit(page, "/consulent", viewport[0], problems);
                ui.audit(page, "/consulent/burgers/" + fatima, viewport[0], problems);
                // A message to the citizen: first empty (the form comes back with the error), then the readability check
                // of what was typed, then sent.
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Controleren en versturen")).click();
                page.waitForLoadState();
                ui.check(page, "consulent message with a mistake", viewport[0], problems);
                page.locator("#bericht").fill("Hoi Fatima, wil je de loonstrook van oktober nog sturen? Groet, Marieke");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Controleren en versturen")).click();
                page.waitForSelector("#leesbaarheid");
                ui.check(page, "consulent message with its readability check", viewport[0], problems);
                ui.button(page, "Versturen");
                ui.check(page, "consulent message sent", viewport[0], problems);
                ui.audit(page, "/consulent/burgers/" + fatima + "/situatie", viewport[0], problems);
                page.locator("#plicht-ARBEID-reden").fill("");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
                page.waitForLoadState();
                ui.check(page, "situation form with mistakes", viewport[0], problems);
            }
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/medewerker", "Priya Ramdin");
                ui.audit(page, "/beheer/audit", viewport[0], problems);
                ui.audit(page, "/beheer/regels", viewport[0], problems);
                ui.audit(page, "/beheer/meldingen", viewport[0], problems);
                // Employees and teams: every form open, then one sent back with a mistake (nothing is stored).
                ui.audit(page, "/beheer/medewerkers", viewport[0], problems);
                page.locator("details").evaluateAll("all => all.forEach(d => d.open = true)");
                ui.check(page, "/beheer/medewerkers (opened)", viewport[0], problems);
                long sven = db.select(MEDEWERKER.ID).from(MEDEWERKER).where(MEDEWERKER.OIDC_SUBJECT.eq(SVEN)).fetchOne(MEDEWERKER.ID);
                page.locator("#nieuwTeam-" + sven).fill("Team " + "x".repeat(60));
                page.locator("form[action='/beheer/medewerkers/" + sven + "'] button[type=submit]").click();
                page.waitForSelector("#fouten");
                ui.check(page, "employee form with a mistake", viewport[0], problems);
            }
        }
        // What the recording senders "sent" for those messages, on the demo page.
        db.update(BURGER).set(BURGER.STILLE_UREN_VAN, java.time.LocalTime.MIDNIGHT).set(BURGER.STILLE_UREN_TOT, java.time.LocalTime.MIDNIGHT)
                .where(BURGER.ID.eq(fatima)).execute();
        dispatcher.dispatchAll();
        for (int[] viewport : VIEWPORTS) {
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                ui.audit(context.newPage(), "/demo/verzonden", viewport[0], problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void documentPagesAreAccessibleOnPhoneAndDesktop() {
        long fatima = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(FATIMA)).fetchOne(BURGER.ID);
        List<String> problems = new ArrayList<>();
        for (int[] viewport : VIEWPORTS) {
            String what = "Bankafschriften van oktober (" + viewport[0] + " px)";
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/medewerker", "Marieke Jansen");
                page.navigate(ui.base() + "/consulent/burgers/" + fatima);
                ui.formButton(page, "documentverzoeken", "Controleer eerst de tekst");
                page.waitForSelector("#fouten");
                ui.check(page, "document request with mistakes", viewport[0], problems);
                page.locator("#wat").fill(what);
                page.locator("#waarom").fill("We willen zien of er geld bij kwam.");
                ui.formButton(page, "documentverzoeken", "Controleer eerst de tekst");
                assertThat(page.locator("#leesbaarheid-document")).containsText("Leesbaarheid van je tekst");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vraag dit document")).click();
                page.waitForURL(Pattern.compile(".*opgeslagen=document.*"));
                ui.check(page, "document requested", viewport[0], problems);
            }
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/digid", "Fatima El Amrani");
                ui.audit(page, "/documenten", viewport[0], problems);
                page.locator("main a", new Page.LocatorOptions().setHasText(what)).first().click();
                page.waitForURL(Pattern.compile(".*/documenten/.+"));
                ui.check(page, "one document request", viewport[0], problems);
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stuur dit bestand")).click();
                page.waitForSelector("#fouten");
                ui.check(page, "document without a file", viewport[0], problems);
                page.locator("#bestand").setInputFiles(new com.microsoft.playwright.options.FilePayload("afschrift.pdf", "application/pdf",
                        "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stuur dit bestand")).click();
                page.waitForSelector("#gestuurd");
                ui.check(page, "document sent", viewport[0], problems);
                // Deleting it (ADR 0055): first a page that says what will happen, then one button.
                page.locator("main a", new Page.LocatorOptions().setHasText("Verwijderen")).first().click();
                page.waitForURL(Pattern.compile(".*/verwijderen"));
                ui.check(page, "delete a file: what will happen", viewport[0], problems);
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, verwijder dit bestand")).click();
                page.waitForSelector("#verwijderd");
                ui.check(page, "file deleted", viewport[0], problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aDocumentIsSentWithTheKeyboardAlone() {
        long fatima = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(FATIMA)).fetchOne(BURGER.ID);
        long marieke = db.select(MEDEWERKER.ID).from(MEDEWERKER).where(MEDEWERKER.OIDC_SUBJECT.eq(MARIEKE)).fetchOne(MEDEWERKER.ID);
        String id = java.util.UUID.randomUUID().toString();
        db.insertInto(DOCUMENTVERZOEK).set(DOCUMENTVERZOEK.PUBLIC_ID, id).set(DOCUMENTVERZOEK.BURGER_ID, fatima)
                .set(DOCUMENTVERZOEK.MEDEWERKER_ID, marieke).set(DOCUMENTVERZOEK.WAT, "Huurcontract").set(DOCUMENTVERZOEK.WAAROM, "Voor je woonkosten.")
                .set(DOCUMENTVERZOEK.UITERLIJK, TestToday.date().plusDays(10)).set(DOCUMENTVERZOEK.STATUS, "OPEN")
                .set(DOCUMENTVERZOEK.GEVRAAGD_OP, TestToday.utc()).execute();
        try (BrowserContext context = ui.context(320, 640)) {
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Fatima El Amrani");
            page.navigate(ui.base() + "/documenten/" + id);
            ui.tabToField(page, "bestand");
            // The file itself comes from the phone's or computer's own file picker, outside the page: put it in the
            // field that has the keyboard focus (opening that picker with Space did not always fire in headless Chromium).
            page.locator("#bestand:focus").setInputFiles(new com.microsoft.playwright.options.FilePayload("huurcontract.pdf", "application/pdf",
                    "%PDF-1.4\n%huur\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            ui.tabTo(page, "Stuur dit bestand");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*gestuurd=ja.*"));
            assertThat(page.locator("#gestuurd")).containsText("Gelukt.");
            assertThat(page.locator("main")).containsText("huurcontract.pdf");
            // And deleted again, with the keyboard alone (ADR 0055).
            ui.tabTo(page, "Verwijderen");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/verwijderen"));
            ui.tabTo(page, "Ja, verwijder dit bestand");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*verwijderd=ja.*"));
            assertThat(page.locator("#verwijderd")).containsText("Het bestand is verwijderd.");
        }
    }

    /**
     * A conversation both ways at 320 px: the citizen asks with the keyboard alone; the consulent finds it in the work
     * list, reads it whole, answers after the readability check; the citizen reads the answer. Axe on every step, and
     * the team lead's page.
     */
    @Test
    void aConversationGoesBothWaysWithTheKeyboardAlone() {
        List<String> problems = new ArrayList<>();
        String question = "Ik heb een brief van de Belastingdienst gekregen. Wat moet ik daarmee doen?";
        try (BrowserContext context = ui.context(320, 640)) {
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Fatima El Amrani");
            ui.audit(page, "/gesprekken", 320, problems);
            ui.tabTo(page, "Stel een vraag");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/gesprekken/nieuw"));
            ui.check(page, "new conversation", 320, problems);
            ui.tabToField(page, "onderwerp");
            page.keyboard().type("Brief van de Belastingdienst");
            ui.tabToField(page, "bericht");
            page.keyboard().type(question);
            ui.tabTo(page, "Versturen");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*verstuurd=ja.*"));
            assertThat(page.locator("#verstuurd")).containsText("Je bericht is verstuurd.");
            ui.check(page, "conversation sent", 320, problems);
        }
        for (int[] viewport : VIEWPORTS) {
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/medewerker", "Marieke Jansen");
                ui.check(page, "work list", viewport[0], problems);
                ui.audit(page, "/consulent?wie=team&soort=bericht", viewport[0], problems);
                if (viewport[0] == 320) {
                    page.locator("main a", new Page.LocatorOptions().setHasText("Brief van de Belastingdienst")).first().click();
                    page.waitForURL(Pattern.compile(".*/gesprekken/.+"));
                    assertThat(page.locator("main")).containsText(question);
                    ui.check(page, "conversation for the consulent", viewport[0], problems);
                    page.locator("#bericht").fill("Stuur een foto van de brief mee. Dan lees ik hem en bel ik je morgen.");
                    ui.button(page, "Controleren en versturen");
                    ui.check(page, "answer with its readability check", viewport[0], problems);
                    ui.button(page, "Versturen");
                    page.waitForURL(Pattern.compile(".*verstuurd=ja.*"));
                    ui.check(page, "answer sent", viewport[0], problems);
                }
            }
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/medewerker", "Lotte Visser");
                ui.audit(page, "/consulent/team", viewport[0], problems);
                ui.audit(page, "/consulent/burgers", viewport[0], problems);
            }
            long fatima = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(FATIMA)).fetchOne(BURGER.ID);
            long henk = db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(HENK)).fetchOne(BURGER.ID);
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/medewerker", "Marieke Jansen");
                ui.audit(page, "/consulent/burgers/" + fatima + "/tijdlijn", viewport[0], problems);
            }
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/medewerker", "Sven Bos");
                ui.audit(page, "/consulent/burgers/" + henk, viewport[0], problems); // another team: take it over first
                ui.button(page, "Dossier overnemen");
                ui.check(page, "takeover without a reason", viewport[0], problems);
            }
            try (BrowserContext context = ui.context(viewport[0], viewport[1])) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/digid", "Fatima El Amrani");
                ui.audit(page, "/wie-keek", viewport[0], problems);
            }
        }
        try (BrowserContext context = ui.context(320, 640)) {
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Fatima El Amrani");
            page.navigate(ui.base() + "/gesprekken");
            page.locator("main a", new Page.LocatorOptions().setHasText("Brief van de Belastingdienst")).first().click();
            page.waitForURL(Pattern.compile(".*/gesprekken/.+"));
            assertThat(page.locator("main")).containsText("Dan lees ik hem en bel ik je morgen.");
            assertThat(page.locator("main")).containsText("Marieke Jansen");
            ui.check(page, "the answer, for the citizen", 320, problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aCitizenLogsInWithTheKeyboardAlone() {
        try (BrowserContext context = ui.context(320, 640)) {
            Page page = context.newPage();
            page.navigate(ui.base() + "/");
            page.keyboard().press("Tab");
            assertEquals("#inhoud", page.evaluate("() => document.activeElement.getAttribute('href')"), "the skip link comes first");
            TestIdentityProviders.nextCitizen(SANNE);
            ui.tabTo(page, "Inloggen met DigiD"); // the button, not the word DigiD explained in the text above it
            page.keyboard().press("Enter"); // through the (test) DigiD provider and back
            page.waitForURL(Pattern.compile(".*/overzicht"));
            assertThat(page.locator("h1")).containsText("Sanne");
        }
    }

    @Test
    void aChangeIsReportedWithTheKeyboardAlone() {
        try (BrowserContext context = ui.context(320, 640)) {
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Ahmed Yilmaz");
            page.navigate(ui.base() + "/wijziging");
            ui.tabTo(page, "Je gaat naar het buitenland");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/wijziging/buitenland"));
            ui.tabToField(page, "land");
            page.keyboard().type("Turkije");
            java.time.format.DateTimeFormatter dutch = java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy");
            page.keyboard().press("Tab");
            page.keyboard().type(TestToday.date().plusDays(10).format(dutch));
            page.keyboard().press("Tab");
            page.keyboard().type(TestToday.date().plusDays(20).format(dutch));
            ui.tabTo(page, "Versturen");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/wijziging/verstuurd/.*"));
            assertThat(page.locator("h1")).containsText("Je wijziging is verstuurd");
        }
    }

    @Test
    void pagesWorkWithoutJavaScript() {
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(false).setViewportSize(320, 640).setLocale("nl-NL"))) {
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Henk Bakker");
            assertThat(page.locator("h1")).containsText("Henk");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Uitloggen").setExact(true)).click();
            page.waitForURL(Pattern.compile(".*/uitgelogd"));
        }
    }

    @Test
    void theIdleWarningComesTwoMinutesBeforeTheEndAndCanKeepTheSession() {
        try (BrowserContext context = ui.context(320, 640)) {
            Page page = context.newPage();
            page.clock().install();
            ui.demoLogin(page, "/demo/digid", "Sanne de Vries");
            var warning = page.locator("#sessie-waarschuwing");
            assertThat(warning).isHidden();
            page.clock().runFor(13 * 60 * 1000 + 1000);
            assertThat(warning).isVisible();
            String violations = Chromium.violations(page);
            assertTrue(violations.isEmpty(), "the warning itself is accessible:\n" + violations);
            page.locator("#sessie-verlengen").click();
            assertThat(warning).isHidden();
        }
    }

}
