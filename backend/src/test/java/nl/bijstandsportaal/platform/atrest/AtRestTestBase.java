package nl.bijstandsportaal.platform.atrest;

import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestRows;
import nl.bijstandsportaal.testsupport.TestToday;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the tests of encryption at rest share: a document the consulent asks for and the citizen sends. */
abstract class AtRestTestBase extends PortalTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    DSLContext db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        // The test runs the re-encryption itself.
        properties.put("portal.data-keys.reencrypt-first", "1h");
        return properties;
    }

    long sanne() {
        return db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(SANNE)).fetchSingle(BURGER.ID);
    }

    /** Marieke asks Sanne for a document and Sanne sends these files (name, type, bytes); returns the request's id. */
    String askAndSend(WebClient marieke, String what, Object[]... files) {
        String token = WebClient.csrfToken(marieke.get("/consulent/burgers/" + sanne()).body());
        HttpResponse<String> asked = marieke.postForm("/consulent/burgers/" + sanne() + "/documentverzoeken",
                Map.of("csrfToken", token, "wat", what, "waarom", "We willen zien of er geld bij kwam.",
                        "uiterlijk", TestToday.typed(TestToday.date().plusDays(8)), "gecontroleerd", "ja"));
        assertEquals(303, asked.statusCode(), asked.body());
        String id = db.select(DOCUMENTVERZOEK.PUBLIC_ID).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.BURGER_ID.eq(sanne()))
                .and(DOCUMENTVERZOEK.WAT.eq(what)).fetchSingle(DOCUMENTVERZOEK.PUBLIC_ID);
        WebClient sanne = citizen(SANNE);
        for (Object[] file : files) {
            String upload = "/documenten/" + id + "?csrfToken=" + WebClient.csrfToken(sanne.get("/documenten/" + id).body());
            HttpResponse<String> sent = sanne.postMultipart(upload, Map.of(), "bestand", (String) file[0], (String) file[1], (byte[]) file[2]);
            assertEquals(303, sent.statusCode(), sent.body());
        }
        return id;
    }

    /** The links on Sanne's file page (as Marieke sees it) to the files she sent. */
    java.util.List<String> fileLinks(WebClient marieke) {
        return Jsoup.parse(marieke.get("/consulent/burgers/" + sanne()).body())
                .select("a[href^=/consulent/burgers/" + sanne() + "/documenten/]").eachAttr("href");
    }

    static byte[] jpeg() {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 30; y++) {
                image.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | 90);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
