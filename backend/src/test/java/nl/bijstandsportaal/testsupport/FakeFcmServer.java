package nl.bijstandsportaal.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for FCM's HTTP v1 endpoint ({@code POST /v1/projects/{id}/messages:send}) that the real Firebase
 * Admin SDK talks to (SenderSetup.fakeServerOptions). It counts what it accepted per device token and message id, so
 * a test can prove each message arrived exactly once. Tokens choose the answer:
 * {@code unregistered-*} 404 UNREGISTERED; {@code busy-*} 429 QUOTA_EXCEEDED with Retry-After: 120;
 * {@code down-*} always 500 INTERNAL (the SDK does not retry that itself); {@code flaky-*} 503 UNAVAILABLE the first
 * time (the SDK retries that itself), then accepted; anything else accepted. It keeps the collapse key and
 * apns-collapse-id each accepted message came with. {@link #holdAfter(int)} makes it stop answering after a number of
 * messages, as a server (or a network) that hangs in the middle of a batch.
 */
public final class FakeFcmServer implements AutoCloseable {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern MESSAGE_ID = Pattern.compile("\"melding\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern COLLAPSE_KEY = Pattern.compile("\"collapse_key\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern APNS_COLLAPSE_ID = Pattern.compile("\"apns-collapse-id\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern TAG = Pattern.compile("\"tag\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requestsPerToken = new ConcurrentHashMap<>();
    private final Map<String, String> lastBody = new ConcurrentHashMap<>();
    private final AtomicLong acceptedTotal = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, List<String>> collapse = new ConcurrentHashMap<>();
    private final List<HttpExchange> held = new CopyOnWriteArrayList<>();
    private volatile AtomicInteger acceptBeforeHolding;
    private volatile long delayMillis;
    private volatile Accepted listener = (token, messageId, collapseKey, apnsCollapseId, tag) -> { };

    /** Told of every push the server accepts, before it answers (bench/crash.sh writes them to a file). */
    public interface Accepted {
        void accepted(String token, String messageId, String collapseKey, String apnsCollapseId, String tag);
    }
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    public FakeFcmServer() {
        this(32);
    }

    public FakeFcmServer(int threadCount) {
        this(0, threadCount);
    }

    /** On {@code port} (0: any free one). */
    public FakeFcmServer(int port, int threadCount) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        threads = Executors.newFixedThreadPool(threadCount);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        if (!"POST".equals(exchange.getRequestMethod()) || !path.matches("/v1/projects/[^/]+/messages:send")) {
            answer(exchange, 404, error(404, "NOT_FOUND", null), null);
            return;
        }
        if (!"Bearer fake-fcm-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, error(401, "UNAUTHENTICATED", null), null);
            return;
        }
        String token = find(TOKEN, body);
        String messageId = find(MESSAGE_ID, body);
        int tries = requestsPerToken.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
        lastBody.put(token, body);
        if (token.startsWith("unregistered-")) {
            answer(exchange, 404, error(404, "NOT_FOUND", "UNREGISTERED"), null);
        } else if (token.startsWith("busy-")) {
            answer(exchange, 429, error(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED"), "120");
        } else if (token.startsWith("down-")) {
            answer(exchange, 500, error(500, "INTERNAL", "INTERNAL"), null);
        } else if (token.startsWith("flaky-") && tries == 1) {
            answer(exchange, 503, error(503, "UNAVAILABLE", "UNAVAILABLE"), "0");
        } else if (holding(exchange)) {
            return; // no answer until release(): the client waits, as for a server that hangs
        } else {
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis); // a service further away: a batch takes a while, so a crash can hit it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            listener.accepted(token, messageId, find(COLLAPSE_KEY, body), find(APNS_COLLAPSE_ID, body), find(TAG, body));
            collapse.put(token + "|" + messageId, List.of(find(COLLAPSE_KEY, body), find(APNS_COLLAPSE_ID, body), find(TAG, body)));
            accepted.computeIfAbsent(token + "|" + messageId, k -> new AtomicInteger()).incrementAndGet();
            long n = acceptedTotal.incrementAndGet();
            answer(exchange, 200, "{\"name\":\"projects/fake/messages/" + n + "\"}", null);
        }
    }

    private boolean holding(HttpExchange exchange) {
        AtomicInteger budget = acceptBeforeHolding;
        if (budget == null || budget.getAndDecrement() > 0) {
            return false;
        }
        held.add(exchange);
        return true;
    }

    /** Waits this long before accepting each push. */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    public void onAccepted(Accepted listener) {
        this.listener = listener;
    }

    /** From now on, accepts {@code messages} more and then holds every request without an answer. */
    public void holdAfter(int messages) {
        acceptBeforeHolding = new AtomicInteger(messages);
    }

    /** New requests are answered again; those held stay held until {@link #release()}. */
    public void answerAgain() {
        acceptBeforeHolding = null;
    }

    /** How many requests are held without an answer. */
    public int held() {
        return held.size();
    }

    /** Answers every held request with 500 INTERNAL, as a server that comes back broken. */
    public void release() {
        for (HttpExchange exchange : held) {
            try {
                answer(exchange, 500, error(500, "INTERNAL", "INTERNAL"), null);
            } catch (IOException gone) {
                // the client gave up on it already
            }
        }
        held.clear();
    }

    /** The Android collapse key, apns-collapse-id and Android notification tag this message came with, or null. */
    public List<String> collapse(String token, String messageId) {
        return collapse.get(token + "|" + messageId);
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1) : "";
    }

    private static String error(int code, String status, String fcmCode) {
        String details = fcmCode == null ? "" : ",\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"" + fcmCode + "\"}]";
        return "{\"error\":{\"code\":" + code + ",\"message\":\"fake " + status + "\",\"status\":\"" + status + "\"" + details + "}}";
    }

    private static void answer(HttpExchange exchange, int status, String json, String retryAfter) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** How often this message was accepted for this device. */
    public int acceptedCount(String token, String messageId) {
        AtomicInteger n = accepted.get(token + "|" + messageId);
        return n == null ? 0 : n.get();
    }

    /** How many pushes were accepted in all, and how many distinct (device, message) pairs they were. */
    public long acceptedTotal() {
        return acceptedTotal.get();
    }

    public int distinctAccepted() {
        return accepted.size();
    }

    public int requestsFor(String token) {
        AtomicInteger n = requestsPerToken.get(token);
        return n == null ? 0 : n.get();
    }

    /** The last request body sent for this token (to check that a push carries nothing personal). */
    public String lastBody(String token) {
        return lastBody.get(token);
    }

    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
