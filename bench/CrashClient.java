import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The app as bench/crash.sh and bench/two-instances.sh drive it: THREADS clients send income reports
 * (POST /api/v1/inkomsten/{period}) as the citizens of TOKENS_FILE, each with its own Idempotency-Key, and the key is
 * also the name of the report's one income source, so the database can be asked afterwards how often each key was
 * stored. A request that gets no answer (connection refused or broken, a timeout) or a 5xx is sent again, with the
 * same key and the same body, until it is acknowledged (2xx), as the app does. Runs until the file STOP exists, then
 * finishes the requests it has under way (at most GIVE_UP_SECONDS more).
 *
 *   java bench/CrashClient.java BASE_URL TOKENS_FILE "PERIOD ..." THREADS OUT_DIR RUN_ID
 *
 * Writes OUT_DIR/acked-RUN_ID.txt (one acknowledged key a line, with its status and the number of tries) and prints a
 * summary line: sent, acknowledged, retried, rejected (4xx: a bug), given up.
 */
public class CrashClient {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> tokens = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
        String[] periods = args[2].trim().split("\\s+");
        int threads = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        String run = args[5];
        Path stop = out.resolve("stop-" + run);
        long giveUpSeconds = Long.parseLong(System.getenv().getOrDefault("GIVE_UP_SECONDS", "300"));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong sent = new AtomicLong(), acked = new AtomicLong(), retried = new AtomicLong(), rejected = new AtomicLong(), gaveUp = new AtomicLong();
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        try (PrintWriter ackLog = new PrintWriter(Files.newBufferedWriter(out.resolve("acked-" + run + ".txt")))) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread worker = new Thread(() -> {
                    long n = 0;
                    // Each thread has its own citizens: no two requests of one citizen at the same moment.
                    List<String> mine = new ArrayList<>();
                    for (int i = thread; i < tokens.size(); i += threads) {
                        mine.add(tokens.get(i));
                    }
                    while (!Files.exists(stop)) {
                        n++;
                        String token = mine.get((int) (n % mine.size()));
                        String period = periods[(int) ((n / mine.size()) % periods.length)];
                        String key = "crash-" + run + "-" + thread + "-" + n;
                        String body = "{\"geenInkomsten\":false,\"bronnen\":[{\"soort\":\"WERK\",\"naam\":\"" + key
                                + "\",\"netto\":\"380,00\",\"loonstrookVolgt\":false}]}";
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/inkomsten/" + period))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .header("Accept", "application/json").header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long pause = 100;
                        long stopAt = Long.MAX_VALUE;
                        for (int tries = 1; ; tries++) {
                            sent.incrementAndGet();
                            String failure;
                            try {
                                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                                int status = answer.statusCode();
                                if (status / 100 == 2) {
                                    acked.incrementAndGet();
                                    synchronized (ackLog) {
                                        ackLog.println(key + " " + status + " " + tries);
                                        ackLog.flush();
                                    }
                                    break;
                                }
                                if (status / 100 == 4) {
                                    rejected.incrementAndGet();
                                    System.err.println("Rejected " + key + ": " + status + " " + answer.body());
                                    break;
                                }
                                failure = "HTTP " + status;
                            } catch (IOException e) {
                                failure = e.getClass().getSimpleName();
                            } catch (InterruptedException e) {
                                return;
                            }
                            failures.computeIfAbsent(failure, f -> new AtomicLong()).incrementAndGet();
                            retried.incrementAndGet();
                            if (stopAt == Long.MAX_VALUE && Files.exists(stop)) {
                                stopAt = System.nanoTime() + giveUpSeconds * 1_000_000_000L;
                            }
                            if (System.nanoTime() > stopAt) {
                                gaveUp.incrementAndGet();
                                System.err.println("Gave up " + key + " after " + tries + " tries: " + failure);
                                break;
                            }
                            try {
                                Thread.sleep(pause);
                            } catch (InterruptedException e) {
                                return;
                            }
                            pause = Math.min(2000, pause * 2);
                        }
                    }
                });
                worker.start();
                workers.add(worker);
            }
            for (Thread w : workers) {
                w.join();
            }
        }
        System.out.println("sent " + sent + " acknowledged " + acked + " retried " + retried + " rejected " + rejected
                + " gave_up " + gaveUp + " failures " + failures);
    }
}
