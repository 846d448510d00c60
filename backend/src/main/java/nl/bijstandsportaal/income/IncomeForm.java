package nl.bijstandsportaal.income;

import nl.bijstandsportaal.rules.ReportPeriods;
import nl.bijstandsportaal.rules.ReportPeriods.ReportPeriod;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.platform.i18n.TypedInput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sources of income as typed (web form or app) and their check: the same messages everywhere. Fields are
 * named per source: {@code bron.0.soort}, {@code bron.0.netto}, ... Empty sources are left out.
 */
public final class IncomeForm {

    public static final int MAX_SOURCES = 5;
    /** Above this a source gets a soft warning ("klopt dat?"), not a refusal. */
    static final BigDecimal SURPRISING = new BigDecimal("5000");
    private static final BigDecimal MAX = new BigDecimal("1000000");

    private IncomeForm() {
    }

    /** One source as typed. */
    public record SourceInput(String soort, String naam, String netto, String bruto, String uren, String betaaldatum,
                              String loonstrookVolgt) {

        boolean isEmpty() {
            return blank(soort) && blank(naam) && blank(netto) && blank(bruto) && blank(uren) && blank(betaaldatum);
        }
    }

    /** One checked source. */
    public record Source(Offsetting.Kind kind, String name, BigDecimal net, BigDecimal gross, BigDecimal hours, LocalDate paidOn,
                         boolean payslipFollows) {
    }

    /** The sources, or per field what is wrong; {@code warnings}: surprising values to confirm. */
    public record Checked(List<Source> sources, Map<String, Text> errors, List<Text> warnings) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Checked check(List<SourceInput> inputs, ReportPeriod period) {
        Map<String, Text> errors = new LinkedHashMap<>();
        List<Source> sources = new ArrayList<>();
        List<Text> warnings = new ArrayList<>();
        int filled = 0;
        for (int i = 0; i < inputs.size() && i < MAX_SOURCES; i++) {
            SourceInput in = inputs.get(i);
            if (in == null || in.isEmpty()) {
                continue;
            }
            filled++;
            String p = "bron." + i + ".";
            Offsetting.Kind kind = null;
            try {
                kind = blank(in.soort()) ? null : Offsetting.Kind.valueOf(in.soort().strip());
            } catch (IllegalArgumentException e) {
                kind = null;
            }
            if (kind == null) {
                errors.put(p + "soort", Text.of("income.error.choose", Text.of("income.short.soort"), i + 1));
            }
            String name = blank(in.naam()) ? null : in.naam().strip();
            if (name == null) {
                errors.put(p + "naam", Text.of("income.error.required", Text.of("income.short.naam"), i + 1));
            } else if (name.length() > 150) {
                errors.put(p + "naam", Text.of("income.error.tooLong", Text.of("income.short.naam"), i + 1, 150));
            }
            BigDecimal net = amount(in.netto(), p + "netto", "income.short.netto", i, true, errors);
            BigDecimal gross = amount(in.bruto(), p + "bruto", "income.short.bruto", i, false, errors);
            BigDecimal hours = amount(in.uren(), p + "uren", "income.short.uren", i, false, errors);
            if (hours != null && hours.compareTo(BigDecimal.valueOf(period.days() * 24L)) > 0) {
                errors.put(p + "uren", Text.of("income.error.hours", i + 1));
                hours = null;
            }
            if (net != null && gross != null && gross.compareTo(net) < 0) {
                errors.put(p + "bruto", Text.of("income.error.grossBelowNet", i + 1));
            }
            LocalDate paidOn = null;
            if (!blank(in.betaaldatum())) {
                paidOn = date(in.betaaldatum());
                if (paidOn == null) {
                    errors.put(p + "betaaldatum", Text.of("income.error.date", i + 1));
                } else if (!period.contains(paidOn)) {
                    errors.put(p + "betaaldatum", Text.of("income.error.dateInPeriod", i + 1, period.from(), period.to()));
                    paidOn = null;
                }
            }
            if (net != null && net.compareTo(SURPRISING) > 0) {
                warnings.add(Text.of("income.warning.surprising", net, i + 1));
            }
            if (kind != null && name != null && net != null) {
                sources.add(new Source(kind, name, net, gross, hours, paidOn, "ja".equals(in.loonstrookVolgt())));
            }
        }
        if (filled == 0) {
            errors.put("bron.0.soort", Text.of("income.error.noSources"));
        }
        return new Checked(List.copyOf(sources), errors, List.copyOf(warnings));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static BigDecimal amount(String value, String field, String label, int index, boolean required, Map<String, Text> errors) {
        if (blank(value)) {
            if (required) {
                errors.put(field, Text.of("income.error.required", Text.of(label), index + 1));
            }
            return null;
        }
        String typed = value.strip();
        if (typed.startsWith("-")) {
            errors.put(field, Text.of("income.error.negative", Text.of(label), index + 1));
            return null;
        }
        Optional<BigDecimal> amount = TypedInput.amount(typed).filter(a -> a.compareTo(MAX) <= 0);
        if (amount.isEmpty()) {
            errors.put(field, Text.of("income.error.amount", Text.of(label), index + 1));
        }
        return amount.orElse(null);
    }

    private static LocalDate date(String value) {
        return TypedInput.date(value).orElse(null);
    }
}
