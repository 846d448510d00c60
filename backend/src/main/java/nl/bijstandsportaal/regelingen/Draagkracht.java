package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.i18n.Text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What a citizen pays themselves of costs that bijzondere bijstand could cover (art. 35 Pw): the part of the income
 * above a limit (a percentage of the norm), a share of that part, over a number of months. All of it comes from the
 * municipality's rules. Amounts are rounded to cents once per month, then multiplied.
 */
@Pure
public record Draagkracht(BigDecimal norm, BigDecimal freePercent, BigDecimal freeLimit, BigDecimal income,
                          BigDecimal above, BigDecimal percent, int months, BigDecimal perMonth, BigDecimal total) {

    public static Draagkracht of(BigDecimal norm, BigDecimal freePercent, BigDecimal income, BigDecimal percent, int months) {
        BigDecimal freeLimit = norm.multiply(freePercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        BigDecimal above = income.subtract(freeLimit).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        BigDecimal perMonth = above.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        BigDecimal total = perMonth.multiply(BigDecimal.valueOf(months)).setScale(2, RoundingMode.HALF_UP);
        return new Draagkracht(norm, freePercent, freeLimit, income.setScale(2, RoundingMode.HALF_UP), above, percent,
                months, perMonth, total);
    }

    /** The calculation in sentences, for the citizen. */
    public List<Text> explanation() {
        if (total.signum() == 0) {
            return List.of(Text.of("regelingen.draagkracht.none", freeLimit, new Text.Percent(freePercent)));
        }
        return List.of(
                Text.of("regelingen.draagkracht.total", total),
                Text.of("regelingen.draagkracht.above", income, freeLimit, new Text.Percent(freePercent), above),
                Text.of("regelingen.draagkracht.share", new Text.Percent(percent), above, perMonth, Integer.toString(months), total));
    }
}
