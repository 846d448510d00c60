package nl.bijstandsportaal.notifications;

import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Push and e-mail when no Firebase project or SMTP server is configured: nothing leaves the machine; the last
 * {@link #KEPT} sent are kept in memory for the developer page (demo runs only) and for tests. Push texts and
 * e-mails are generic, so this holds no case data; in a demo the addresses are demo addresses.
 */
@Singleton
@Bean(typed = RecordingSenders.class) // only as itself: the PushSender and EmailSender beans are chosen in SenderSetup
public class RecordingSenders implements PushSender, EmailSender {

    static final int KEPT = 200;

    /** One thing sent. {@code to}: the device token or e-mail address. */
    public record Sent(Instant at, Channel channel, String to, String messageId, String title, String body) {
    }

    private final Deque<Sent> sent = new ArrayDeque<>();
    private final Clock clock;

    RecordingSenders(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void send(List<Push> pushes, Results results) {
        for (int i = 0; i < pushes.size(); i++) {
            Push push = pushes.get(i);
            keep(new Sent(clock.instant(), Channel.PUSH, push.token(), push.messageId(), push.title(), push.body()));
            results.result(i, SendResult.sent());
        }
    }

    @Override
    public SendResult send(Email email) {
        keep(new Sent(clock.instant(), Channel.EMAIL, email.to(), email.messageId(), email.subject(), email.body()));
        return SendResult.sent();
    }

    private synchronized void keep(Sent one) {
        sent.addFirst(one);
        while (sent.size() > KEPT) {
            sent.removeLast();
        }
    }

    /** Newest first. */
    public synchronized List<Sent> recent() {
        return List.copyOf(sent);
    }
}
