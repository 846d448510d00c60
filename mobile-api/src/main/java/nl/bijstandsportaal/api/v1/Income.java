package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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

    /** {@code status}: NOG_NIET, TE_DOEN, TE_LAAT, VERSTUURD, IN_BEHANDELING, VERWERKT, BETAALD; {@code van}, {@code tot}, {@code uiterlijk}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Period(String code, @JsonProperty("van") String from, @JsonProperty("tot") String to,
                         @JsonProperty("uiterlijk") String deadline, @JsonProperty("status") String state,
                         @JsonProperty("statusTekst") String stateText, @Nullable String kenmerk) {
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
     * The estimate before sending: in sentences ({@code samenvatting}, {@code uitleg}) and in figures;
     * {@code waarschuwingen} are surprising values to confirm; {@code voorlopig}: it rests on a figure that is not
     * confirmed yet (the summary says so too).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Estimate(@JsonProperty("uitbetaling") Money paid,
                           @JsonProperty("normaleUitbetaling") Money normallyPaid,
                           @JsonProperty("inkomsten") Money income, @JsonProperty("vrijgelaten") Money kept,
                           @JsonProperty("verrekend") Money counted, @JsonProperty("samenvatting") List<String> summary,
                           @JsonProperty("uitleg") List<String> explanation,
                           @JsonProperty("waarschuwingen") List<String> warnings,
                           @JsonProperty("voorlopig") boolean provisional) {
    }

    /**
     * The report as stored, with the same names as it was sent ({@code geenInkomsten}, {@code bronnen}).
     * {@code verwachteUitbetaling}: the estimate when the report was sent (absent when the figures were not known yet);
     * {@code vastgesteldeUitbetaling}: once the consulent processed the report with other amounts than were sent, the
     * payment those amounts give.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(String id, String kenmerk, @JsonProperty("periode") String period, String status,
                          @JsonProperty("statusTekst") String statusText, @JsonProperty("versie") int version,
                          @JsonProperty("geenInkomsten") boolean noIncome, @JsonProperty("teLaat") boolean late,
                          @Nullable @JsonProperty("verwachteUitbetaling") Money expectedPaid,
                          @Nullable @JsonProperty("vastgesteldeUitbetaling") Money countedPaid,
                          @JsonProperty("verstuurdOp") String sentAt,
                          @JsonProperty("bronnen") List<ReceiptSource> sources,
                          @JsonProperty("tijdlijn") List<Event> timeline, @JsonProperty("bewijs") List<String> proof,
                          @JsonProperty("bewijsBestanden") List<ProofFile> proofFiles) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReceiptSource(String soort, String naam, Money netto, boolean loonstrookVolgt, @Nullable Money vastgesteld,
                                @Nullable String reden) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(@JsonProperty("op") String at, @JsonProperty("soort") String kind,
                        @JsonProperty("tekst") String text, @Nullable @JsonProperty("reden") String reason) {
    }
}
