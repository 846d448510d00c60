package nl.bijstandsportaal.rights;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.rights.RightsOverview.ChecklistItem;
import nl.bijstandsportaal.rights.RightsOverview.DutyView;
import nl.bijstandsportaal.rights.RightsOverview.QuizQuestion;
import nl.bijstandsportaal.rights.RightsOverview.Upcoming;
import nl.bijstandsportaal.rules.Household;
import nl.bijstandsportaal.rules.Household.Leefvorm;
import nl.bijstandsportaal.rules.Household.Member;
import nl.bijstandsportaal.rules.MonthlyNorm;
import nl.bijstandsportaal.rules.NormCalculator;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulePeriod;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The personal rights-and-duties overview as a pure function of the situation, the day and the rule book: the
 * norm with its explanation, the checklist of what to report, the duties, the municipality's steps when a duty is
 * not met, what is coming up, and the quiz. Every rule version it reads is collected, so the overview can say what
 * it rests on and notice when that changes.
 */
@Pure
public final class RightsRules {

    /** How far ahead "coming up" looks. */
    static final int LOOK_AHEAD_MONTHS = 12;

    private RightsRules() {
    }

    public static RightsOverview overview(Situation situation, LocalDate today, RuleBook rules) {
        return new Builder(situation, today, rules).build();
    }

    /**
     * The norm for a whole month in the situation of {@code day} (incl. vakantietoeslag, to the cent): what "your norm
     * becomes" means when something changes that day. Empty when the rules for that day are not known yet.
     */
    static Optional<BigDecimal> monthlyNormOn(Household household, LocalDate day, String gemeente, RuleBook rules) {
        return norm(household, YearMonth.from(day), gemeente, rules).flatMap(n -> n.parts().stream()
                .filter(p -> !day.isBefore(p.from()) && !day.isAfter(p.to())).findFirst())
                .map(p -> p.monthlyAmount().setScale(2, java.math.RoundingMode.HALF_UP));
    }

    /** The norm of a household for a month, or empty when the rules for that month are not known yet. */
    static Optional<MonthlyNorm> norm(Household household, YearMonth month, String gemeente, RuleBook rules) {
        try {
            return Optional.of(NormCalculator.forMonth(household, month, gemeente, rules));
        } catch (RuleBook.MissingRuleException e) {
            return Optional.empty();
        }
    }

    private static final class Builder {
        private final Situation situation;
        private final Household household;
        private final String gemeente;
        private final LocalDate today;
        private final RuleBook rules;
        private final Set<RulePeriod> used = new LinkedHashSet<>();

        Builder(Situation situation, LocalDate today, RuleBook rules) {
            this.situation = situation;
            this.household = situation.household();
            this.gemeente = situation.gemeente();
            this.today = today;
            this.rules = rules;
        }

        RightsOverview build() {
            YearMonth month = YearMonth.from(today);
            MonthlyNorm norm = norm(household, month, gemeente, rules).orElse(null);
            if (norm != null) {
                used.addAll(norm.rulesUsed());
            }
            Text missing = norm == null ? Text.of("rights.norm.unknown", month) : null;
            List<Text> summary = norm == null ? List.of() : summary(norm);
            List<Text> details = norm == null ? List.of() : details(norm);
            List<ChecklistItem> checklist = checklist();
            List<DutyView> duties = duties();
            List<Text> consequences = consequences();
            List<Upcoming> upcoming = upcoming(norm);
            List<QuizQuestion> quiz = quiz();
            List<RulePeriod> rulesUsed = used.stream()
                    .sorted(Comparator.comparing((RulePeriod p) -> p.key().ordinal()).thenComparing(RulePeriod::from))
                    .toList();
            List<Text> sources = rulesUsed.stream()
                    .map(r -> Text.of(r.provisional() ? "rights.sources.itemProvisional" : "rights.sources.item",
                            Text.of("rule." + r.key().code()), r.source(), r.from()))
                    .toList();
            return new RightsOverview(today, month, norm, missing, summary, details, checklist, duties, consequences,
                    upcoming, quiz, rulesUsed, sources, fingerprint(rulesUsed, situation.duties()));
        }

        private Optional<RulePeriod> rule(RuleKey key) {
            return rule(key, today);
        }

        private Optional<RulePeriod> rule(RuleKey key, LocalDate day) {
            Optional<RulePeriod> found = rules.find(key, gemeente, day);
            found.ifPresent(used::add);
            return found;
        }

        private boolean on(RuleKey measure) {
            rule(measure);
            return rules.isOn(measure, gemeente, today);
        }

        // ---- What I get -------------------------------------------------------------------------------------

        private List<Text> summary(MonthlyNorm norm) {
            List<Text> lines = new ArrayList<>();
            lines.add(Text.of("rights.norm.summary", norm.month(), norm.exclVt()));
            lines.add(Text.of("rights.norm.summary.vt", norm.vakantietoeslag(), YearMonth.from(nextPayMonth(norm.vtPayMonth()))));
            MonthlyNorm.Part last = norm.parts().get(norm.parts().size() - 1);
            if (last.isKostendelersnorm()) {
                lines.add(Text.of("rights.norm.summary.kostendelers", last.kostendelerNames().size(),
                        String.join(", ", last.kostendelerNames())));
            }
            if (norm.parts().size() > 1) {
                lines.add(Text.of("rights.norm.summary.changes", norm.parts().get(1).from()));
            }
            if (norm.provisional()) {
                lines.add(Text.of("rights.norm.summary.provisional"));
            }
            return lines;
        }

        private List<Text> details(MonthlyNorm norm) {
            List<Text> lines = new ArrayList<>();
            boolean partners = household.leefvorm() == Leefvorm.PARTNERS;
            for (MonthlyNorm.Part part : norm.parts()) {
                if (norm.parts().size() > 1) {
                    lines.add(Text.of("rights.norm.detail.period", part.from(), part.to()));
                }
                RulePeriod category = part.categoryRule();
                // The rule's source is not in this main text: it is under "Waar staat dit?" (the sources below).
                lines.add(Text.of("rights.norm.detail.category", Text.of("rule." + category.key().code()),
                        category.value(), category.from()));
                if (part.isKostendelersnorm()) {
                    lines.add(Text.of("rights.norm.detail.kostendelers", part.kostendelers(),
                            String.join(", ", part.kostendelerNames())));
                    lines.add(Text.of("rights.norm.detail.kostendelersFormula", part.kostendelers(),
                            new Text.Percent(part.kostendelerPercent()), part.partnersNorm(),
                            partners && part.youngPartnerNorm() == null ? Text.of("rights.norm.detail.forTwo") : Text.of("rights.norm.detail.forOne"),
                            part.monthlyAmount().setScale(2, java.math.RoundingMode.HALF_UP)));
                    if (part.youngPartnerNorm() != null) {
                        lines.add(Text.of("rights.norm.detail.youngPartner", part.youngPartnerNorm()));
                    }
                }
                if (!part.isWholeMonth()) {
                    lines.add(Text.of("rights.norm.detail.share", part.days(), part.daysInMonth(),
                            part.monthlyAmount().setScale(2, java.math.RoundingMode.HALF_UP),
                            part.share().setScale(2, java.math.RoundingMode.HALF_UP)));
                }
            }
            lines.add(Text.of("rights.norm.detail.total", norm.inclVt()));
            lines.add(Text.of("rights.norm.detail.vt", new Text.Percent(norm.vtPercent().value()), norm.vakantietoeslag(),
                    norm.exclVt()));
            lines.add(Text.of("rights.norm.detail.rounding"));
            return lines;
        }

        // ---- What I must tell the municipality --------------------------------------------------------------

        private List<ChecklistItem> checklist() {
            List<ChecklistItem> items = new ArrayList<>();
            items.add(new ChecklistItem("inkomen", Text.of("rights.check.inkomen"), List.of(Text.of("rights.check.inkomen.example")), null));

            Optional<RulePeriod> giftLimit = rule(RuleKey.GIFTEN_VRIJ_PER_JAAR);
            if (on(RuleKey.MAATREGEL_GIFTEN_1200) && giftLimit.isPresent()) {
                items.add(new ChecklistItem("giften", Text.of("rights.check.giften"),
                        List.of(Text.of("rights.check.giften.free", giftLimit.get().value())), ChangeKind.GIFT));
            } else {
                items.add(new ChecklistItem("giften", Text.of("rights.check.giften"),
                        List.of(Text.of("rights.check.giften.all")), ChangeKind.GIFT));
            }

            List<Text> inwoning = new ArrayList<>(List.of(Text.of("rights.check.inwoning.example")));
            if (on(RuleKey.MAATREGEL_MANTELZORG_KOSTENDELER)) {
                inwoning.add(Text.of("rights.check.inwoning.care"));
            }
            items.add(new ChecklistItem("inwoning", Text.of("rights.check.inwoning"), inwoning, ChangeKind.INWONER_ERBIJ));

            if (household.leefvorm() != Leefvorm.PARTNERS) {
                items.add(new ChecklistItem("partner", Text.of("rights.check.partner"),
                        List.of(Text.of("rights.check.partner.example")), ChangeKind.ANDERS));
            }

            if (!household.others().isEmpty()) {
                items.add(new ChecklistItem("huisgenoten", Text.of("rights.check.huisgenoten"), housemateExamples(), ChangeKind.ANDERS));
            }

            Optional<RulePeriod> weeks = rule(RuleKey.BUITENLAND_MAX_WEKEN);
            items.add(new ChecklistItem("buitenland", Text.of("rights.check.buitenland"),
                    List.of(weeks.map(w -> Text.of("rights.check.buitenland.example", w.value().intValue()))
                            .orElse(Text.of("rights.check.buitenland.general"))), ChangeKind.BUITENLAND));

            RuleKey limitKey = household.leefvorm() == Leefvorm.ALLEENSTAAND ? RuleKey.VERMOGENSGRENS_ALLEENSTAAND : RuleKey.VERMOGENSGRENS_GEZIN;
            Optional<RulePeriod> limit = rule(limitKey);
            items.add(new ChecklistItem("vermogen", Text.of("rights.check.vermogen"),
                    List.of(limit.map(l -> Text.of("rights.check.vermogen.example", l.value()))
                            .orElse(Text.of("rights.check.vermogen.general"))), ChangeKind.GIFT));

            items.add(new ChecklistItem("adres", Text.of("rights.check.adres"), List.of(Text.of("rights.check.adres.example")), ChangeKind.ADRES));
            items.add(new ChecklistItem("studie", Text.of("rights.check.studie"), List.of(Text.of("rights.check.studie.example")), ChangeKind.ANDERS));
            return items;
        }

        /** Named examples for the people in this home: who turns the kostendeler age soon, who stops studying. */
        private List<Text> housemateExamples() {
            List<Text> examples = new ArrayList<>();
            Optional<RulePeriod> minimumAge = rule(RuleKey.KOSTENDELER_MINIMUMLEEFTIJD);
            int age = minimumAge.map(r -> r.value().intValue()).orElse(27);
            for (Member member : household.others()) {
                LocalDate birthday = member.born().plusYears(age);
                if (birthday.isAfter(today) && !birthday.isAfter(today.plusMonths(LOOK_AHEAD_MONTHS))) {
                    examples.add(Text.of("rights.check.huisgenoten.turns", member.name(), age, birthday));
                }
                if (member.status() == Household.Status.STUDIEFINANCIERING || member.status() == Household.Status.BBL) {
                    examples.add(Text.of("rights.check.huisgenoten.study", member.name()));
                }
            }
            if (examples.isEmpty()) {
                examples.add(Text.of("rights.check.huisgenoten.example", age));
            }
            return examples;
        }

        // ---- My duties and what happens if I don't meet them ------------------------------------------------

        private List<DutyView> duties() {
            List<DutyView> views = new ArrayList<>();
            views.add(new DutyView("INLICHTINGEN", Text.of("plicht.INLICHTINGEN"), Text.of("rights.duty.INLICHTINGEN.what"),
                    false, null, null));
            for (String code : List.of("ARBEID", "TAALEIS", "PARTICIPATIE")) {
                situation.duties().stream().filter(d -> d.plicht().equals(code)).findFirst().ifPresent(duty -> {
                    boolean lifted = duty.ontheffing() && (duty.until() == null || !duty.until().isBefore(today));
                    views.add(new DutyView(code, Text.of("plicht." + code), Text.of("rights.duty." + code + ".what"),
                            lifted, lifted ? duty.reason() : null, lifted ? duty.until() : null));
                });
            }
            return views;
        }

        private List<Text> consequences() {
            List<Text> lines = new ArrayList<>();
            lines.add(Text.of("rights.consequences.talkFirst"));
            Optional<RulePeriod> appointment = rule(RuleKey.VERLAGING_AFSPRAAK_BEDRAG);
            Optional<RulePeriod> first = rule(RuleKey.VERLAGING_EERSTE_PROCENT);
            Optional<RulePeriod> again = rule(RuleKey.VERLAGING_HERHALING_PROCENT);
            Optional<RulePeriod> months = rule(RuleKey.VERLAGING_DUUR_MAANDEN);
            appointment.ifPresent(a -> lines.add(Text.of("rights.consequences.appointment", a.value())));
            if (first.isPresent() && months.isPresent()) {
                lines.add(Text.of("rights.consequences.first", months.get().value().intValue(), new Text.Percent(first.get().value())));
            }
            if (again.isPresent() && months.isPresent()) {
                lines.add(Text.of("rights.consequences.again", months.get().value().intValue(), new Text.Percent(again.get().value())));
            }
            if (appointment.isEmpty() && first.isEmpty()) {
                lines.add(Text.of("rights.consequences.unknownSteps", situation.gemeenteNaam()));
            } else {
                lines.add(Text.of("rights.consequences.source", situation.gemeenteNaam(),
                        appointment.or(() -> first).map(RulePeriod::source).orElse("")));
            }
            lines.add(Text.of("rights.consequences.report"));
            return lines;
        }

        // ---- Coming up ---------------------------------------------------------------------------------------

        private List<Upcoming> upcoming(MonthlyNorm current) {
            LocalDate horizon = today.plusMonths(LOOK_AHEAD_MONTHS);
            List<Upcoming> events = new ArrayList<>();
            int minimumAge = rule(RuleKey.KOSTENDELER_MINIMUMLEEFTIJD).map(r -> r.value().intValue()).orElse(27);
            for (Member member : household.others()) {
                LocalDate birthday = member.born().plusYears(minimumAge);
                if (birthday.isAfter(today) && !birthday.isAfter(horizon)) {
                    boolean counts = member.status() == null || member.status() == Household.Status.GEEN;
                    BigDecimal after = counts ? normFrom(household, birthday) : null;
                    Text text = !counts ? Text.of("rights.upcoming.turns.notCounted", member.name(), minimumAge, birthday)
                            : after != null ? Text.of("rights.upcoming.turns", member.name(), minimumAge, birthday, after)
                            : Text.of("rights.upcoming.turns.unknown", member.name(), minimumAge, birthday);
                    events.add(new Upcoming(birthday, "HUISGENOOT_27", text, after));
                }
            }
            LocalDate own21 = household.applicantBorn().plusYears(21);
            if (own21.isAfter(today) && !own21.isAfter(horizon)) {
                BigDecimal after = normFrom(household, own21);
                events.add(new Upcoming(own21, "ZELF_21", after != null ? Text.of("rights.upcoming.own21", own21, after)
                        : Text.of("rights.upcoming.own21.unknown", own21), after));
            }
            rule(RuleKey.AOW_LEEFTIJD_MAANDEN).ifPresent(aow -> {
                LocalDate aowDay = household.applicantBorn().plusMonths(aow.value().longValue());
                if (aowDay.isAfter(today) && !aowDay.isAfter(horizon)) {
                    events.add(new Upcoming(aowDay, "AOW", Text.of("rights.upcoming.aow", aowDay), null));
                }
            });
            for (Situation.Duty duty : situation.duties()) {
                if (duty.ontheffing() && duty.until() != null && !duty.until().isBefore(today) && !duty.until().isAfter(horizon)) {
                    events.add(new Upcoming(duty.until(), "ONTHEFFING_EINDE",
                            Text.of("rights.upcoming.ontheffing", Text.of("plicht." + duty.plicht()), duty.until()), null));
                }
            }
            LocalDate nextNormDate = nextHalfYear(today);
            if (current != null) {
                BigDecimal after = normFrom(household, nextNormDate);
                boolean known = rules.nextChange(normKeys(), gemeente, today).filter(d -> !d.isAfter(nextNormDate)).isPresent();
                events.add(new Upcoming(nextNormDate, "NORMEN", after != null && known
                        ? Text.of("rights.upcoming.norms", nextNormDate, after)
                        : Text.of("rights.upcoming.norms.unknown", nextNormDate), after != null && known ? after : null));
                LocalDate payDay = nextPayMonth(current.vtPayMonth());
                events.add(new Upcoming(payDay, "VAKANTIETOESLAG", Text.of("rights.upcoming.vt", YearMonth.from(payDay)), null));
            }
            events.sort(Comparator.comparing(Upcoming::date));
            return events;
        }

        private BigDecimal normFrom(Household h, LocalDate day) {
            return monthlyNormOn(h, day, gemeente, rules).orElse(null);
        }

        private LocalDate nextPayMonth(int payMonth) {
            LocalDate candidate = LocalDate.of(today.getYear(), payMonth, 1);
            return YearMonth.from(candidate).isBefore(YearMonth.from(today)) ? candidate.plusYears(1) : candidate;
        }

        // ---- The quiz ----------------------------------------------------------------------------------------

        private List<QuizQuestion> quiz() {
            List<QuizQuestion> questions = new ArrayList<>();
            int weeks = rule(RuleKey.BUITENLAND_MAX_WEKEN).map(r -> r.value().intValue()).orElse(4);
            int asked = weeks + 2;
            questions.add(new QuizQuestion("buitenland", Text.of("rights.quiz.abroad.question", asked),
                    List.of(new QuizQuestion.Option("ja", Text.of("rights.quiz.yes")), new QuizQuestion.Option("nee", Text.of("rights.quiz.no"))),
                    "nee", Text.of("rights.quiz.abroad.explanation", weeks)));

            Optional<RulePeriod> giftLimit = rule(RuleKey.GIFTEN_VRIJ_PER_JAAR);
            boolean giftsFree = on(RuleKey.MAATREGEL_GIFTEN_1200) && giftLimit.isPresent();
            List<QuizQuestion.Option> giftOptions = new ArrayList<>(List.of(
                    new QuizQuestion.Option("altijd", Text.of("rights.quiz.gifts.always")),
                    new QuizQuestion.Option("nooit", Text.of("rights.quiz.gifts.never"))));
            if (giftsFree) {
                giftOptions.add(new QuizQuestion.Option("boven-grens", Text.of("rights.quiz.gifts.aboveLimit", giftLimit.get().value())));
            }
            questions.add(new QuizQuestion("boodschappen", Text.of("rights.quiz.gifts.question"), giftOptions,
                    giftsFree ? "boven-grens" : "altijd",
                    giftsFree ? Text.of("rights.quiz.gifts.explanation.free", giftLimit.get().value())
                            : Text.of("rights.quiz.gifts.explanation.all")));

            questions.add(new QuizQuestion("inwoning", Text.of("rights.quiz.movingIn.question"),
                    List.of(new QuizQuestion.Option("meteen", Text.of("rights.quiz.movingIn.now")),
                            new QuizQuestion.Option("inkomsten", Text.of("rights.quiz.movingIn.withIncome")),
                            new QuizQuestion.Option("niet", Text.of("rights.quiz.movingIn.never"))),
                    "meteen", Text.of("rights.quiz.movingIn.explanation")));
            return questions;
        }
    }

    private static List<RuleKey> normKeys() {
        return java.util.Arrays.stream(RuleKey.values()).filter(k -> k.code().startsWith("norm.")).toList();
    }

    /** Norms change on 1 January and 1 July: the first of those after {@code day}. */
    static LocalDate nextHalfYear(LocalDate day) {
        LocalDate july = LocalDate.of(day.getYear(), 7, 1);
        return day.isBefore(july) ? july : LocalDate.of(day.getYear() + 1, 1, 1);
    }

    static String fingerprint(List<RulePeriod> rules, List<Situation.Duty> duties) {
        StringBuilder text = new StringBuilder();
        rules.forEach(r -> text.append(r.key().code()).append('|').append(r.gemeente()).append('|').append(r.from())
                .append('|').append(r.value().stripTrailingZeros().toPlainString()).append('\n'));
        duties.stream().sorted(Comparator.comparing(Situation.Duty::plicht))
                .forEach(d -> text.append(d.plicht()).append('|').append(d.ontheffing()).append('|').append(d.until()).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
