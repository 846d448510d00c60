package nl.bijstandsportaal.notifications;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A message with a moment after which it is of no use (an appointment's reminder) against quiet hours (ADR 0023). */
class DeliveryPlanLatestTest {

    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    private static DeliveryPlan.Candidate candidate(Instant latest) {
        return new DeliveryPlan.Candidate(1, Channel.PUSH, 1, "m", Topic.BERICHTEN, "/afspraken/x", 1, "token", null, NIGHT, null, latest);
    }

    @Test
    void quietHoursHoldItBackOnlyWhileItIsStillInTime() {
        Instant sixThirty = Instant.parse("2026-11-25T05:30:00Z"); // 06:30 in Amsterdam
        assertEquals(new DeliveryPlan.Later(Instant.parse("2026-11-25T07:00:00Z")),
                DeliveryPlan.decide(candidate(Instant.parse("2026-11-25T08:00:00Z")), sixThirty), "09:00 appointment: wait until 08:00");
        assertEquals(new DeliveryPlan.Send(), DeliveryPlan.decide(candidate(Instant.parse("2026-11-25T06:45:00Z")), sixThirty),
                "07:45 appointment: quiet hours would bring it too late, so it goes now");
        assertEquals(new DeliveryPlan.Send(), DeliveryPlan.decide(candidate(Instant.parse("2026-11-25T07:00:00Z")), sixThirty),
                "08:00 appointment: arriving at the start is too late too");
        assertEquals(new DeliveryPlan.Skip("too late to be of use"),
                DeliveryPlan.decide(candidate(Instant.parse("2026-11-25T05:00:00Z")), sixThirty), "after the start: not at all");
        assertEquals(new DeliveryPlan.Later(Instant.parse("2026-11-25T07:00:00Z")), DeliveryPlan.decide(candidate(null), sixThirty),
                "other messages: as before");
    }
}
