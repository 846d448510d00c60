package nl.bijstandsportaal.platform.atrest;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys that encrypt BSNs and files at rest, and the encryption itself (ADR 0042): AES-256-GCM from the JDK, a fresh
 * 96-bit nonce per value, the 128-bit tag checked on every read. A value is
 * {@code 00 'E' 'K' 01 | length of key id | key id (ASCII) | nonce (12) | ciphertext and tag}; the header and the purpose
 * (which column) are authenticated data, so a value cannot be moved to another column or given another key id
 * unnoticed. New values use the current key; a value is read with the key its header names, as long as that key is
 * configured (rotation: ADR 0042, docs/operations.md).
 * <p>
 * The keys come from {@code PORTAL_DATA_KEYS}: {@code id:base64} pairs (32 bytes each) separated by commas, the
 * current one marked with a leading {@code *} (with one key it is the current one). The BSN's lookup value is an
 * HMAC-SHA256 of the nine digits with its own key, {@code PORTAL_BSN_INDEX_KEY} (base64, at least 32 bytes).
 */
public final class DataKeys {

    /** The demo's keys (application.yml); outside a demo they are refused (StartupSecrets). */
    public static final String DEMO_DATA_KEYS = "demo:ZGVtby1vbmx5LWRhdGEta2V5LWNoYW5nZS1tZS0wMDA=";
    public static final String DEMO_BSN_INDEX_KEY = "ZGVtby1vbmx5LWJzbi1pbmRleC1rZXktY2hhbmdlLW1lMDA=";
    static final byte[] MAGIC = {0x00, 'E', 'K', 0x01};
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys;
    private final String current;
    private final byte[] currentHeader;
    private final SecretKeySpec indexKey;

    private DataKeys(Map<String, SecretKeySpec> keys, String current, SecretKeySpec indexKey) {
        this.keys = keys;
        this.current = current;
        this.currentHeader = header(current);
        this.indexKey = indexKey;
    }

    /** Reads the two settings; an unreadable setting stops the start-up with a message naming it (never a key). */
    public static DataKeys parse(String dataKeys, String bsnIndexKey) {
        List<String> problems = problems(true, dataKeys, bsnIndexKey);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The portal does not start: " + String.join(" ", problems));
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        List<Entry> entries = entries(dataKeys);
        for (Entry e : entries) {
            keys.put(e.id(), new SecretKeySpec(e.key(), "AES"));
        }
        String marked = entries.size() == 1 ? entries.get(0).id()
                : entries.stream().filter(Entry::current).findFirst().orElseThrow().id();
        return new DataKeys(Map.copyOf(keys), marked, new SecretKeySpec(Base64.getDecoder().decode(bsnIndexKey.trim()), "HmacSHA256"));
    }

    /**
     * What is wrong with the two settings, one sentence per problem; empty when they can be used. Outside a demo the
     * demo keys from the repository are refused as well.
     */
    public static List<String> problems(boolean demo, String dataKeys, String bsnIndexKey) {
        List<String> problems = new ArrayList<>();
        if (dataKeys == null || dataKeys.isBlank()) {
            problems.add("PORTAL_DATA_KEYS is not set.");
        } else {
            try {
                List<Entry> entries = entries(dataKeys);
                long marked = entries.stream().filter(Entry::current).count();
                if (marked > 1 || marked == 0 && entries.size() > 1) {
                    problems.add("PORTAL_DATA_KEYS must mark exactly one key as current with a leading * (\"*id:base64,...\").");
                }
                if (entries.stream().map(Entry::id).distinct().count() < entries.size()) {
                    problems.add("PORTAL_DATA_KEYS names a key id twice.");
                }
                for (Entry e : entries) {
                    if (e.key().length != 32) {
                        problems.add("PORTAL_DATA_KEYS: key " + e.id() + " is " + e.key().length + " bytes; AES-256 needs exactly 32 (openssl rand -base64 32).");
                    } else if (!demo && Arrays.equals(e.key(), demoKey())) {
                        problems.add("PORTAL_DATA_KEYS: key " + e.id() + " is the demo key from the repository; make a key of your own.");
                    }
                }
            } catch (IllegalArgumentException e) {
                problems.add("PORTAL_DATA_KEYS cannot be read: " + e.getMessage());
            }
        }
        if (bsnIndexKey == null || bsnIndexKey.isBlank()) {
            problems.add("PORTAL_BSN_INDEX_KEY is not set.");
        } else {
            try {
                byte[] key = Base64.getDecoder().decode(bsnIndexKey.trim());
                if (key.length < 32) {
                    problems.add("PORTAL_BSN_INDEX_KEY is shorter than 32 bytes (base64 of at least 32 random bytes: openssl rand -base64 32).");
                } else if (!demo && bsnIndexKey.trim().equals(DEMO_BSN_INDEX_KEY)) {
                    problems.add("PORTAL_BSN_INDEX_KEY still has the demo value from the repository; make a key of your own.");
                }
            } catch (IllegalArgumentException e) {
                problems.add("PORTAL_BSN_INDEX_KEY is not base64.");
            }
        }
        return problems;
    }

    private record Entry(String id, byte[] key, boolean current) {
    }

    private static List<Entry> entries(String setting) {
        List<Entry> entries = new ArrayList<>();
        for (String part : setting.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            boolean current = part.startsWith("*");
            String pair = current ? part.substring(1) : part;
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("each key is id:base64");
            }
            String id = pair.substring(0, colon);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a key id is 1 to 32 letters, digits, - or _");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(pair.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key " + id + " is not base64");
            }
            entries.add(new Entry(id, key, current));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no key");
        }
        return entries;
    }

    private static byte[] demoKey() {
        return entries(DEMO_DATA_KEYS).get(0).key();
    }

    /** The id of the key new values are written with. */
    public String currentId() {
        return current;
    }

    /** The ids of every configured key. */
    public Set<String> ids() {
        return keys.keySet();
    }

    /** Encrypts with the current key. {@code purpose} names the column (e.g. "burger.bsn") and must be given to read it. */
    public byte[] seal(byte[] plain, String purpose) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            cipher.updateAAD(currentHeader);
            byte[] out = new byte[currentHeader.length + NONCE_BYTES + cipher.getOutputSize(plain.length)];
            System.arraycopy(currentHeader, 0, out, 0, currentHeader.length);
            System.arraycopy(nonce, 0, out, currentHeader.length, NONCE_BYTES);
            cipher.doFinal(plain, 0, plain.length, out, currentHeader.length + NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public byte[] seal(String plain, String purpose) {
        return seal(plain.getBytes(StandardCharsets.UTF_8), purpose);
    }

    /**
     * Decrypts a value written by {@link #seal}. A value without the header is returned as it is: a file stored before
     * encryption and not yet moved (uploads start with the bytes of a photo or PDF, never with 00). A value whose key is
     * not configured, or that was changed, is refused.
     */
    public byte[] open(byte[] stored, String purpose) {
        if (!isSealed(stored)) {
            return stored;
        }
        String id = keyIdOf(stored);
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("A value at rest was encrypted with key '" + id
                    + "', which is not in PORTAL_DATA_KEYS (docs/operations.md, \"Keys at rest\").");
        }
        int headerLength = MAGIC.length + 1 + stored[MAGIC.length];
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, headerLength, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            cipher.updateAAD(stored, 0, headerLength);
            return cipher.doFinal(stored, headerLength + NONCE_BYTES, stored.length - headerLength - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A value at rest (" + purpose + ", key '" + id + "') does not decrypt: changed or wrong key", e);
        }
    }

    public String openText(byte[] stored, String purpose) {
        return new String(open(stored, purpose), StandardCharsets.UTF_8);
    }

    /** The keyed lookup value of a BSN (HMAC-SHA256 of its digits): equal BSNs give equal values, nothing else does. */
    public byte[] bsnIndex(String bsn) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return mac.doFinal(bsn.trim().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public static boolean isSealed(byte[] stored) {
        if (stored == null || stored.length < MAGIC.length + 2) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (stored[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The id of the key a value was written with; null for a value that is not encrypted. */
    public static String keyIdOf(byte[] stored) {
        if (!isSealed(stored)) {
            return null;
        }
        int length = stored[MAGIC.length];
        return new String(stored, MAGIC.length + 1, length, StandardCharsets.US_ASCII);
    }

    private static byte[] header(String id) {
        byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
        byte[] header = Arrays.copyOf(MAGIC, MAGIC.length + 1 + idBytes.length);
        header[MAGIC.length] = (byte) idBytes.length;
        System.arraycopy(idBytes, 0, header, MAGIC.length + 1, idBytes.length);
        return header;
    }
}
