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
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(bytes)
                .contentType(MediaType.of(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + encoded)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
