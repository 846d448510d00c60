package nl.bijstandsportaal.notifications;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.notifications.DeliveryPlan.Candidate;
import nl.bijstandsportaal.notifications.DeliveryPlan.Decision;
import nl.bijstandsportaal.platform.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends what waits in the outbox: claims a batch (ADR 0015), decides per delivery (preferences, quiet hours,
 * a device or address to send to), sends push messages all at once and e-mails one by one, and records each
 * outcome as it comes (ADR 0030): sent, skipped with the reason, tried again later with exponential backoff (at least
 * what the server's Retry-After asked), or given up after {@code maxAttempts} with the last reason (the dead letter).
 * Several dispatchers, in one app or in several, can run at once: each delivery is claimed by one.
 */
@Singleton
public class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final DeliveryRepository deliveries;
    private final PushSender push;
    private final EmailSender email;
    private final NotificationSettings settings;
    private final Messages messages;
    private final Clock clock;
    private final String baseUrl;
    private final String name = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong claims = new AtomicLong();

    Dispatcher(DeliveryRepository deliveries, PushSender push, EmailSender email, NotificationSettings settings,
               Messages messages, Clock clock, @Value("${portal.base-url}") String baseUrl) {
        this.deliveries = deliveries;
        this.push = push;
        this.email = email;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** Sends batches until nothing is due; returns how many deliveries were handled. */
    public int dispatchAll() {
        int total = 0;
        int handled;
        do {
            handled = dispatchOnce();
            total += handled;
        } while (handled == settings.batchSize());
        return total;
    }

    /** Claims one batch and sends it; returns its size (0: nothing was due). */
    public int dispatchOnce() {
        String claim = name + "/" + claims.incrementAndGet();
        Instant now = clock.instant();
        List<Long> ids = deliveries.claim(claim, now, settings.lease(), settings.batchSize());
        if (ids.isEmpty()) {
            return 0;
        }
        send(claim, deliveries.candidates(ids, claim), now);
        return ids.size();
    }

    /**
     * The sending half, on its own so a test can claim, stop (as if the process died), and let another take over. What is
     * decided without sending (skipped, waiting for the morning) is recorded first; then every result is recorded as it
     * comes, each in a transaction of its own with whatever other results came in the meantime (ADR 0030). A crash
     * therefore loses only the results still on their way: those deliveries are sent again when the lease ends, and
     * their push replaces the first copy on the phone (collapse key).
     */
    void send(String claim, List<Candidate> claimed, Instant now) {
        DeliveryRepository.Outcomes decided = deliveries.outcomes();
        List<Candidate> toPush = new ArrayList<>();
        List<Candidate> toEmail = new ArrayList<>();
        for (Candidate c : claimed) {
            Decision decision = DeliveryPlan.decide(c, now);
            if (decision instanceof DeliveryPlan.Skip skip) {
                deliveries.skip(decided, claim, c.id(), skip.reason());
            } else if (decision instanceof DeliveryPlan.Later later) {
                deliveries.later(decided, claim, c.id(), later.at());
            } else if (c.channel() == Channel.PUSH) {
                toPush.add(c);
            } else {
                toEmail.add(c);
            }
        }
        deliveries.record(decided, claim, clock.instant());
        sendPushes(claim, toPush, now);
        for (Candidate c : toEmail) {
            SendResult result = email.send(new EmailSender.Email(c.email(), c.messageId(),
                    text(c, "notification.email.subject"), messages.get(language(c), "notification.email.body", baseUrl + "/berichten")));
            DeliveryRepository.Outcomes one = deliveries.outcomes();
            apply(one, claim, c, result, now);
            deliveries.record(one, claim, clock.instant());
        }
    }

    private record Arrived(Candidate candidate, SendResult result) {
    }

    /**
     * Hands every push to the sender at once and records the results as they arrive. Waits at most the lease: after
     * that the deliveries are no longer ours to record (another dispatcher may have taken them over).
     */
    private void sendPushes(String claim, List<Candidate> toPush, Instant now) {
        if (toPush.isEmpty()) {
            return;
        }
        BlockingQueue<Arrived> arrived = new LinkedBlockingQueue<>();
        for (int from = 0; from < toPush.size(); from += PushSender.MAX_BATCH) {
            List<Candidate> part = toPush.subList(from, Math.min(toPush.size(), from + PushSender.MAX_BATCH));
            List<PushSender.Push> pushes = part.stream().map(c -> new PushSender.Push(c.token(), c.messageId(),
                    text(c, "notification.push.title"), text(c, "notification.push.body"), pushLink(c), c.web())).toList();
            push.send(pushes, (index, result) -> arrived.add(new Arrived(part.get(index), result)));
        }
        long until = System.nanoTime() + settings.lease().toNanos();
        int recorded = 0;
        while (recorded < toPush.size()) {
            Arrived first;
            try {
                first = arrived.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                LOG.warn("{} of {} push results did not come within the lease; those deliveries are tried again when it ends",
                        toPush.size() - recorded, toPush.size());
                return;
            }
            List<Arrived> group = new ArrayList<>();
            group.add(first);
            arrived.drainTo(group);
            DeliveryRepository.Outcomes outcomes = deliveries.outcomes();
            for (Arrived a : group) {
                apply(outcomes, claim, a.candidate(), a.result(), now);
            }
            deliveries.record(outcomes, claim, clock.instant());
            recorded += group.size();
        }
    }

    /** A path in the portal; for a browser (ADR 0049) the whole address, as FCM wants for a web notification's link. */
    private String pushLink(Candidate c) {
        String path = c.link() == null ? "/berichten" : c.link();
        return c.web() ? baseUrl + path : path;
    }

    private void apply(DeliveryRepository.Outcomes outcomes, String claim, Candidate c, SendResult result, Instant now) {
        switch (result.outcome()) {
            case SENT -> outcomes.sent.add(c.id());
            case GONE -> deliveries.gone(outcomes, claim, c.id(), c.deviceId(), c.token(), result.reason());
            case FAILED -> deliveries.giveUp(outcomes, claim, c.id(), result.reason());
            case RETRY -> {
                if (c.attempts() >= settings.maxAttempts()) {
                    LOG.warn("Delivery {} given up after {} tries: {}", c.id(), c.attempts(), result.reason());
                    deliveries.giveUp(outcomes, claim, c.id(), result.reason() + " (after " + c.attempts() + " tries)");
                } else {
                    Duration wait = settings.backoff(c.attempts());
                    if (result.retryAfter() != null && result.retryAfter().compareTo(wait) > 0) {
                        wait = result.retryAfter();
                    }
                    deliveries.retry(outcomes, claim, c.id(), now.plus(wait), result.reason());
                }
            }
        }
    }

    /** The generic texts of a push or e-mail, in the language the citizen chose (Dutch when never chosen; ADR 0038). */
    private String text(Candidate c, String key) {
        return messages.get(language(c), key);
    }

    private static java.util.Locale language(Candidate c) {
        return c.language() == null ? Messages.DUTCH : Messages.supported(java.util.Locale.forLanguageTag(c.language()));
    }
}
