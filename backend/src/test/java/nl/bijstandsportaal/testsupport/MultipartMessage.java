package nl.bijstandsportaal.testsupport;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body as a browser's form or a phone's upload library writes it: text fields in order,
 * then files. For the web forms ({@link WebClient#postMultipartRaw}) and the app's messages with files (ADR 0057).
 */
public final class MultipartMessage {

    /** One file part: its field name, file name, type and bytes. */
    public record FilePart(String field, String fileName, String contentType, byte[] bytes) {
    }

    private final Map<String, String> fields;
    private final List<FilePart> files;
    private final String boundary = "----portaltest" + UUID.randomUUID();

    private MultipartMessage(Map<String, String> fields, List<FilePart> files) {
        this.fields = new LinkedHashMap<>(fields);
        this.files = new ArrayList<>(files);
    }

    public static MultipartMessage of(Map<String, String> fields, List<FilePart> files) {
        return new MultipartMessage(fields, files);
    }

    /** A message for the app's API: these fields and one PDF in the part {@code bestanden}. */
    public static MultipartMessage of(Map<String, String> fields, String pdfName, byte[] pdf) {
        return new MultipartMessage(fields, List.of(new FilePart("bestanden", pdfName, "application/pdf", pdf)));
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] body() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (FilePart file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
                    + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A POST of this message to the app's API with the citizen's token and an Idempotency-Key. */
    public HttpRequest.Builder request(URI uri, String bearer, String idempotencyKey) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearer).header("Content-Type", contentType())
                .header("Accept", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body()));
    }
}
