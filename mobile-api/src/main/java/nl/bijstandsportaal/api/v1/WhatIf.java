package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The answer of "wat als ik ga werken?". {@code personal}: worked out for the signed-in citizen's own situation.
 * {@code summary}: the answer in sentences; {@code leavesOut}: what the calculation does not include and where to get
 * advice (always show it).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhatIf(boolean personal, Money monthlyNet, List<Month> months, List<String> summary, List<String> leavesOut) {

    /**
     * One month: the norm, the wages, what may be kept of them, the bijstand paid, the total with work, the total
     * without work and the difference. {@code assumed}: the figures of this month are not known yet; the last known
     * ones were used. {@code provisional}: the figures of this month are known but not confirmed yet; the amounts may
     * still change by a few euros.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Month(String month, Money norm, Money work, Money kept, Money paid, Money total, Money withoutWork,
                        Money more, boolean assumed, boolean provisional) {
    }
}
