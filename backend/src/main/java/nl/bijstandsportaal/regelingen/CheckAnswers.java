package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.rules.Household;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One set of answers that serves every regeling: what the portal knows of a citizen, or what a visitor told the
 * check. Null means "not known": the check then says "misschien" and why, instead of guessing.
 *
 * <ul>
 * <li>{@code household}: leefvorm and birth dates; the norm, ages and pension age follow from it.</li>
 * <li>{@code incomePerMonth}: net income of the household per month, bijstand included;
 * {@code incomeFromBijstand}: the citizen is on bijstand and the income is that bijstand as the portal knows it
 * (null while the norm of the month is not known), not a figure they gave; {@code incomeReportedUntil}: the income is
 * that of the citizen's latest income report (bijstand and what they earned), for the period ending that day (null:
 * not from a report).</li>
 * <li>{@code savings}: money in the bank and in cash, together.</li>
 * <li>{@code lowIncome}: how long the income has been low.</li>
 * <li>{@code betterIncomeExpected}: whether the citizen expects a higher income soon (the IIT asks for no such prospect).</li>
 * <li>{@code children}: children under 18 living with them, by age.</li>
 * </ul>
 */
@Pure
public record CheckAnswers(String gemeente, Household household, BigDecimal incomePerMonth, boolean incomeFromBijstand,
                           LocalDate incomeReportedUntil, BigDecimal savings, LowIncome lowIncome, Boolean betterIncomeExpected,
                           Children children) {

    /** Answers whose income is not from an income report. */
    public CheckAnswers(String gemeente, Household household, BigDecimal incomePerMonth, boolean incomeFromBijstand,
                        BigDecimal savings, LowIncome lowIncome, Boolean betterIncomeExpected, Children children) {
        this(gemeente, household, incomePerMonth, incomeFromBijstand, null, savings, lowIncome, betterIncomeExpected, children);
    }

    /**
     * How long the income has been low, in whole months: at least {@code minMonths}, at most {@code maxMonths} (null:
     * no upper bound). {@code since}: the day it began, when the portal knows it (the start of bijstand), else null.
     */
    public record LowIncome(int minMonths, Integer maxMonths, LocalDate since) {

        public static LowIncome since(LocalDate start, LocalDate today) {
            int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(start, today);
            return new LowIncome(months, months, start);
        }
    }

    /** Children under 18 living with the citizen, counted by age: 0 to 3, 4 to 11, 12 to 17. */
    public record Children(int upTo3, int from4To11, int from12To17) {

        public static final Children NONE = new Children(0, 0, 0);

        public int total() {
            return upTo3 + from4To11 + from12To17;
        }

        /** How many are at least {@code age} years old (0, 4 or 12 count exactly; other ages round to the band below). */
        public int atLeast(int age) {
            if (age <= 0) {
                return total();
            }
            return age <= 4 ? from4To11 + from12To17 : from12To17;
        }
    }
}
