package nl.bijstandsportaal.platform.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A file someone sent (proof, a payslip, a document), as a consulent opens it: always as a download with its stored
 * type, never shown inline in the portal's origin, and never kept in a cache.
 */
public record Download(String name, String contentType, byte[] bytes) {

    public HttpResponse<byte[]> response() {
        String encoded = URLEncoder.encode(nameForType(), StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(bytes)
                .contentType(MediaType.of(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + encoded)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * The name with the extension of the stored type: the type was checked by the file's content, the name was typed
     * by the sender, so "afschrift.hta" holding a PDF is saved as "afschrift.pdf" and opens as a PDF.
     */
    String nameForType() {
        String extension = switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> ".bin";
        };
        int dot = name.lastIndexOf('.');
        String base = dot >= 0 ? name.substring(0, dot) : name;
        return (base.isBlank() ? "bestand" : base) + extension;
    }
}
