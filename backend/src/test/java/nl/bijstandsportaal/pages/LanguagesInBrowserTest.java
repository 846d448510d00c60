package nl.bijstandsportaal.pages;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.bijstandsportaal.testsupport.BrowserSteps;
import nl.bijstandsportaal.testsupport.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The citizen pages in Turkish, Arabic (right to left), Polish and Ukrainian (ADR 0038) in a real Chromium: chosen from
 * the language menu with the keyboard, zero axe-core violations, nothing wider than a 320 px phone, one h1; Arabic
 * also at desktop width.
 */
@MicronautTest
@Tag("browser")
class LanguagesInBrowserTest extends PortalTest {

    private static final List<String> PAGES = List.of("/overzicht", "/inkomsten", "/rechten-en-plichten", "/documenten", "/gesprekken",
            "/afspraken", "/regelingen", "/berichten", "/wijziging", "/wat-als-ik-ga-werken");

    private BrowserSteps ui;

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
}
