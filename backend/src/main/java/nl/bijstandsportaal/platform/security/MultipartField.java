package nl.bijstandsportaal.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads one small text field from a multipart/form-data body (RFC 7578) without taking the rest apart: the CSRF
 * filter finds {@code csrfToken} this way before the controller sees the files, so the token never has to travel in
 * the address. A field with a file name is never a match; a value longer than 512 bytes is not read.
 */
final class MultipartField {

    private static final int MAX_VALUE = 512;

    private MultipartField() {
    }

    /** @param contentType the request's Content-Type, with its boundary */
    static Optional<String> find(String contentType, byte[] body, String name) {
        String boundary = boundary(contentType);
        if (boundary == null || body == null) {
            return Optional.empty();
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length;
            if (headersStart + 1 < body.length && body[headersStart] == '-' && body[headersStart + 1] == '-') {
                return Optional.empty(); // the closing delimiter
            }
            headersStart = skipLineEnd(body, headersStart);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                return Optional.empty();
            }
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd + 4);
            if (next < 0) {
                return Optional.empty();
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
            if (isField(headers, name)) {
                int start = headersEnd + 4;
                if (next - start > MAX_VALUE) {
                    return Optional.empty();
                }
                return Optional.of(new String(body, start, next - start, StandardCharsets.UTF_8));
            }
            at = next + 2;
        }
        return Optional.empty();
    }

    private static boolean isField(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
                String value = line.substring(colon + 1);
                return value.contains("name=\"" + name + "\"") && !value.contains("filename");
            }
        }
        return false;
    }

    static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.trim();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String b = p.substring(9).trim();
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                return b.isEmpty() || b.length() > 200 ? null : b;
            }
        }
        return null;
    }

    private static int skipLineEnd(byte[] body, int i) {
        if (i + 1 < body.length && body[i] == '\r' && body[i + 1] == '\n') {
            return i + 2;
        }
        return i;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
