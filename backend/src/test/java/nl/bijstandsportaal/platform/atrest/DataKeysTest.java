package nl.bijstandsportaal.platform.atrest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AES-256-GCM with a key id in every value, the blind index of the BSN, and the settings refused (ADR 0042). */
class DataKeysTest {

    static final String KEY_A = Base64.getEncoder().encodeToString("a-32-byte-key-for-the-tests-0001".getBytes(StandardCharsets.US_ASCII));
    static final String KEY_B = Base64.getEncoder().encodeToString("b-32-byte-key-for-the-tests-0002".getBytes(StandardCharsets.US_ASCII));
    static final String INDEX = Base64.getEncoder().encodeToString("an-index-key-of-32-bytes-for-tst".getBytes(StandardCharsets.US_ASCII));

    @Test
    void aValueCarriesItsKeyIdAndNothingOfThePlainText() {
        DataKeys keys = DataKeys.parse("a:" + KEY_A, INDEX);
        byte[] sealed = keys.seal("999990019", AtRestColumns.BSN);
        assertEquals("a", DataKeys.keyIdOf(sealed));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("999990019"));
        assertEquals("999990019", keys.openText(sealed, AtRestColumns.BSN));
        assertFalse(java.util.Arrays.equals(sealed, keys.seal("999990019", AtRestColumns.BSN)), "a fresh nonce every time");
        byte[] pdf = "%PDF-1.4 hello".getBytes(StandardCharsets.US_ASCII);
        byte[] file = keys.seal(pdf, "documentverzoek_bijlage.inhoud");
        assertNotEquals('%', file[0]);
        assertArrayEquals(pdf, keys.open(file, "documentverzoek_bijlage.inhoud"));
    }

    @Test
    void aChangedValueAnotherColumnOrAnUnknownKeyIsRefused() {
        DataKeys keys = DataKeys.parse("a:" + KEY_A, INDEX);
        byte[] sealed = keys.seal("999990019", AtRestColumns.BSN);
        assertThrows(IllegalStateException.class, () -> keys.open(sealed, "bericht_bijlage.inhoud"), "bound to its column");
        byte[] changed = sealed.clone();
        changed[changed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> keys.open(changed, AtRestColumns.BSN));
        DataKeys other = DataKeys.parse("b:" + KEY_B, INDEX);
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> other.open(sealed, AtRestColumns.BSN));
        assertTrue(unknown.getMessage().contains("'a'") && unknown.getMessage().contains("PORTAL_DATA_KEYS"), unknown.getMessage());
        // A key id in the header changed to one that exists: the tag does not hold.
        DataKeys both = DataKeys.parse("a:" + KEY_A + ",*b:" + KEY_B, INDEX);
        byte[] relabelled = sealed.clone();
        relabelled[5] = 'b';
        assertThrows(IllegalStateException.class, () -> both.open(relabelled, AtRestColumns.BSN));
    }

    @Test
    void rotationWritesWithTheCurrentKeyAndReadsWithEveryConfiguredOne() {
        DataKeys old = DataKeys.parse("a:" + KEY_A, INDEX);
        byte[] before = old.seal("999990032", AtRestColumns.BSN);
        DataKeys both = DataKeys.parse("a:" + KEY_A + ", *b:" + KEY_B, INDEX);
        assertEquals("b", both.currentId());
        assertEquals("999990032", both.openText(before, AtRestColumns.BSN));
        byte[] after = both.seal("999990032", AtRestColumns.BSN);
        assertEquals("b", DataKeys.keyIdOf(after));
        DataKeys onlyNew = DataKeys.parse("b:" + KEY_B, INDEX);
        assertEquals("999990032", onlyNew.openText(after, AtRestColumns.BSN));
        assertThrows(IllegalStateException.class, () -> onlyNew.open(before, AtRestColumns.BSN));
        // The lookup value does not depend on the data keys.
        assertArrayEquals(old.bsnIndex("999990032"), onlyNew.bsnIndex("999990032"));
        assertFalse(java.util.Arrays.equals(old.bsnIndex("999990032"), old.bsnIndex("999990044")));
        assertFalse(java.util.Arrays.equals(old.bsnIndex("999990032"),
                DataKeys.parse("a:" + KEY_A, KEY_B).bsnIndex("999990032")), "keyed: another index key, another value");
    }

    @Test
    void aFileStoredBeforeEncryptionIsReadAsItIs() {
        DataKeys keys = DataKeys.parse("a:" + KEY_A, INDEX);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
        assertArrayEquals(jpeg, keys.open(jpeg, "wijziging_bijlage.inhoud"));
        assertEquals(null, DataKeys.keyIdOf(jpeg));
    }

    @Test
    void missingShortUnreadableOrDemoKeysAreRefusedOutsideADemo() {
        assertEquals(List.of(), DataKeys.problems(false, "a:" + KEY_A, INDEX));
        assertEquals(List.of(), DataKeys.problems(true, DataKeys.DEMO_DATA_KEYS, DataKeys.DEMO_BSN_INDEX_KEY));
        assertTrue(DataKeys.problems(false, "", INDEX).get(0).contains("PORTAL_DATA_KEYS is not set"));
        assertTrue(DataKeys.problems(false, "a:" + KEY_A, null).get(0).contains("PORTAL_BSN_INDEX_KEY is not set"));
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertTrue(DataKeys.problems(false, "a:" + shortKey, INDEX).get(0).contains("exactly 32"));
        assertTrue(DataKeys.problems(false, "a:" + KEY_A, shortKey).get(0).contains("PORTAL_BSN_INDEX_KEY is shorter than 32 bytes"));
        assertTrue(DataKeys.problems(false, "a:not base64!", INDEX).get(0).contains("PORTAL_DATA_KEYS cannot be read"));
        assertTrue(DataKeys.problems(false, "a:" + KEY_A + ",b:" + KEY_B, INDEX).get(0).contains("exactly one key as current"));
        assertTrue(DataKeys.problems(false, "*a:" + KEY_A + ",*b:" + KEY_B, INDEX).get(0).contains("exactly one key as current"));
        List<String> demo = DataKeys.problems(false, DataKeys.DEMO_DATA_KEYS, DataKeys.DEMO_BSN_INDEX_KEY);
        assertEquals(2, demo.size(), demo.toString());
        assertTrue(demo.get(0).contains("demo key") && demo.get(1).contains("demo value"), demo.toString());
        for (String problem : DataKeys.problems(false, "a:" + shortKey, shortKey)) {
            assertFalse(problem.contains(shortKey), "a message never shows a key");
        }
        assertThrows(IllegalStateException.class, () -> DataKeys.parse("", INDEX));
    }
}
