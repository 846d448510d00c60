package nl.bijstandsportaal.platform.atrest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.TestRows;
import nl.bijstandsportaal.testsupport.WebClient;
import org.jooq.Record;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;

import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK;
import static nl.bijstandsportaal.platform.db.generated.Tables.DOCUMENTVERZOEK_BIJLAGE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BSNs and files encrypted at rest (issue 17, ADR 0042): the database holds no BSN and no readable file, a citizen is
 * still found by BSN, and rows written plain (a database from before, or an older version during an upgrade) are
 * encrypted at the next start.
 */
@MicronautTest
class EncryptedAtRestTest extends AtRestTestBase {

    private static final List<String> DEMO_BSNS = List.of(SANNE, FATIMA, JAN, HENK);

    @Inject
    DataKeys keys;

    @Test
    void theCitizenTableHoldsNoBsnAndACitizenIsFoundByBsn() {
        List<Record> rows = List.copyOf(db.selectFrom(BURGER).fetch());
        assertTrue(rows.size() >= DEMO_BSNS.size());
        for (Record row : rows) {
            for (int i = 0; i < row.size(); i++) {
                Object value = row.get(i);
                String raw = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value);
                for (String bsn : DEMO_BSNS) {
                    assertFalse(raw.contains(bsn), "column " + row.field(i).getName() + " holds a BSN");
                }
            }
            assertNull(row.get(BURGER.BSN), "the plain column is empty");
            assertEquals("demo", DataKeys.keyIdOf(row.get(BURGER.BSN_VERSLEUTELD)));
            assertEquals("demo", row.get(BURGER.SLEUTEL));
            assertEquals(32, row.get(BURGER.BSN_INDEX).length);
        }
        // Found by BSN: the DigiD login (through the keyed hash), and the consulent's work list search shows it.
        WebClient sanne = citizen(SANNE);
        assertEquals(200, sanne.get("/overzicht").statusCode());
        assertEquals(SANNE, keys.openText(db.select(BURGER.BSN_VERSLEUTELD).from(BURGER).where(TestRows.bsnIs(SANNE)).fetchSingle().value1(),
                AtRestColumns.BSN));
    }

    @Test
    void uploadedFilesAreStoredEncryptedAndComeBackAsSent() {
        WebClient marieke = employee(MARIEKE);
        byte[] photo = jpeg();
        String id = askAndSend(marieke, "Loonstrook van oktober", new Object[]{"loon.pdf", "application/pdf", PDF},
                new Object[]{"loon.jpg", "image/jpeg", photo});
        long request = db.select(DOCUMENTVERZOEK.ID).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.PUBLIC_ID.eq(id)).fetchSingle().value1();
        var stored = db.selectFrom(DOCUMENTVERZOEK_BIJLAGE).where(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(request))
                .orderBy(DOCUMENTVERZOEK_BIJLAGE.ID).fetch();
        assertEquals(2, stored.size());
        for (var file : stored) {
            byte[] raw = file.getInhoud();
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            assertFalse(text.startsWith("%PDF") || text.contains("%PDF") || text.contains("%%EOF"), "no PDF in the column");
            assertFalse((raw[0] & 0xFF) == 0xFF && (raw[1] & 0xFF) == 0xD8, "no JPEG in the column");
            assertFalse(text.contains("JFIF"), "no JPEG header in the column");
            assertTrue(DataKeys.isSealed(raw));
            assertEquals("demo", file.getSleutel());
        }
        assertArrayEquals(PDF, keys.open(stored.get(0).getInhoud(), AtRestColumns.REQUESTED_DOCUMENT.purpose()));
        byte[] photoBack = keys.open(stored.get(1).getInhoud(), AtRestColumns.REQUESTED_DOCUMENT.purpose());
        assertEquals(0xFF, photoBack[0] & 0xFF);
        assertEquals(0xD8, photoBack[1] & 0xFF);

        // The consulent opens the PDF: the bytes as sent.
        List<String> links = fileLinks(marieke);
        assertFalse(links.isEmpty());
        HttpResponse<String> pdf = marieke.get(links.stream().filter(l -> l.endsWith("/" + stored.get(0).getId())).findFirst().orElseThrow());
        assertEquals(200, pdf.statusCode());
        assertEquals(new String(PDF, StandardCharsets.US_ASCII), pdf.body());
    }

    @Test
    void rowsWrittenPlainAreEncryptedAtTheNextStart() {
        // As a database from before encryption, or an older instance during an upgrade, wrote them.
        WebClient marieke = employee(MARIEKE);
        String id = askAndSend(marieke, "Huurcontract", new Object[]{"huur.pdf", "application/pdf", PDF});
        long request = db.select(DOCUMENTVERZOEK.ID).from(DOCUMENTVERZOEK).where(DOCUMENTVERZOEK.PUBLIC_ID.eq(id)).fetchSingle().value1();
        db.update(DOCUMENTVERZOEK_BIJLAGE).set(DOCUMENTVERZOEK_BIJLAGE.INHOUD, PDF).setNull(DOCUMENTVERZOEK_BIJLAGE.SLEUTEL)
                .where(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(request)).execute();
        long westland = db.select(BURGER.GEMEENTE_ID).from(BURGER).where(TestRows.bsnIs(SANNE)).fetchSingle().value1();
        String plainBsn = "123456782";
        long plain = db.insertInto(BURGER).set(BURGER.GEMEENTE_ID, westland).set(BURGER.BSN, plainBsn).set(BURGER.VOORNAAM, "Oud")
                .set(BURGER.ACHTERNAAM, "Gegeven").set(BURGER.GEBOORTEDATUM, java.time.LocalDate.parse("1980-05-05"))
                .set(BURGER.LEEFVORM, "ALLEENSTAAND").set(BURGER.STRAAT, "Teststraat").set(BURGER.HUISNUMMER, "1")
                .set(BURGER.POSTCODE, "1234AB").set(BURGER.WOONPLAATS, "Teststad").set(BURGER.BIJSTAND_SINDS, java.time.LocalDate.parse("2024-01-01"))
                .returning(BURGER.ID).fetchSingle(BURGER.ID);
        assertTrue(AtRestColumns.plainRows(db) >= 2);

        try (EmbeddedServer next = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(getProperties()), "test")) {
            assertEquals(0, AtRestColumns.plainRows(db), "encrypted at start-up, before requests");
            var citizen = db.selectFrom(BURGER).where(BURGER.ID.eq(plain)).fetchSingle();
            assertNull(citizen.getBsn());
            assertEquals(plainBsn, keys.openText(citizen.getBsnVersleuteld(), AtRestColumns.BSN));
            assertEquals(plain, db.select(BURGER.ID).from(BURGER).where(TestRows.bsnIs(plainBsn)).fetchSingle().value1());
            byte[] file = db.select(DOCUMENTVERZOEK_BIJLAGE.INHOUD).from(DOCUMENTVERZOEK_BIJLAGE)
                    .where(DOCUMENTVERZOEK_BIJLAGE.VERZOEK_ID.eq(request)).fetchSingle().value1();
            assertTrue(DataKeys.isSealed(file));
            assertArrayEquals(PDF, keys.open(file, AtRestColumns.REQUESTED_DOCUMENT.purpose()));
            assertNotNull(next.getURI());
        }
    }
}
