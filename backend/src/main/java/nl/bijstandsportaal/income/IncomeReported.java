package nl.bijstandsportaal.income;

/**
 * A citizen sent or corrected an income report (published by IncomeService on this instance): what rests on their
 * income, such as the regelingen check, is worked out again.
 */
public record IncomeReported(long burgerId) {
}
