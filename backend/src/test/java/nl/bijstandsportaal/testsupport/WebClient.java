package nl.bijstandsportaal.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small browser for HTTP tests: keeps cookies (also Secure ones on http://localhost, as browsers do) and
 * follows redirects on request, so login flows run exactly as a browser runs them.
 */
public class WebClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final URI base;
    private String acceptLanguage = "nl";
    private boolean checkContract = true;

    public WebClient(URI base) {
        this.base = base;
    }

    /**
     * Leaves the contract check out for this client: only for a test that shows on purpose what happens outside the
     * contract (a broken server, a proxy). Every other answer to /api/v1 is checked against the OpenAPI document.
     */
    public WebClient withoutContractCheck() {
        this.checkContract = false;
        return this;
    }

    public URI base() {
        return base;
    }

    public WebClient language(String language) {
        this.acceptLanguage = language;
        return this;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(resolve(pathOrUrl)).GET().header("Accept", "text/html"));
    }

    public HttpResponse<String> getJson(String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(resolve(path)).GET().header("Accept", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b);
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** A form post with fields that may come more than once, in order (checkboxes of one name: {@code rol=A&rol=B}). */
    public HttpResponse<String> postFields(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(b::header);
        return send(b);
    }

    public HttpResponse<String> putJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(b::header);
        return send(b);
    }

    /**
     * Posts a multipart form as a page's form does. A {@code csrfToken} written in the path ({@code ?csrfToken=...}, as
     * the tests were written when the token travelled in the address) is sent as the form's first field instead, like
     * the hidden field that comes first in each such form (ADR 0034); use {@link #postMultipartRaw} to send a path as it is.
     */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
                                              String contentType, byte[] file) {
        Matcher token = Pattern.compile("[?&]csrfToken=([^&]*)").matcher(path);
        if (!token.find()) {
            return postMultipartRaw(path, fields, fileField, fileName, contentType, file);
        }
        String bare = (path.substring(0, token.start()) + (token.end() < path.length() ? "?" + path.substring(token.end() + 1) : ""));
        Map<String, String> withToken = new java.util.LinkedHashMap<>();
        withToken.put("csrfToken", java.net.URLDecoder.decode(token.group(1), StandardCharsets.UTF_8));
        withToken.putAll(fields);
        return postMultipartRaw(bare, withToken, fileField, fileName, contentType, file);
    }

    /** Posts a multipart form to exactly this path, with these fields in this order, then the file. */
    public HttpResponse<String> postMultipartRaw(String path, Map<String, String> fields, String fileField, String fileName,
                                                 String contentType, byte[] file) {
        MultipartMessage form = MultipartMessage.of(fields, file == null ? List.of()
                : List.of(new MultipartMessage.FilePart(fileField, fileName, contentType, file)));
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", form.contentType())
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())));
    }

    public HttpResponse<String> delete(String path, String bearer) {
        return send(HttpRequest.newBuilder(resolve(path)).DELETE().header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer));
    }

    /** Follows redirects (303, 302, ...) like a browser, across hosts (the test identity provider). */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int i = 0; i < 15 && isRedirect(current.statusCode()); i++) {
            current = send(HttpRequest.newBuilder(current.uri().resolve(location(current))).GET().header("Accept", "text/html"));
        }
        return current;
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location header"));
    }

    /** The CSRF token in a page's forms. */
    public static String csrfToken(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no csrfToken field on the page");
        }
        return m.group(1).replace("&#61;", "=");
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private URI resolve(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
    }

    public HttpResponse<String> send(HttpRequest.Builder builder) {
        builder.header("Accept-Language", acceptLanguage);
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        try {
            HttpRequest request = builder.build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            store(response.headers().allValues("Set-Cookie"));
            if (checkContract && ContractCheck.applies(request.uri())) {
                ContractCheck.check(request.method(), response);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void store(List<String> setCookies) {
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            String lower = header.toLowerCase();
            if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}
