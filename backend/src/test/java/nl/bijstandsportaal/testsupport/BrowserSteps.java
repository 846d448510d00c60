package nl.bijstandsportaal.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the browser tests do again and again, against the portal on {@code port}: a phone- or desk-sized window, a demo
 * login, a page checked (axe with zero violations, no wider than the screen, one h1), a button pressed, a field or
 * control reached with the Tab key alone.
 */
public final class BrowserSteps {

    /** A 320-pixel phone and a desk. */
    public static final int[][] VIEWPORTS = {{320, 640}, {1280, 800}};

    private final String base;

    public BrowserSteps(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    public BrowserContext context(int width, int height) {
        return Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("nl-NL"));
    }

    /** Logs in on a demo page ({@code /demo/digid}, {@code /demo/medewerker}) with the button of {@code name}. */
    public void demoLogin(Page page, String path, String name) {
        page.navigate(base + path);
        var button = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
        if (button.count() == 0) {
            throw new AssertionError("no button '" + name + "' on " + page.url() + ":\n" + page.content());
        }
        button.click();
        try {
            page.waitForURL(Pattern.compile(".*/(overzicht|consulent)"), new Page.WaitForURLOptions().setTimeout(10_000));
        } catch (RuntimeException e) {
            throw new AssertionError("after login: " + page.url() + "\n" + page.content(), e);
        }
    }

    /** Opens {@code path} and checks it. */
    public void audit(Page page, String path, int width, List<String> problems) {
        page.navigate(base + path);
        check(page, path, width, problems);
    }

    /** The page as it is now (after a click or a form post): axe, width, one h1; what is wrong goes to {@code problems}. */
    public void check(Page page, String path, int width, List<String> problems) {
        String violations = Chromium.violations(page);
        if (!violations.isEmpty()) {
            problems.add(path + " @" + width + "px:\n" + violations);
        }
        if (!Chromium.fitsWidth(page)) {
            problems.add(path + " @" + width + "px: wider than the screen");
        }
        if (page.locator("h1").count() != 1) {
            problems.add(path + " @" + width + "px: " + page.locator("h1").count() + " h1 elements");
        }
    }

    /** Presses the button named exactly {@code name} and waits for the page. */
    public void button(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
        page.waitForLoadState();
    }

    /** A button of the form that posts to .../{@code action} (a page can have several forms with the same button). */
    public void formButton(Page page, String action, String name) {
        page.locator("form[action*='/" + action + "']").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
        page.waitForLoadState();
    }

    /** Presses Tab until the field with this id has the focus. */
    public void tabToField(Page page, String id) {
        for (int i = 0; i < 40; i++) {
            page.keyboard().press("Tab");
            if (id.equals(page.evaluate("() => document.activeElement ? document.activeElement.id : ''"))) {
                return;
            }
        }
        throw new AssertionError("could not reach field #" + id + " with Tab");
    }

    /** Presses Tab until a control whose text contains {@code text} has the focus. */
    public void tabTo(Page page, String text) {
        for (int i = 0; i < 60; i++) {
            page.keyboard().press("Tab");
            Object focused = page.evaluate("() => document.activeElement ? document.activeElement.innerText : ''");
            if (focused != null && focused.toString().contains(text)) {
                return;
            }
        }
        throw new AssertionError("could not reach '" + text + "' with Tab");
    }
}
