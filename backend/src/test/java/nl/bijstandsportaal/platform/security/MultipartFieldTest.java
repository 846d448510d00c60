package nl.bijstandsportaal.platform.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CSRF token is read from a multipart body, wherever the field stands, and never from a file part. */
class MultipartFieldTest {

    private static final String TYPE = "multipart/form-data; boundary=----b0undary";

    private static byte[] body(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            b.append("------b0undary\r\n").append(part).append("\r\n");
        }
        return b.append("------b0undary--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsTheFieldFirstOrLater() {
        String token = "Content-Disposition: form-data; name=\"csrfToken\"\r\n\r\nabc.def";
        String text = "Content-Disposition: form-data; name=\"bericht\"\r\n\r\nHallo\r\nmet twee regels";
        String file = "Content-Disposition: form-data; name=\"bestand\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 \u0000\u0001";
        assertEquals(Optional.of("abc.def"), MultipartField.find(TYPE, body(token, text, file), "csrfToken"));
        assertEquals(Optional.of("abc.def"), MultipartField.find(TYPE, body(text, file, token), "csrfToken"));
        assertEquals(Optional.of("Hallo\r\nmet twee regels"), MultipartField.find(TYPE, body(text), "bericht"));
    }

    @Test
    void aFilePartOrAMissingFieldIsNoToken() {
        String fileNamedToken = "Content-Disposition: form-data; name=\"csrfToken\"; filename=\"t.txt\"\r\n\r\nabc.def";
        assertEquals(Optional.empty(), MultipartField.find(TYPE, body(fileNamedToken), "csrfToken"));
        assertEquals(Optional.empty(), MultipartField.find(TYPE, body("Content-Disposition: form-data; name=\"x\"\r\n\r\n1"), "csrfToken"));
        assertEquals(Optional.empty(), MultipartField.find("multipart/form-data", body("Content-Disposition: form-data; name=\"csrfToken\"\r\n\r\nabc"), "csrfToken"));
        assertEquals(Optional.empty(), MultipartField.find(TYPE, "garbage".getBytes(StandardCharsets.UTF_8), "csrfToken"));
    }

    @Test
    void readsAQuotedBoundary() {
        assertEquals("a b", MultipartField.boundary("multipart/form-data; boundary=\"a b\""));
        assertEquals("xyz", MultipartField.boundary("multipart/form-data;charset=utf-8; BOUNDARY=xyz"));
    }
}
