package nl.bijstandsportaal.notifications;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The app gets API paths where the web inbox has web pages (ADR 0048). */
class ApiLinksTest {

    @Test
    void everyWebPageAMessageLinksToHasItsApiPath() {
        assertEquals("/api/v1/documentverzoeken/ab-12", ApiLinks.of("/documenten/ab-12"));
        assertEquals("/api/v1/afspraken/ab-12", ApiLinks.of("/afspraken/ab-12"));
        assertEquals("/api/v1/gesprekken/ab-12", ApiLinks.of("/gesprekken/ab-12"));
        assertEquals("/api/v1/aanvragen/123", ApiLinks.of("/aanvragen/123"));
        assertEquals("/api/v1/inkomsten/2026-11", ApiLinks.of("/inkomsten/2026-11"));
        assertEquals("/api/v1/inkomsten/2026-11-05-4W", ApiLinks.of("/inkomsten/2026-11-05-4W/verstuurd"));
        assertEquals("/api/v1/inkomsten", ApiLinks.of("/inkomsten"));
        assertEquals("/api/v1/wijzigingen/5f0c", ApiLinks.of("/wijziging/verstuurd/5f0c"));
        assertEquals("/api/v1/rechten", ApiLinks.of("/rechten"));
        assertEquals("/api/v1/meldingen", ApiLinks.of("/berichten"));
        assertEquals("/api/v1/meldingen/m1", ApiLinks.of("/berichten/m1"));
    }

    @Test
    void aPageTheAppHasNothingForHasNoLinkAndAPushFallsBackToItsMessage() {
        assertNull(ApiLinks.of(null));
        assertNull(ApiLinks.of("/instellingen"));
        assertNull(ApiLinks.of("https://example.org/documenten/1"));
        assertEquals("/api/v1/meldingen/m1", ApiLinks.forPush(null, "m1"));
        assertEquals("/api/v1/meldingen/m1", ApiLinks.forPush("/instellingen", "m1"));
        assertEquals("/api/v1/afspraken/a1", ApiLinks.forPush("/afspraken/a1", "m1"));
        assertEquals("/api/v1/meldingen/m1", ApiLinks.forPush("/berichten", "m1"), "a message without a subject: the message itself");
    }
}
