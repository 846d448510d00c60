package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The answer of "wat als ik ga werken?". {@code persoonlijk}: worked out for the signed-in citizen's own situation.
 * {@code samenvatting}: the answer in sentences; {@code nietMeegenomen}: what the calculation does not include and where
 * to get advice (always show it).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhatIf(@JsonProperty("persoonlijk") boolean personal, @JsonProperty("nettoPerMaand") Money monthlyNet,
                     @JsonProperty("maanden") List<Month> months, @JsonProperty("samenvatting") List<String> summary,
                     @JsonProperty("nietMeegenomen") List<String> leavesOut) {

    /**
     * One month: the norm, the wages, what may be kept of them, the bijstand paid, the total with work, the total
     * without work and the difference. {@code aangenomen}: the figures of this month are not known yet; the last known
     * ones were used. {@code voorlopig}: the figures of this month are known but not confirmed yet; the amounts may
     * still change by a few euros.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Month(@JsonProperty("maand") String month, Money norm, @JsonProperty("loon") Money work,
                        @JsonProperty("vrijgelaten") Money kept, @JsonProperty("uitbetaling") Money paid,
                        @JsonProperty("totaal") Money total, @JsonProperty("zonderWerk") Money withoutWork,
                        @JsonProperty("verschil") Money more, @JsonProperty("aangenomen") boolean assumed,
                        @JsonProperty("voorlopig") boolean provisional) {
    }
}
