package nl.bijstandsportaal.pages;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.bijstandsportaal.testsupport.BrowserSteps;
import nl.bijstandsportaal.testsupport.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import nl.bijstandsportaal.platform.i18n.Messages;
import nl.bijstandsportaal.testsupport.TestToday;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The citizen pages in Turkish, Arabic (right to left), Polish and Ukrainian (ADR 0038) in a real Chromium: chosen from
 * the language menu with the keyboard, zero axe-core violations, nothing wider than a 320 px phone, one h1; Arabic
 * also at desktop width. The main journeys done in Arabic with the keyboard alone, and hard words explained in place.
 */
@MicronautTest
@Tag("browser")
class LanguagesInBrowserTest extends PortalTest {

    private static final List<String> PAGES = List.of("/overzicht", "/inkomsten", "/rechten-en-plichten", "/documenten", "/gesprekken",
            "/afspraken", "/regelingen", "/berichten", "/wijziging", "/wat-als-ik-ga-werken");

    private static final Locale ARABIC = Locale.forLanguageTag("ar");

    @Inject
    Messages messages;

    private BrowserSteps ui;

    private String ar(String key) {
        return messages.get(ARABIC, key);
    }

    private Page inArabic(BrowserContext context, String citizen) {
        Page page = context.newPage();
        ui.demoLogin(page, "/demo/digid", citizen);
        page.navigate(ui.base() + "/taal?lang=ar&terug=/overzicht");
        assertEquals("rtl", page.locator("html").getAttribute("dir"));
        return page;
    }

    @BeforeEach
    void browserSteps() {
        ui = new BrowserSteps(server.getPort());
    }

    @Test
    void theCitizenPagesInEveryFurtherLanguage() {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("tr", "ar", "pl", "uk")) {
            try (BrowserContext context = ui.context(320, 640)) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/digid", "Sanne de Vries");
                page.navigate(ui.base() + "/taal?lang=" + language + "&terug=/overzicht");
                assertEquals(language, page.locator("html").getAttribute("lang"));
                assertEquals(language.equals("ar") ? "rtl" : "ltr", page.locator("html").getAttribute("dir"));
                for (String path : PAGES) {
                    ui.audit(page, path, 320, problems);
                }
            }
        }
        try (BrowserContext context = ui.context(1280, 800)) {
            Page page = context.newPage();
            ui.demoLogin(page, "/demo/digid", "Sanne de Vries");
            page.navigate(ui.base() + "/taal?lang=ar&terug=/overzicht");
            for (String path : PAGES) {
                ui.audit(page, path, 1280, problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The language menu: opened and used with the keyboard alone; each language named in itself. */
    @Test
    void theLanguageIsChosenWithTheKeyboardAlone() {
        try (BrowserContext context = ui.context(320, 640)) {
            Page page = context.newPage();
            page.navigate(ui.base() + "/");
            page.locator(".portal-lang__current").focus();
            page.keyboard().press("Enter");
            ui.tabTo(page, "Українська");
            page.keyboard().press("Enter");
            page.waitForLoadState();
            assertEquals("uk", page.locator("html").getAttribute("lang"));
            assertTrue(page.locator(".portal-lang__current").innerText().contains("Українська"));
        }
    }

    /**
     * Issue 18: the income report, the main journey, in Arabic at 320 px with the keyboard alone: from the list to the
     * receipt (or, on a day whose norms are not known yet, to the page that says so), axe on every step.
     */
    @Test
    void anIncomeReportIsMadeInArabicWithTheKeyboardAlone() {
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = ui.context(320, 640)) {
            Page page = inArabic(context, "Jan Jansen");
            page.navigate(ui.base() + "/inkomsten");
            ui.check(page, "income list (ar)", 320, problems);
            ui.tabTo(page, ar("income.report"));
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/inkomsten/[^/]+$"));
            ui.check(page, "income period (ar)", 320, problems);
            ui.tabTo(page, ar("income.some.button"));
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/bronnen"));
            ui.check(page, "income sources (ar)", 320, problems);

            ui.tabToField(page, "bron.0.soort");
            for (int i = 0; i < 10 && !"WERK".equals(page.locator("[id='bron.0.soort']").inputValue()); i++) {
                page.keyboard().press("ArrowDown");
            }
            assertEquals("WERK", page.locator("[id='bron.0.soort']").inputValue(), "the kind of income is chosen with the arrow keys");
            ui.tabToField(page, "bron.0.naam");
            page.keyboard().type("Uitzendbureau Noord");
            ui.tabToField(page, "bron.0.netto");
            page.keyboard().type("612.50");
            ui.tabTo(page, ar("income.sources.next"));
            page.keyboard().press("Enter");
            page.waitForSelector("#effect, #fouten, h1:has-text('" + ar("error.figures.title").replace("'", "\\'") + "')");
            assertEquals(0, page.locator("#fouten").count(), "the amount is taken as typed:\n" + page.locator("main").innerText());
            ui.check(page, "income check (ar)", 320, problems);
            if (page.locator("#effect").count() > 0) {
                ui.tabTo(page, ar("income.check.send"));
                page.keyboard().press("Enter");
                page.waitForURL(Pattern.compile(".*/verstuurd"));
                assertEquals("rtl", page.locator("html").getAttribute("dir"));
                ui.check(page, "income receipt (ar)", 320, problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** A change (going abroad) reported in Arabic with the keyboard alone; dates typed as the Dutch form asks. */
    @Test
    void aChangeIsReportedInArabicWithTheKeyboardAlone() {
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = ui.context(320, 640)) {
            Page page = inArabic(context, "Ahmed Yilmaz");
            page.navigate(ui.base() + "/wijziging");
            ui.tabTo(page, ar("change.kind.BUITENLAND"));
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/wijziging/buitenland"));
            ui.check(page, "change form (ar)", 320, problems);
            ui.tabToField(page, "land");
            page.keyboard().type("Turkije");
            java.time.format.DateTimeFormatter dutch = java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy");
            page.keyboard().press("Tab");
            page.keyboard().type(TestToday.date().plusDays(10).format(dutch));
            page.keyboard().press("Tab");
            page.keyboard().type(TestToday.date().plusDays(20).format(dutch));
            ui.tabTo(page, ar("change.form.send"));
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/wijziging/verstuurd/.*"));
            ui.check(page, "change sent (ar)", 320, problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Hard words explained where they stand (ADR 0051), with the keyboard: Enter on the word opens its explanation under
     * the sentence (aria-expanded, axe still clean), Escape closes it; in Dutch and in Arabic, where the translation keeps
     * the Dutch word.
     */
    @Test
    void aHardWordIsExplainedInPlaceWithTheKeyboard() {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("nl", "ar")) {
            try (BrowserContext context = ui.context(320, 640)) {
                Page page = context.newPage();
                ui.demoLogin(page, "/demo/digid", "Sanne de Vries");
                page.navigate(ui.base() + "/taal?lang=" + language + "&terug=/overzicht");
                page.navigate(ui.base() + "/regelingen/kwijtschelding");
                var term = page.locator("main a.portal-term").first();
                assertEquals("kwijtschelding", term.innerText().toLowerCase(Locale.ROOT));
                assertEquals(1, page.locator("main a.portal-term[href='/woordenlijst#kwijtschelding']").count(),
                        "a word is explained once per page");
                ui.tabTo(page, term.innerText());
                assertEquals("/woordenlijst#kwijtschelding", page.evaluate("() => document.activeElement.getAttribute('href')"));
                page.keyboard().press("Enter");
                assertEquals("true", term.getAttribute("aria-expanded"));
                var explanation = page.locator(".portal-term__uitleg");
                assertThat(explanation).isVisible();
                assertThat(explanation).containsText(messages.glossary(Locale.forLanguageTag(language)).get("kwijtschelding"));
                assertTrue(page.url().endsWith("/regelingen/kwijtschelding"), "the page stays");
                ui.check(page, "hard word opened (" + language + ")", 320, problems);
                page.keyboard().press("Escape");
                assertEquals(0, explanation.count());
                assertEquals("false", term.getAttribute("aria-expanded"));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
