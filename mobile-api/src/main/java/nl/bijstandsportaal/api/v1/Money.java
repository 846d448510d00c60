package nl.bijstandsportaal.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** An amount of money: {@code bedrag}, a decimal string with two decimals ("1283.83", never a float), and {@code valuta} ("EUR"). */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Money(@JsonProperty("bedrag") String amount, @JsonProperty("valuta") String currency) {

    public static Money euro(java.math.BigDecimal amount) {
        return amount == null ? null : new Money(amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), "EUR");
    }
}
