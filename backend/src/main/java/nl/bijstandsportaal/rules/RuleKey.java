package nl.bijstandsportaal.rules;

import nl.bijstandsportaal.platform.Pure;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every rule the portal knows, with the kind of value it holds. A rule file that names a key not listed here
 * is refused, so a typo cannot silently fall back to another value.
 */
@Pure
public enum RuleKey {

    // Bijstandsnormen (art. 20-23 Participatiewet), net per month including vakantietoeslag.
    NORM_ALLEENSTAAND_18_20("norm.alleenstaand_18_20", Kind.AMOUNT),
    NORM_ALLEENSTAANDE_OUDER_18_20("norm.alleenstaande_ouder_18_20", Kind.AMOUNT),
    NORM_PARTNERS_18_20("norm.partners_18_20", Kind.AMOUNT),
    NORM_PARTNERS_18_20_EN_21("norm.partners_18_20_en_21", Kind.AMOUNT),
    NORM_PARTNERS_18_20_MET_KINDEREN("norm.partners_18_20_met_kinderen", Kind.AMOUNT),
    NORM_PARTNERS_18_20_EN_21_MET_KINDEREN("norm.partners_18_20_en_21_met_kinderen", Kind.AMOUNT),
    NORM_ALLEENSTAAND_21_AOW("norm.alleenstaand_21_aow", Kind.AMOUNT),
    NORM_ALLEENSTAANDE_OUDER_21_AOW("norm.alleenstaande_ouder_21_aow", Kind.AMOUNT),
    NORM_PARTNERS_21_AOW("norm.partners_21_aow", Kind.AMOUNT),
    NORM_ALLEENSTAAND_AOW("norm.alleenstaand_aow", Kind.AMOUNT),
    NORM_PARTNERS_AOW("norm.partners_aow", Kind.AMOUNT),
    NORM_INRICHTING_ALLEENSTAAND("norm.inrichting_alleenstaand", Kind.AMOUNT),
    NORM_INRICHTING_PARTNERS("norm.inrichting_partners", Kind.AMOUNT),

    // Kostendelersnorm (art. 22a): (basis + A x per kostendeler) / A percent of the partners norm.
    KOSTENDELER_BASIS_PROCENT("kostendeler.basis_procent", Kind.PERCENT),
    KOSTENDELER_PER_PERSOON_PROCENT("kostendeler.per_persoon_procent", Kind.PERCENT),
    KOSTENDELER_MINIMUMLEEFTIJD("kostendeler.minimumleeftijd", Kind.NUMBER),
    /** On (1): the percentage is rounded to two decimals before it is applied, as some municipal tables do; off: the exact fraction. */
    KOSTENDELER_PROCENT_AFGEROND("kostendeler.procent_afgerond", Kind.SWITCH),

    // Vakantietoeslag: the share of the norm that is reserved every month, and the month it is paid.
    VAKANTIETOESLAG_PROCENT("vakantietoeslag.procent", Kind.PERCENT),
    VAKANTIETOESLAG_UITBETAALMAAND("vakantietoeslag.uitbetaalmaand", Kind.NUMBER),

    AOW_LEEFTIJD_MAANDEN("aow.leeftijd_maanden", Kind.NUMBER),

    VERMOGENSGRENS_ALLEENSTAAND("vermogensgrens.alleenstaand", Kind.AMOUNT),
    VERMOGENSGRENS_GEZIN("vermogensgrens.gezin", Kind.AMOUNT),

    // Income disregards (art. 31 lid 2).
    VRIJLATING_ARBEID_PROCENT("vrijlating.arbeid_procent", Kind.PERCENT),
    VRIJLATING_ARBEID_MAXIMUM("vrijlating.arbeid_maximum", Kind.AMOUNT),
    VRIJLATING_ARBEID_MAANDEN("vrijlating.arbeid_maanden", Kind.NUMBER),
    VRIJLATING_ARBEID_MINIMUMLEEFTIJD("vrijlating.arbeid_minimumleeftijd", Kind.NUMBER),
    VRIJLATING_ALLEENSTAANDE_OUDER_PROCENT("vrijlating.alleenstaande_ouder_procent", Kind.PERCENT),
    VRIJLATING_ALLEENSTAANDE_OUDER_MAXIMUM("vrijlating.alleenstaande_ouder_maximum", Kind.AMOUNT),
    VRIJLATING_34A_PROCENT("vrijlating.34a_procent", Kind.PERCENT),
    VRIJLATING_34A_MAANDEN("vrijlating.34a_maanden", Kind.NUMBER),
    VRIJLATING_AOW_PROCENT("vrijlating.aow_procent", Kind.PERCENT),
    VRIJLATING_AOW_MAXIMUM("vrijlating.aow_maximum", Kind.AMOUNT),
    BUFFERBUDGET_MAXIMUM_PER_JAAR("bufferbudget.maximum_per_jaar", Kind.AMOUNT),
    GIFTEN_VRIJ_PER_JAAR("giften.vrij_per_jaar", Kind.AMOUNT),

    BUITENLAND_MAX_WEKEN("buitenland.max_weken", Kind.NUMBER),

    // The income report (inkomstenopgave): per calendar month (0) or per four weeks counted from the start of the
    // rule period (1), and the number of days after the end of a period by which it must be sent.
    INKOMSTENOPGAVE_VIER_WEKEN("inkomstenopgave.vier_weken", Kind.SWITCH),
    INKOMSTENOPGAVE_TERMIJN_DAGEN("inkomstenopgave.termijn_dagen", Kind.NUMBER),
    INKOMSTENOPGAVE_OPEN_DAGEN_VOOR_EINDE("inkomstenopgave.open_dagen_voor_einde", Kind.NUMBER),
    INKOMSTENOPGAVE_HERINNERING_DAGEN("inkomstenopgave.herinnering_dagen", Kind.NUMBER),
    INKOMSTENOPGAVE_LOONSTROOK_HERINNERING_DAGEN("inkomstenopgave.loonstrook_herinnering_dagen", Kind.NUMBER),

    // A document the consulent asks for: the deadline the form offers (days from today), the shortest deadline a
    // consulent may set, and how many days before the deadline the citizen gets a reminder while nothing was sent.
    DOCUMENTVERZOEK_TERMIJN_DAGEN("documentverzoek.termijn_dagen", Kind.NUMBER),
    DOCUMENTVERZOEK_MINIMUM_TERMIJN_DAGEN("documentverzoek.minimum_termijn_dagen", Kind.NUMBER),
    DOCUMENTVERZOEK_HERINNERING_DAGEN("documentverzoek.herinnering_dagen", Kind.NUMBER),

    // The municipality's steps when a duty is not met (afstemmingsverordening, art. 18 lid 2), after a warning:
    // a fixed amount off for a missed appointment, then a percentage for some months, more when it happens again.
    VERLAGING_AFSPRAAK_BEDRAG("verlaging.afspraak_bedrag", Kind.AMOUNT),
    VERLAGING_EERSTE_PROCENT("verlaging.eerste_procent", Kind.PERCENT),
    VERLAGING_HERHALING_PROCENT("verlaging.herhaling_procent", Kind.PERCENT),
    VERLAGING_DUUR_MAANDEN("verlaging.duur_maanden", Kind.NUMBER),

    // Participatiewet in balans: a measure is on (1) or off (0) per municipality from a date.
    MAATREGEL_GIFTEN_1200("maatregel.giften_1200", Kind.SWITCH),
    MAATREGEL_BUFFERBUDGET("maatregel.bufferbudget", Kind.SWITCH),
    MAATREGEL_VRIJLATING_34A("maatregel.vrijlating_34a", Kind.SWITCH),
    MAATREGEL_VRIJLATING_34A_JONGEREN("maatregel.vrijlating_34a_jongeren", Kind.SWITCH),
    MAATREGEL_MANTELZORG_KOSTENDELER("maatregel.mantelzorg_kostendeler", Kind.SWITCH),
    MAATREGEL_IIT_AMBTSHALVE("maatregel.iit_ambtshalve", Kind.SWITCH),

    // Minimaregelingen: whether a municipality offers each (1) or not (0), and its figures. Income limits are a
    // percentage of the norm that applies to the household, including vakantietoeslag.
    REGELING_BIJZONDERE_BIJSTAND("regeling.bijzondere_bijstand", Kind.SWITCH),
    BIJZONDERE_BIJSTAND_DRAAGKRACHT_VRIJ_PROCENT("bijzondere_bijstand.draagkracht_vrij_procent", Kind.NORM_PERCENT),
    BIJZONDERE_BIJSTAND_DRAAGKRACHT_PROCENT("bijzondere_bijstand.draagkracht_procent", Kind.PERCENT),
    BIJZONDERE_BIJSTAND_DRAAGKRACHT_MAANDEN("bijzondere_bijstand.draagkracht_maanden", Kind.NUMBER),
    BIJZONDERE_BIJSTAND_DREMPEL("bijzondere_bijstand.drempel", Kind.AMOUNT),
    BIJZONDERE_BIJSTAND_BESLISTERMIJN_WEKEN("bijzondere_bijstand.beslistermijn_weken", Kind.NUMBER),
    REGELING_IIT("regeling.iit", Kind.SWITCH),
    IIT_INKOMENSGRENS_PROCENT("iit.inkomensgrens_procent", Kind.NORM_PERCENT),
    IIT_REFERTEPERIODE_MAANDEN("iit.referteperiode_maanden", Kind.NUMBER),
    IIT_MINIMUMLEEFTIJD("iit.minimumleeftijd", Kind.NUMBER),
    IIT_BEDRAG_ALLEENSTAAND("iit.bedrag_alleenstaand", Kind.AMOUNT),
    IIT_BEDRAG_ALLEENSTAANDE_OUDER("iit.bedrag_alleenstaande_ouder", Kind.AMOUNT),
    IIT_BEDRAG_ALLEENSTAANDE_OUDER_KIND_12_17("iit.bedrag_alleenstaande_ouder_kind_12_17", Kind.AMOUNT),
    IIT_BEDRAG_PARTNERS("iit.bedrag_partners", Kind.AMOUNT),
    IIT_BEDRAG_PARTNERS_KIND_12_17("iit.bedrag_partners_kind_12_17", Kind.AMOUNT),
    IIT_BESLISTERMIJN_WEKEN("iit.beslistermijn_weken", Kind.NUMBER),
    REGELING_KWIJTSCHELDING("regeling.kwijtschelding", Kind.SWITCH),
    KWIJTSCHELDING_INKOMENSGRENS_PROCENT("kwijtschelding.inkomensgrens_procent", Kind.NORM_PERCENT),
    KWIJTSCHELDING_VERMOGEN_MARGE_ALLEENSTAAND("kwijtschelding.vermogen_marge_alleenstaand", Kind.AMOUNT),
    KWIJTSCHELDING_VERMOGEN_MARGE_ALLEENSTAANDE_OUDER("kwijtschelding.vermogen_marge_alleenstaande_ouder", Kind.AMOUNT),
    KWIJTSCHELDING_VERMOGEN_MARGE_PARTNERS("kwijtschelding.vermogen_marge_partners", Kind.AMOUNT),
    KWIJTSCHELDING_BESLISTERMIJN_WEKEN("kwijtschelding.beslistermijn_weken", Kind.NUMBER),
    REGELING_ZORGVERZEKERING("regeling.zorgverzekering", Kind.SWITCH),
    ZORGVERZEKERING_INKOMENSGRENS_PROCENT("zorgverzekering.inkomensgrens_procent", Kind.NORM_PERCENT),
    ZORGVERZEKERING_BESLISTERMIJN_WEKEN("zorgverzekering.beslistermijn_weken", Kind.NUMBER),
    REGELING_MEEDOEN("regeling.meedoen", Kind.SWITCH),
    MEEDOEN_INKOMENSGRENS_PROCENT("meedoen.inkomensgrens_procent", Kind.NORM_PERCENT),
    MEEDOEN_VOOR_VOLWASSENEN("meedoen.voor_volwassenen", Kind.SWITCH),
    MEEDOEN_KIND_MINIMUMLEEFTIJD("meedoen.kind_minimumleeftijd", Kind.NUMBER),
    MEEDOEN_BEDRAG_VOLWASSENE("meedoen.bedrag_volwassene", Kind.AMOUNT),
    MEEDOEN_BESLISTERMIJN_WEKEN("meedoen.beslistermijn_weken", Kind.NUMBER),

    // Applications: a grant above this amount needs a second employee's approval (four eyes).
    AANVRAAG_VIER_OGEN_BEDRAG("aanvraag.vier_ogen_bedrag", Kind.AMOUNT),
    // ... and a decision that says no (afgewezen, buiten behandeling) needs one too where this is switched on (1).
    AANVRAAG_VIER_OGEN_AFWIJZING("aanvraag.vier_ogen_afwijzing", Kind.SWITCH),

    // Algemene wet bestuursrecht: the weeks to make bezwaar against a decision (art. 6:7).
    AWB_BEZWAARTERMIJN_WEKEN("awb.bezwaartermijn_weken", Kind.NUMBER),
    // ... and the weeks to decide on a bezwaar, counted from the end of that term (art. 7:10).
    AWB_BEZWAAR_BESLISTERMIJN_WEKEN("awb.bezwaar_beslistermijn_weken", Kind.NUMBER),

    // The consulent's work list: the days the municipality promises to process what a citizen sent (a report, a
    // change, a document), and the working days within which a citizen's message gets an answer.
    WERKLIJST_INKOMSTENOPGAVE_DAGEN("werklijst.inkomstenopgave_dagen", Kind.NUMBER),
    WERKLIJST_WIJZIGING_DAGEN("werklijst.wijziging_dagen", Kind.NUMBER),
    WERKLIJST_DOCUMENT_DAGEN("werklijst.document_dagen", Kind.NUMBER),
    GESPREK_ANTWOORD_WERKDAGEN("gesprek.antwoord_werkdagen", Kind.NUMBER),
    WERKLIJST_AFSPRAAK_VASTLEGGEN_DAGEN("werklijst.afspraak_vastleggen_dagen", Kind.NUMBER),
    // A file of another team taken over (with a reason) stays open until the end of this many days after today.
    DOSSIER_OVERNAME_DAGEN("dossier.overname_dagen", Kind.NUMBER),
    // The DigiD level a citizen of this municipality needs to log in: 3 substantieel (the portal's floor: a citizen's
    // money and file) or 4 hoog. Checked on the acr of every DigiD login (ADR 0047).
    DIGID_NIVEAU("digid.niveau", Kind.DIGID_LEVEL),

    // Participatiewet in balans: from which day the law allows a measure (1) or not yet (0). National only: the law
    // decides, not the municipality. A municipality cannot switch a measure on before its law is in force.
    WET_34A("wet.art34a", Kind.SWITCH),
    WET_34A_JONGEREN("wet.art34a_jongeren", Kind.SWITCH),
    WET_34B("wet.art34b", Kind.SWITCH),
    WET_36_AMBTSHALVE("wet.art36_ambtshalve", Kind.SWITCH);

    /**
     * What a value means: euros, a percentage (a share, 0-100), a percentage of the norm (an income limit, 0-300), a
     * plain number, a measure switched on (1) or off (0), or a DigiD level (3 substantieel, 4 hoog).
     */
    public enum Kind { AMOUNT, PERCENT, NORM_PERCENT, NUMBER, SWITCH, DIGID_LEVEL }

    private final String code;
    private final Kind kind;

    RuleKey(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The law that must be in force before a municipality may switch this measure on, if there is one. */
    public Optional<RuleKey> lawInForce() {
        return Optional.ofNullable(switch (this) {
            case MAATREGEL_VRIJLATING_34A -> WET_34A;
            case MAATREGEL_VRIJLATING_34A_JONGEREN -> WET_34A_JONGEREN;
            case MAATREGEL_BUFFERBUDGET -> WET_34B;
            case MAATREGEL_IIT_AMBTSHALVE -> WET_36_AMBTSHALVE;
            default -> null;
        });
    }

    /** A rule only the law sets, for the whole country; no municipality has its own value. */
    public boolean isNationalOnly() {
        return code.startsWith("wet.");
    }

    public static Optional<RuleKey> byCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
