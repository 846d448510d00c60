package nl.bijstandsportaal.notifications;

import io.micronaut.context.BeanContext;
import nl.bijstandsportaal.rules.RulesService;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Duration;

/** For tests of other packages: the reminder scheduler of a running app, on a clock the test moves. */
public final class MovedReminderScheduler {

    private MovedReminderScheduler() {
    }

    public static ReminderScheduler at(BeanContext beans, Clock clock) {
        return new ReminderScheduler(beans.getBean(DSLContext.class), beans.getBean(RulesService.class), beans.getBean(Outbox.class),
                beans.getBean(MessageArguments.class), new DeviceSettings(Duration.ofDays(90), Duration.ofDays(14)), clock);
    }
}
