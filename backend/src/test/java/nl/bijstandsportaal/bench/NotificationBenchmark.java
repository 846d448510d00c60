package nl.bijstandsportaal.bench;

import io.micronaut.context.ApplicationContext;
import nl.bijstandsportaal.notifications.Dispatcher;
import nl.bijstandsportaal.notifications.ReminderScheduler;
import nl.bijstandsportaal.testsupport.FakeFcmServer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static nl.bijstandsportaal.platform.db.generated.Tables.BEZORGING;
import static nl.bijstandsportaal.platform.db.generated.Tables.BURGER;
import static nl.bijstandsportaal.platform.db.generated.Tables.DEVICE;
import static nl.bijstandsportaal.platform.db.generated.Tables.GEMEENTE;

/**
 * The notification benchmark (docs/benchmarks.md; run with bench/notifications.sh): CITIZENS citizens of Westland,
 * each with a phone and an income report due in 3 days. Measures the time from the reminder scheduler's start until
 * the fake FCM server has accepted every push, sent through the real Firebase Admin SDK by DISPATCHERS dispatcher
 * loops (as several app instances would), and checks that every push arrived exactly once. Not a test: it prints.
 */
public final class NotificationBenchmark {

    public static void main(String[] args) throws Exception {
        int citizens = Integer.parseInt(System.getenv().getOrDefault("CITIZENS", "420000"));
        int dispatchers = Integer.parseInt(System.getenv().getOrDefault("DISPATCHERS", "4"));
        Path dataDir = Path.of(System.getenv().getOrDefault("DATA_DIR", "bench/results/notifications-db"));
        Files.createDirectories(dataDir.getParent());
        try (FakeFcmServer fcm = new FakeFcmServer(Integer.parseInt(System.getenv().getOrDefault("FCM_THREADS", "16")));
             ApplicationContext app = ApplicationContext.builder().properties(Map.of(
                     "portal.db.embedded-data-dir", dataDir.toString(),
                     "portal.notifications.enabled", "false",
                     // Seeding and emptying 420,000 rows: statements that may take longer than a request's socket timeout.
                     "portal.db.socket-timeout", "0s",
                     "portal.push.firebase.fake-server", fcm.url(),
                     // Westland: monthly periods, the report for November is due on 10 December; 3 days before is the 7th.
                     "portal.clock.fixed", "2026-12-08T10:00",
                     "micronaut.server.port", "-1")).start()) {
            DSLContext db = app.getBean(DSLContext.class);
            seed(db, citizens);
            db.deleteFrom(BEZORGING).execute();
            db.execute("DELETE FROM melding");
            System.gc();
            resetPeaks();

            long start = System.nanoTime();
            int written = app.getBean(ReminderScheduler.class).run();
            long scheduled = System.nanoTime();
            int expected = db.fetchCount(BEZORGING, BEZORGING.KANAAL.eq("PUSH"));
            Dispatcher dispatcher = app.getBean(Dispatcher.class);
            ExecutorService loops = Executors.newFixedThreadPool(dispatchers);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < dispatchers; i++) {
                runs.add(loops.submit(dispatcher::dispatchAll));
            }
            int handled = 0;
            for (Future<Integer> run : runs) {
                handled += run.get();
            }
            long done = System.nanoTime();
            loops.shutdown();

            int waiting = db.fetchCount(BEZORGING, BEZORGING.STATUS.eq("WACHT"));
            int sent = db.fetchCount(BEZORGING, BEZORGING.KANAAL.eq("PUSH").and(BEZORGING.STATUS.eq("VERSTUURD")));
            long duplicates = fcm.acceptedTotal() - fcm.distinctAccepted();
            long lost = expected - fcm.distinctAccepted();
            System.out.printf("citizens=%d messages=%d pushes=%d handled=%d dispatchers=%d%n", citizens, written, expected, handled, dispatchers);
            System.out.printf("scheduler=%.1fs dispatch=%.1fs total=%.1fs (%.0f pushes/s)%n", secs(scheduled - start),
                    secs(done - scheduled), secs(done - start), expected / secs(done - start));
            System.out.printf("accepted=%d distinct=%d duplicates=%d lost=%d waiting=%d markedSent=%d%n",
                    fcm.acceptedTotal(), fcm.distinctAccepted(), duplicates, lost, waiting, sent);
            System.out.printf("peakHeapMB=%d peakRssMB=%s mariadbPeakRssMB=%s%n", peakHeapMb(), peakRss("self"), mariaDbPeakRss());
            if (duplicates != 0 || lost != 0 || waiting != 0 || sent != expected) {
                System.out.println("RESULT: FAILED (duplicates or losses)");
                System.exit(1);
            }
            System.out.println("RESULT: OK");
        }
        System.exit(0);
    }

    /** CITIZENS benchmark citizens in Westland, each with one phone; made once, kept in DATA_DIR for the next run. */
    private static void seed(DSLContext db, int citizens) {
        // On bijstand since 1 November: the one reminder due is the one for November (none for earlier months).
        int have = db.fetchCount(BURGER, BURGER.VOORNAAM.eq("Bench"));
        if (have == citizens) {
            return;
        }
        long started = System.nanoTime();
        db.deleteFrom(BEZORGING).execute();
        db.execute("DELETE FROM melding");
        db.deleteFrom(DEVICE).where(DEVICE.PUSH_TOKEN.like("bench-%")).execute();
        db.deleteFrom(BURGER).where(BURGER.VOORNAAM.eq("Bench")).execute();
        long westland = db.select(GEMEENTE.ID).from(GEMEENTE).where(GEMEENTE.CODE.eq("1783")).fetchSingle(GEMEENTE.ID);
        db.execute("INSERT INTO burger (gemeente_id, bsn, voornaam, achternaam, geboortedatum, leefvorm, straat, huisnummer,"
                + " postcode, woonplaats, email, bijstand_sinds) SELECT " + westland + ", CONCAT('8', LPAD(seq, 8, '0')), 'Bench',"
                + " CONCAT('Burger ', seq), '1980-01-01', 'ALLEENSTAAND', 'Teststraat', seq, '2671AA', 'Naaldwijk', NULL, '2026-11-01'"
                + " FROM seq_1_to_" + citizens);
        db.execute("INSERT INTO device (public_id, burger_id, push_token, platform, app_version, created_at, last_seen_at)"
                + " SELECT UUID(), id, CONCAT('bench-', id), 'ANDROID', '1.0.0', NOW(6), NOW(6) FROM burger WHERE voornaam = 'Bench'");
        System.out.printf("seeded %d citizens with a phone each in %.1fs%n", citizens, secs(System.nanoTime() - started));
        DSL.using(db.configuration()).execute("ANALYZE TABLE burger, device");
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    private static String peakRss(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        } catch (Exception unreadable) {
            // not Linux
        }
        return "?";
    }

    private static String mariaDbPeakRss() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("mysqld") || c.endsWith("mariadbd")).orElse(false))
                .map(p -> peakRss(String.valueOf(p.pid())))
                .findFirst().orElse("?");
    }
}
