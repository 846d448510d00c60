package nl.bijstandsportaal.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads rule files: CSV with the header {@code regel,gemeente,geldig_vanaf,geldig_tot,waarde,status,bron}, one
 * period a line; {@code #} starts a comment line. {@code gemeente} is {@code *} (national) or the CBS code of a
 * municipality ({@code 0344}); dates are {@code yyyy-mm-dd}, {@code geldig_tot} inclusive and empty for the
 * period without an end; {@code waarde} uses a point for decimals; {@code status} is {@code vastgesteld}
 * (confirmed by its source) or {@code voorlopig} (not confirmed yet); {@code bron} is required and may be quoted.
 * All problems of all files are collected, so one start-up shows everything to fix.
 */
public final class RuleFiles {

    public static final List<String> SEED_FILES = List.of("rules/normen.csv", "rules/parameters.csv", "rules/maatregelen.csv",
            "rules/regelingen.csv");
    static final String HEADER = "regel,gemeente,geldig_vanaf,geldig_tot,waarde,status,bron";
    static final String CONFIRMED = "vastgesteld";
    static final String PROVISIONAL = "voorlopig";
    private static final Pattern GEMEENTE = Pattern.compile("\\*|\\d{4}");

    private RuleFiles() {
    }

    /** The seed files from the classpath, checked into a book. */
    public static RuleBook loadSeed() {
        List<RulePeriod> periods = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String file : SEED_FILES) {
            try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    problems.add(file + ": file not found on the classpath");
                    continue;
                }
                periods.addAll(parse(file, in, problems));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleFileException(problems);
        }
        return RuleBook.of(periods);
    }

    /** Parses one file; problems are added to {@code problems} as "file line N: what is wrong". */
    public static List<RulePeriod> parse(String file, InputStream in, List<String> problems) throws IOException {
        List<RulePeriod> periods = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        boolean headerSeen = false;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String where = file + " line " + number;
            if (!headerSeen) {
                headerSeen = true;
                if (!trimmed.equals(HEADER)) {
                    problems.add(where + ": the first line must be the header '" + HEADER + "'");
                    return periods;
                }
                continue;
            }
            List<String> fields = split(trimmed);
            if (fields.size() != 7) {
                problems.add(where + ": expected 7 fields (" + HEADER + "), found " + fields.size());
                continue;
            }
            RulePeriod period = period(fields, where, problems);
            if (period != null) {
                periods.add(period);
            }
        }
        return periods;
    }

    private static RulePeriod period(List<String> f, String where, List<String> problems) {
        int before = problems.size();
        RuleKey key = RuleKey.byCode(f.get(0)).orElse(null);
        if (key == null) {
            problems.add(where + ": unknown rule '" + f.get(0) + "'");
        }
        String gemeente = f.get(1);
        if (!GEMEENTE.matcher(gemeente).matches()) {
            problems.add(where + ": gemeente must be * or a four-digit CBS code, not '" + gemeente + "'");
        }
        LocalDate from = date(f.get(2), "geldig_vanaf", where, problems, false);
        LocalDate to = date(f.get(3), "geldig_tot", where, problems, true);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(where + ": geldig_tot " + to + " is before geldig_vanaf " + from);
        }
        BigDecimal value = null;
        try {
            value = new BigDecimal(f.get(4));
        } catch (NumberFormatException e) {
            problems.add(where + ": waarde '" + f.get(4) + "' is not a number (use a point for decimals: 1283.83)");
        }
        if (key != null && value != null) {
            checkValue(key, value, where, problems);
        }
        String status = f.get(5);
        if (!status.equals(CONFIRMED) && !status.equals(PROVISIONAL)) {
            problems.add(where + ": status must be '" + CONFIRMED + "' (confirmed by its source) or '" + PROVISIONAL
                    + "' (not confirmed yet), not '" + status + "'");
        }
        if (f.get(6).isBlank()) {
            problems.add(where + ": bron is empty; every rule needs its source");
        }
        return problems.size() == before
                ? new RulePeriod(key, gemeente, from, to, value, status.equals(PROVISIONAL), f.get(6), where) : null;
    }

    private static void checkValue(RuleKey key, BigDecimal value, String where, List<String> problems) {
        if (!RuleValues.fits(key.kind(), value)) {
            problems.add(where + ": " + key.code() + " needs " + RuleValues.describe(key.kind()) + ", not " + value.toPlainString());
        }
    }

    private static LocalDate date(String text, String field, String where, List<String> problems, boolean optional) {
        if (text.isEmpty() && optional) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(where + ": " + field + " '" + text + "' is not a date like 2026-01-01");
            return null;
        }
    }

    /** Splits one CSV line; a field in double quotes may hold commas, and "" inside it is one quote. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
