package nl.bijstandsportaal.api;

import io.micronaut.http.HttpMethod;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import nl.bijstandsportaal.testsupport.ContractCheck;
import nl.bijstandsportaal.testsupport.MobileApp;
import nl.bijstandsportaal.testsupport.PortalTest;
import nl.bijstandsportaal.testsupport.TestToday;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static nl.bijstandsportaal.testsupport.MobileApp.auth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of the app's API (ADR 0041): the published OpenAPI document, what it holds, that it names exactly the
 * routes the portal has, and that real answers keep to it (every API test checks that through WebClient; here the
 * answers the issue found broken).
 */
@MicronautTest
class ApiContractTest extends PortalTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    @Inject
    JsonMapper json;
    @Inject
    Router router;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() {
        return new Yaml().load(ContractCheck.document());
    }

    @Test
    void theDocumentIsServedAsJsonAndYamlToAnyOriginWithoutLogin() throws IOException {
        HttpResponse<String> yaml = browser().send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/v1/openapi.yaml"))
                .header("Accept", "application/yaml"));
        assertEquals(200, yaml.statusCode());
        assertEquals("*", yaml.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals(document(), new Yaml().load(yaml.body()));
        HttpResponse<String> jsonDoc = browser().getJson("/api/v1/openapi.json", null);
        assertEquals(200, jsonDoc.statusCode());
        assertTrue(jsonDoc.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("*", jsonDoc.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals(json.readValue(json.writeValueAsString(document()), Map.class), json.readValue(jsonDoc.body(), Map.class));
        assertEquals(404, browser().getJson("/openapi/bijstandsportaal-0.1.yml", null).statusCode(), "one document, not two");
    }

    /** The document and the router agree: every /api/v1 route is documented, and nothing else is. */
    @Test
    void theDocumentNamesExactlyTheApiRoutes() {
        Set<String> routes = router.uriRoutes()
                .map(r -> r.getHttpMethod().name().toLowerCase() + " " + r.getUriMatchTemplate().toPathString())
                .filter(r -> r.contains(" /api/v1/") && !r.contains("/api/v1/openapi."))
                .filter(r -> !r.startsWith("options ") && !r.startsWith("head "))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        paths().forEach((path, ops) -> ops.keySet().stream().filter(METHODS::contains).forEach(m -> documented.add(m + " " + path)));
        assertEquals(routes, documented);
    }

    /**
     * One interface language (ADR 0048): the fields are Dutch, also where they once were English, except the standard
     * shapes (RFC 9457 Problem, OAuth 2 token); and every object names all its fields (additionalProperties: false).
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyFieldIsDutchAndEveryObjectIsClosed() {
        Set<String> english = Set.of("amount", "currency", "noIncome", "sources", "reason", "state", "stateText", "statusText",
                "pushToken", "appVersion", "registeredAt", "lastSeenAt", "topic", "topics", "text", "createdAt", "read", "readAt",
                "quietHours", "from", "to", "until", "month", "months", "date", "deadline", "files", "fileName", "size", "name",
                "answers", "question", "options", "steps", "summary", "explanation", "warnings", "work", "withoutWork", "upcoming",
                "timeline", "messages", "author", "attachments", "sentAt", "kind", "start", "end", "when", "how", "about", "note",
                "subject", "paid", "kept", "total", "proof", "version", "late", "what", "why", "rules", "duties", "title");
        Set<String> standard = Set.of("Problem", "Veldfout", "TokenAntwoord");
        List<String> wrong = new ArrayList<>();
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document().get("components")).get("schemas");
        schemas.forEach((name, s) -> {
            Map<String, Object> schema = (Map<String, Object>) s;
            Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
            if (properties == null) {
                return;
            }
            if (!Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                wrong.add(name + ": not additionalProperties: false");
            }
            if (!standard.contains(name)) {
                properties.keySet().stream().filter(english::contains).forEach(p -> wrong.add(name + "." + p + " is English"));
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsTaggedNamedAndAnswersErrorsAsProblems() {
        Set<String> ids = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        paths().forEach((path, ops) -> {
            assertTrue(path.startsWith("/api/v1/"), "only the app's API: " + path);
            assertTrue(!path.endsWith("/"), "no trailing slash: " + path);
            ops.forEach((method, o) -> {
                if (!METHODS.contains(method)) {
                    return;
                }
                Map<String, Object> op = (Map<String, Object>) o;
                String id = (String) op.get("operationId");
                if (id == null || !id.matches("[a-z][A-Za-z]+") || !ids.add(id)) {
                    wrong.add(method + " " + path + ": operationId " + id);
                }
                if (op.get("tags") == null || op.get("summary") == null) {
                    wrong.add(method + " " + path + ": no tag or summary");
                }
                Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                responses.forEach((status, r) -> {
                    int code = Integer.parseInt(status);
                    if (code >= 400 && !"/api/v1/auth/authorize".equals(path)
                            && !String.valueOf(((Map<String, Object>) r).get("$ref")).startsWith("#/components/responses/P")) {
                        wrong.add(method + " " + path + ": " + status + " is not a Problem");
                    }
                });
                if (code(responses, 401) == null && !List.of().equals(op.get("security"))) {
                    wrong.add(method + " " + path + ": no 401");
                }
            });
        });
        assertEquals(List.of(), wrong);
        Map<String, Object> components = (Map<String, Object>) document().get("components");
        Map<String, Object> responses = (Map<String, Object>) components.get("responses");
        // every shared answer is a Problem, but for 304 Not Modified, which has no body (ADR 0052)
        responses.forEach((name, r) -> assertTrue("NotModified".equals(name)
                || ((Map<String, Object>) r).get("content").toString().contains("application/problem+json"), name));
        Map<String, Object> flow = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                components.get("securitySchemes")).get("app")).get("flows")).get("authorizationCode");
        assertEquals("/api/v1/auth/authorize", flow.get("authorizationUrl"));
        assertEquals("/api/v1/auth/token", flow.get("tokenUrl"));
        assertTrue(routeExists(HttpMethod.GET, "/api/v1/auth/authorize") && routeExists(HttpMethod.POST, "/api/v1/auth/token"));
    }

    @Test
    void problemTypesHaveAPage() {
        HttpResponse<String> page = browser().get("/problems/validation");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Niet alles is goed ingevuld"), page.body());
        assertTrue(browser().language("en").get("/problems/idempotency-key-reused").body().contains("lang=\"en\""));
        assertEquals(404, browser().get("/problems/no-such-problem").statusCode());
    }

    /** The two answers the issue found breaking the document: an estimate without warnings, a calculation without months. */
    @Test
    void answersWithNothingInAListStillHaveTheList() throws IOException {
        String sanne = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        List<Map> periods = json.readValue(browser().getJson("/api/v1/inkomsten", sanne).body(), io.micronaut.core.type.Argument.listOf(Map.class));
        String code = (String) periods.get(0).get("code");
        HttpResponse<String> estimate = browser().postJson("/api/v1/inkomsten/" + code + "/schatting",
                "{\"geenInkomsten\":true}", auth(sanne, null));
        if (estimate.statusCode() == 200) {
            assertTrue(json.readValue(estimate.body(), Map.class).containsKey("waarschuwingen"), estimate.body());
        }
        HttpResponse<String> whatIf = browser().getJson("/api/v1/wat-als-ik-ga-werken?vanaf=2027-06", sanne);
        if (whatIf.statusCode() == 200) {
            assertTrue(json.readValue(whatIf.body(), Map.class).containsKey("maanden"), whatIf.body());
        }
    }

    /** The check itself finds what the issue found: a required list left out, a value outside its enum, an undocumented status. */
    @Test
    void theContractCheckFindsAnswersThatBreakTheDocument() {
        String estimate = "{\"uitbetaling\":{\"bedrag\":\"1.00\",\"valuta\":\"EUR\"},\"normaleUitbetaling\":{\"bedrag\":\"1.00\",\"valuta\":\"EUR\"},"
                + "\"inkomsten\":{\"bedrag\":\"1.00\",\"valuta\":\"EUR\"},\"vrijgelaten\":{\"bedrag\":\"1.00\",\"valuta\":\"EUR\"},"
                + "\"verrekend\":{\"bedrag\":\"1.00\",\"valuta\":\"EUR\"},\"samenvatting\":[],\"uitleg\":[],\"voorlopig\":false";
        assertEquals(List.of(), ContractCheck.problems("POST", "/api/v1/inkomsten/2026-11/schatting", 200, "application/json",
                estimate + ",\"waarschuwingen\":[]}"));
        assertTrue(ContractCheck.problems("POST", "/api/v1/inkomsten/2026-11/schatting", 200, "application/json", estimate + "}")
                .toString().contains("waarschuwingen"));
        assertTrue(!ContractCheck.problems("POST", "/api/v1/inkomsten/2026-11/schatting", 200, "application/json",
                estimate.replace("\"1.00\"", "1.0") + ",\"waarschuwingen\":[]}").isEmpty(), "an amount must be a decimal string");
        assertTrue(ContractCheck.problems("POST", "/api/v1/inkomsten/2026-11/schatting", 200, "application/json",
                estimate + ",\"waarschuwingen\":[],\"warnings\":[]}").toString().contains("warnings"),
                "a field the document does not name (additionalProperties: false), such as an old English name");
        assertTrue(!ContractCheck.problems("GET", "/api/v1/ik", 418, "application/problem+json",
                "{\"type\":\"/problems/internal\",\"title\":\"x\",\"status\":418}").isEmpty(), "a status the document does not name");
        assertTrue(!ContractCheck.problems("GET", "/api/v1/ik", 404, "application/json", "{\"message\":\"Not Found\"}").isEmpty(),
                "an error that is not a Problem");
    }

    /**
     * Every POST the document marks as creating (it takes the Idempotency-Key parameter) refuses a request without a key
     * with 428, before anything is looked at; the key ties to route and body (ADR 0044).
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyCreatingPostNeedsAnIdempotencyKey() {
        String sanne = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        List<String> creating = new ArrayList<>();
        paths().forEach((path, ops) -> {
            Map<String, Object> post = (Map<String, Object>) ops.get("post");
            if (post != null && String.valueOf(post.get("parameters")).contains("#/components/parameters/IdempotencyKey")) {
                creating.add(path);
            }
        });
        assertEquals(12, creating.size(), creating.toString());
        for (String path : creating) {
            boolean upload = path.endsWith("/bewijs") || path.endsWith("/bestanden");
            HttpResponse<String> missing = browser().send(java.net.http.HttpRequest.newBuilder(
                            server.getURI().resolve(path.replaceAll("\\{[a-z]+}", "x1")))
                    .header("Authorization", "Bearer " + sanne).header("Accept", "application/json")
                    .header("Content-Type", upload ? "application/pdf" : "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
            assertEquals(428, missing.statusCode(), path + ": " + missing.body());
            assertTrue(missing.body().contains("/problems/idempotency-key-missing"), missing.body());
        }
        assertEquals(401, browser().postJson("/api/v1/wijzigingen", "{}", Map.of()).statusCode(), "a stranger hears 401 first");
    }

    @Test
    void aKeyBelongsToItsRouteAndBody() throws IOException {
        String sanne = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        String key = UUID.randomUUID().toString();
        String spanje = "{\"soort\":\"BUITENLAND\",\"land\":\"Spanje\",\"datum\":\"" + TestToday.date().plusDays(20)
                + "\",\"datumTot\":\"" + TestToday.date().plusDays(30) + "\"}";
        HttpResponse<String> first = browser().postJson("/api/v1/wijzigingen", spanje, auth(sanne, key));
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> other = browser().postJson("/api/v1/wijzigingen", spanje.replace("Spanje", "Italië"), auth(sanne, key));
        assertEquals(422, other.statusCode(), other.body());
        assertTrue(other.body().contains("/problems/idempotency-key-reused"), other.body());
        String second = (String) json.readValue(browser().postJson("/api/v1/wijzigingen", spanje.replace("Spanje", "Frankrijk"),
                auth(sanne, UUID.randomUUID().toString())).body(), Map.class).get("id");
        String firstId = (String) json.readValue(first.body(), Map.class).get("id");

        // The same file with the same key to another change is another request: refused, not answered with the first.
        String proofKey = UUID.randomUUID().toString();
        assertEquals(201, proof(sanne, firstId, proofKey).statusCode());
        assertEquals(201, proof(sanne, firstId, proofKey).statusCode(), "a retry");
        HttpResponse<String> elsewhere = proof(sanne, second, proofKey);
        assertEquals(422, elsewhere.statusCode(), elsewhere.body());
        assertEquals(1, ((List<?>) json.readValue(browser().getJson("/api/v1/wijzigingen/" + firstId, sanne).body(), Map.class)
                .get("bewijs")).size(), "the retry stored the proof once");
    }

    private HttpResponse<String> proof(String bearer, String change, String key) {
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return browser().send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/v1/wijzigingen/" + change + "/bewijs"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/pdf")
                .header("X-Bestandsnaam", "ticket.pdf").header("Accept", "application/json").header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(pdf)));
    }

    /** Strict input: what is not exactly right is refused with 422 naming the JSON field, and nothing changes. */
    @Test
    void lenientInputIsRefusedNamingTheJsonField() throws IOException {
        String sanne = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        HttpResponse<String> yes = browser().putJson("/api/v1/meldingsvoorkeuren",
                "{\"onderwerpen\":[{\"onderwerp\":\"BERICHTEN\",\"push\":\"yes\",\"email\":true}]}", auth(sanne, null));
        assertEquals(422, yes.statusCode(), yes.body());
        assertEquals(List.of("onderwerpen[0].push"), fields(yes));
        assertTrue(browser().getJson("/api/v1/meldingsvoorkeuren", sanne).body().contains("{\"onderwerp\":\"BERICHTEN\",\"push\":true"),
                "push was not turned off");

        List<Map> periods = json.readValue(browser().getJson("/api/v1/inkomsten", sanne).body(), io.micronaut.core.type.Argument.listOf(Map.class));
        String estimate = "/api/v1/inkomsten/" + periods.get(0).get("code") + "/schatting";
        assertEquals(List.of("geenInkomsten"), fields(browser().postJson(estimate, "{\"geenInkomsten\":\"yes\"}", auth(sanne, null))));
        HttpResponse<String> thousands = browser().postJson(estimate, "{\"geenInkomsten\":false,\"bronnen\":[{\"soort\":\"WERK\","
                + "\"naam\":\"Bakkerij\",\"netto\":\"1.380\",\"loonstrookVolgt\":false}]}", auth(sanne, null));
        assertEquals(422, thousands.statusCode(), thousands.body());
        assertEquals(List.of("bronnen[0].netto"), fields(thousands));
        HttpResponse<String> comma = browser().postJson(estimate, "{\"geenInkomsten\":false,\"bronnen\":[{\"soort\":\"LOTERIJ\","
                + "\"naam\":\"Bakkerij\",\"netto\":\"380,50\",\"loonstrookVolgt\":false}]}", auth(sanne, null));
        assertEquals(List.of("bronnen[0].netto", "bronnen[0].soort"), fields(comma));
        assertEquals(List.of("taal"), fields(browser().putJson("/api/v1/taal", "{\"taal\":\"fr\"}", auth(sanne, null))));

        HttpResponse<String> unreadable = browser().putJson("/api/v1/taal", "{nl", auth(sanne, null));
        assertEquals(400, unreadable.statusCode(), unreadable.body());
        assertTrue(unreadable.body().contains("/problems/bad-request"), unreadable.body());
        HttpResponse<String> javaNames = browser().postJson("/api/v1/apparaten", "{\"pushtoken\":\"\",\"platform\":\"IOS\",\"appVersie\":\"1\"}",
                auth(sanne, UUID.randomUUID().toString()));
        assertEquals(422, javaNames.statusCode(), javaNames.body());
        assertEquals(List.of("pushtoken"), fields(javaNames));

        // A field the document does not name is refused, as the document says (additionalProperties: false): an app still
        // sending an old or misspelled name hears so, instead of its value being dropped without a word.
        HttpResponse<String> unknown = browser().putJson("/api/v1/meldingsvoorkeuren",
                "{\"stilleTijden\":{\"van\":\"22:00\",\"until\":\"07:00\"}}", auth(sanne, null));
        assertEquals(List.of("stilleTijden.until"), fields(unknown));
        assertTrue(unknown.body().contains("Dit veld kennen we niet"), unknown.body());
        assertEquals(List.of("noIncome"), fields(browser().postJson(estimate, "{\"geenInkomsten\":true,\"noIncome\":true}", auth(sanne, null))));
    }

    /** The home screen and the badge in one call: what is open, and how many (the badge counts {@code taken}). */
    @Test
    void theTaskListCountsForTheBadge() throws IOException {
        String sanne = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        Map<?, ?> taken = json.readValue(browser().getJson("/api/v1/taken", sanne).body(), Map.class);
        Map<?, ?> aantallen = (Map<?, ?>) taken.get("aantallen");
        assertEquals(((List<?>) taken.get("taken")).size(), aantallen.get("open"), taken.toString());
        assertEquals((int) ((List<?>) taken.get("taken")).stream().filter(t -> "te-laat".equals(((Map<?, ?>) t).get("status"))).count(),
                aantallen.get("teLaat"));
    }

    /** NL API Design Rules that a test can check: API-Version on every answer, no trailing slashes. */
    @Test
    @SuppressWarnings("unchecked")
    void everyAnswerSaysItsVersionAndNoAddressEndsInASlash() {
        String version = (String) ((Map<String, Object>) document().get("info")).get("version");
        assertTrue(version.matches("1\\.[0-9]+\\.[0-9]+"), "semantic version of v1: " + version);
        String sanne = new MobileApp(server.getURI(), json).login(citizen(SANNE)).access();
        for (HttpResponse<String> answer : List.of(browser().getJson("/api/v1/ik", sanne), browser().getJson("/api/v1/ik", null),
                browser().getJson("/api/v1/bestaat-niet", sanne))) {
            assertEquals(version, answer.headers().firstValue("API-Version").orElse(null), answer.uri() + " " + answer.statusCode());
        }
        assertEquals(404, browser().getJson("/api/v1/ik/", sanne).statusCode(), "no trailing slash");
        assertEquals("Bearer realm=\"bijstandsportaal\"", browser().getJson("/api/v1/ik", null).headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals("Bearer realm=\"bijstandsportaal\", error=\"invalid_token\"",
                browser().getJson("/api/v1/ik", "not-a-token").headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals(404, browser().getJson("/api/v1/devices", sanne).statusCode(), "one language: /apparaten, next to /meldingen");
    }

    private List<String> fields(HttpResponse<String> problem) throws IOException {
        assertEquals(422, problem.statusCode(), problem.body());
        List<Map<String, Object>> errors = (List<Map<String, Object>>) json.readValue(problem.body(), Map.class).get("errors");
        return errors.stream().map(e -> (String) e.get("field")).sorted().toList();
    }

    private boolean routeExists(HttpMethod method, String path) {
        return router.uriRoutes().anyMatch(r -> r.getHttpMethod() == method && r.getUriMatchTemplate().toPathString().equals(path));
    }

    private static Object code(Map<String, Object> responses, int code) {
        return responses.get(String.valueOf(code));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> paths() {
        return (Map<String, Map<String, Object>>) document().get("paths");
    }
}
