package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The income report (inkomstenopgave) in the app. Periods are named by a stable {@code code} (2026-11, or
 * 2026-11-05-4W for four weeks). Amounts are decimal strings with currency; texts in the request's language.
 */
public final class Income {

    private Income() {
    }

    /** state: NOG_NIET, TE_DOEN, TE_LAAT, VERSTUURD, IN_BEHANDELING, VERWERKT, BETAALD. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Period(String code, String from, String to, String deadline, String state, String stateText,
                         @Nullable String kenmerk) {
    }

    /** What the citizen reports: no income, or one or more sources (at most 5). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(boolean geenInkomsten, @Nullable @Size(max = 5) List<Source> bronnen) {
    }

    /** soort: WERK, UITKERING, ONDERNEMING, GIFT, ALIMENTATIE, ANDERS. Amounts as "380" or "380,50"; dates 2026-10-25. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(@Nullable String soort, @Nullable String naam, @Nullable String netto, @Nullable String bruto,
                         @Nullable String uren, @Nullable String betaaldatum, boolean loonstrookVolgt) {
    }

    /**
     * The estimate before sending: in sentences and in figures; {@code warnings} are surprising values to confirm;
     * {@code provisional}: it rests on a figure that is not confirmed yet (the summary says so too).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Estimate(Money paid, Money normallyPaid, Money income, Money kept, Money counted, List<String> summary,
                           List<String> explanation, List<String> warnings, boolean provisional) {
    }

    /**
     * expectedPaid: the estimate when the report was sent (absent when the figures were not known yet); countedPaid: once
     * the consulent processed the report with other amounts than were sent, the payment those amounts give.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(String id, String kenmerk, String period, String status, String statusText, int version,
                          boolean noIncome, boolean late, @Nullable Money expectedPaid, @Nullable Money countedPaid, String sentAt,
                          List<ReceiptSource> sources, List<Event> timeline, List<String> proof) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReceiptSource(String soort, String naam, Money netto, boolean loonstrookVolgt, @Nullable Money vastgesteld,
                                @Nullable String reden) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(String at, String kind, String text, @Nullable String reason) {
    }
}
