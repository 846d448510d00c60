package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.platform.Pure;
import nl.bijstandsportaal.platform.i18n.Text;
import nl.bijstandsportaal.rules.Household;
import nl.bijstandsportaal.rules.Household.Leefvorm;
import nl.bijstandsportaal.rules.RuleBook;
import nl.bijstandsportaal.rules.RuleKey;
import nl.bijstandsportaal.rules.RulePeriod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the catalogue says of one regeling in one municipality on one day, worked out from the rules: the income
 * limit in euros for each leefvorm, the asset limit, the amounts and the decision period, with every rule version
 * used (so the page can show its sources and say when a figure is not confirmed yet). Pure.
 */
@Pure
public final class CatalogueFacts {

    private CatalogueFacts() {
    }

    /**
     * The facts. {@code limits}: per leefvorm (single person, single parent, couple; 21 or older, nobody else in the
     * home) the income limit per month, empty when the regeling has none or the norms are not known.
     */
    public record Facts(Regeling regeling, List<Text> facts, List<Limit> limits, int decisionWeeks, boolean provisional,
                        List<RulePeriod> rulesUsed) {

        public List<Source> sources() {
            return Source.of(rulesUsed);
        }

        /** The words of the catalogue: {@code regelingen.<code>.naam} and so on. */
        public Text text(String part) {
            return Text.of("regelingen." + regeling.code() + "." + part);
        }
    }

    /** The income limit for one leefvorm: the norm and the limit per month. */
    public record Limit(Text leefvorm, BigDecimal norm, BigDecimal limit) {
    }

    public static Facts of(Regeling regeling, String gemeente, LocalDate day, RuleBook rules) {
        Set<RulePeriod> used = new LinkedHashSet<>();
        List<Text> facts = new ArrayList<>();
        List<Limit> limits = new ArrayList<>();
        java.util.function.Function<RuleKey, Optional<RulePeriod>> rule = key -> {
            Optional<RulePeriod> found = rules.find(key, gemeente, day);
            found.ifPresent(used::add);
            return found;
        };
        rule.apply(regeling.offered());
        RuleKey incomeLimit = switch (regeling) {
            case INDIVIDUELE_INKOMENSTOESLAG -> RuleKey.IIT_INKOMENSGRENS_PROCENT;
            case KWIJTSCHELDING -> RuleKey.KWIJTSCHELDING_INKOMENSGRENS_PROCENT;
            case ZORGVERZEKERING -> RuleKey.ZORGVERZEKERING_INKOMENSGRENS_PROCENT;
            case MEEDOENREGELING -> RuleKey.MEEDOEN_INKOMENSGRENS_PROCENT;
            case BIJZONDERE_BIJSTAND -> RuleKey.BIJZONDERE_BIJSTAND_DRAAGKRACHT_VRIJ_PROCENT;
        };
        Optional<RulePeriod> percent = rule.apply(incomeLimit);
        if (percent.isPresent()) {
            Text.Percent pct = new Text.Percent(percent.get().value());
            facts.add(regeling == Regeling.BIJZONDERE_BIJSTAND
                    ? Text.of("regelingen.fact.draagkrachtFree", pct) : Text.of("regelingen.fact.income", pct));
            for (Leefvorm leefvorm : Leefvorm.values()) {
                Household standard = new Household(leefvorm, day.minusYears(30), leefvorm == Leefvorm.PARTNERS ? day.minusYears(30) : null,
                        false, List.of(), leefvorm != Leefvorm.ALLEENSTAAND);
                Eligibility.monthlyNorm(standard, gemeente, day, rules).ifPresent(norm -> {
                    used.addAll(norm.rulesUsed());
                    limits.add(new Limit(Text.of("regelingen.leefvorm." + leefvorm.name()), norm.inclVt(),
                            Eligibility.percentOf(norm.inclVt(), percent.get().value())));
                });
            }
        }
        switch (regeling) {
            case INDIVIDUELE_INKOMENSTOESLAG -> {
                rule.apply(RuleKey.IIT_MINIMUMLEEFTIJD).ifPresent(p ->
                        facts.add(Text.of("regelingen.fact.iit.age", p.value().toPlainString())));
                rule.apply(RuleKey.IIT_REFERTEPERIODE_MAANDEN).ifPresent(p ->
                        facts.add(Text.of("regelingen.fact.iit.period", p.value().toPlainString())));
                assets(facts, rule);
                rule.apply(RuleKey.IIT_BEDRAG_ALLEENSTAAND).ifPresent(p -> facts.add(Text.of("regelingen.fact.iit.amountSingle", p.value())));
                rule.apply(RuleKey.IIT_BEDRAG_ALLEENSTAANDE_OUDER).ifPresent(p -> facts.add(Text.of("regelingen.fact.iit.amountParent", p.value())));
                rule.apply(RuleKey.IIT_BEDRAG_ALLEENSTAANDE_OUDER_KIND_12_17).ifPresent(p -> facts.add(Text.of("regelingen.fact.iit.amountParentTeen", p.value())));
                rule.apply(RuleKey.IIT_BEDRAG_PARTNERS).ifPresent(p -> facts.add(Text.of("regelingen.fact.iit.amountCouple", p.value())));
                rule.apply(RuleKey.IIT_BEDRAG_PARTNERS_KIND_12_17).ifPresent(p -> facts.add(Text.of("regelingen.fact.iit.amountCoupleTeen", p.value())));
                if (rules.isOn(RuleKey.MAATREGEL_IIT_AMBTSHALVE, gemeente, day)) {
                    rule.apply(RuleKey.MAATREGEL_IIT_AMBTSHALVE);
                    facts.add(Text.of("regelingen.fact.iit.ambtshalve"));
                }
            }
            case KWIJTSCHELDING -> {
                RuleKey[] margins = {RuleKey.KWIJTSCHELDING_VERMOGEN_MARGE_ALLEENSTAAND, RuleKey.KWIJTSCHELDING_VERMOGEN_MARGE_ALLEENSTAANDE_OUDER,
                        RuleKey.KWIJTSCHELDING_VERMOGEN_MARGE_PARTNERS};
                List<BigDecimal> values = new ArrayList<>();
                for (RuleKey key : margins) {
                    rule.apply(key).ifPresent(p -> values.add(p.value()));
                }
                if (values.size() == 3) {
                    facts.add(values.stream().allMatch(v -> v.signum() == 0)
                            ? Text.of("regelingen.fact.kwijtschelding.noSavings")
                            : Text.of("regelingen.fact.kwijtschelding.savings", values.get(0), values.get(1), values.get(2)));
                }
            }
            case ZORGVERZEKERING -> assets(facts, rule);
            case MEEDOENREGELING -> {
                boolean adults = rule.apply(RuleKey.MEEDOEN_VOOR_VOLWASSENEN).map(p -> p.value().signum() > 0).orElse(false);
                int minAge = rule.apply(RuleKey.MEEDOEN_KIND_MINIMUMLEEFTIJD).map(p -> p.value().intValue()).orElse(0);
                facts.add(adults ? Text.of("regelingen.fact.meedoen.everyone", Integer.toString(minAge))
                        : Text.of("regelingen.fact.meedoen.children", Integer.toString(minAge)));
                if (adults) {
                    rule.apply(RuleKey.MEEDOEN_BEDRAG_VOLWASSENE).ifPresent(p -> facts.add(Text.of("regelingen.fact.meedoen.amountAdult", p.value())));
                }
                assets(facts, rule);
            }
            case BIJZONDERE_BIJSTAND -> {
                Optional<RulePeriod> share = rule.apply(RuleKey.BIJZONDERE_BIJSTAND_DRAAGKRACHT_PROCENT);
                Optional<RulePeriod> months = rule.apply(RuleKey.BIJZONDERE_BIJSTAND_DRAAGKRACHT_MAANDEN);
                if (share.isPresent() && months.isPresent()) {
                    facts.add(Text.of("regelingen.fact.draagkrachtShare", new Text.Percent(share.get().value()),
                            months.get().value().toPlainString()));
                }
                rule.apply(RuleKey.BIJZONDERE_BIJSTAND_DREMPEL).filter(p -> p.value().signum() > 0)
                        .ifPresent(p -> facts.add(Text.of("regelingen.fact.drempel", p.value())));
                assets(facts, rule);
            }
        }
        int weeks = rule.apply(regeling.decisionWeeks()).map(p -> p.value().intValue()).orElse(8);
        return new Facts(regeling, List.copyOf(facts), List.copyOf(limits), weeks,
                used.stream().anyMatch(RulePeriod::provisional), List.copyOf(used));
    }

    private static void assets(List<Text> facts, java.util.function.Function<RuleKey, Optional<RulePeriod>> rule) {
        Optional<RulePeriod> single = rule.apply(RuleKey.VERMOGENSGRENS_ALLEENSTAAND);
        Optional<RulePeriod> family = rule.apply(RuleKey.VERMOGENSGRENS_GEZIN);
        if (single.isPresent() && family.isPresent()) {
            facts.add(Text.of("regelingen.fact.assets", single.get().value(), family.get().value()));
        }
    }
}
