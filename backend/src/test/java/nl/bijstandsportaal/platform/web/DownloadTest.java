package nl.bijstandsportaal.platform.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A consulent's download is named by the type that was checked, not by what the sender typed. */
class DownloadTest {

    @Test
    void theExtensionFollowsTheCheckedType() {
        assertEquals("afschrift.pdf", new Download("afschrift.hta", "application/pdf", new byte[0]).nameForType());
        assertEquals("foto.jpg", new Download("foto.html", "image/jpeg", new byte[0]).nameForType());
        assertEquals("scan.png", new Download("scan", "image/png", new byte[0]).nameForType());
        assertEquals("bestand.pdf", new Download(".pdf", "application/pdf", new byte[0]).nameForType());
        assertTrue(new Download("brief.hta", "application/pdf", new byte[]{1}).response().header("Content-Disposition").endsWith("brief.pdf"));
    }
}
