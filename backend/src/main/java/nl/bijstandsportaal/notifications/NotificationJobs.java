package nl.bijstandsportaal.notifications;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the dispatcher and the reminder scheduler in the background of every app instance (several instances share
 * the work through the database). Off with portal.notifications.enabled=false; the tests call them directly.
 */
@Singleton
class NotificationJobs {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationJobs.class);

    private final Dispatcher dispatcher;
    private final ReminderScheduler reminders;
    private final NotificationSettings settings;

    NotificationJobs(Dispatcher dispatcher, ReminderScheduler reminders, NotificationSettings settings) {
        this.dispatcher = dispatcher;
        this.reminders = reminders;
        this.settings = settings;
    }

    @Scheduled(fixedDelay = "${portal.notifications.dispatch-every:5s}", initialDelay = "10s")
    void dispatch() {
        if (!settings.enabled()) {
            return;
        }
        try {
            dispatcher.dispatchAll();
        } catch (RuntimeException e) {
            LOG.error("Dispatcher run failed; the deliveries come free again when their lease ends: {}", e.toString());
        }
    }

    @Scheduled(fixedDelay = "${portal.notifications.schedule-every:15m}", initialDelay = "20s")
    void schedule() {
        if (!settings.enabled()) {
            return;
        }
        try {
            reminders.run();
        } catch (RuntimeException e) {
            LOG.error("Reminder scheduler run failed; the next run picks up what is due: {}", e.toString());
        }
    }
}
