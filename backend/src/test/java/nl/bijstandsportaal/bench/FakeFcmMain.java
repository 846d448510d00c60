package nl.bijstandsportaal.bench;

import nl.bijstandsportaal.testsupport.FakeFcmServer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The fake FCM server as a process of its own, for bench/crash.sh and bench/two-instances.sh: the portals under test
 * send their pushes to it (FIREBASE_FAKE_SERVER) and are killed, it is not. Every accepted push becomes a line in the
 * file, written before the answer goes out: device token, message id, collapse_key, apns-collapse-id, notification tag.
 * <pre>java -cp TEST_CLASSPATH nl.bijstandsportaal.bench.FakeFcmMain PORT FILE [DELAY_MS] [THREADS]</pre>
 */
public final class FakeFcmMain {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        long delay = args.length > 2 ? Long.parseLong(args[2]) : 0;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        FakeFcmServer fcm = new FakeFcmServer(port, threads);
        fcm.delay(delay);
        fcm.onAccepted((token, messageId, collapseKey, apnsCollapseId, tag) -> {
            synchronized (out) {
                try {
                    out.write(token + " " + messageId + " " + collapseKey + " " + apnsCollapseId + " " + tag + "\n");
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        System.out.println("Fake FCM server on " + fcm.url() + ", accepted pushes to " + file);
        Thread.currentThread().join();
    }

    private FakeFcmMain() {
    }
}
