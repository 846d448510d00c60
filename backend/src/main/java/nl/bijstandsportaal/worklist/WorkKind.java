package nl.bijstandsportaal.worklist;

/** The kinds of thing on a consulent's work list, in the order the counts are shown. */
public enum WorkKind {
    /** A message of the citizen that waits for an answer. */
    BERICHT,
    /** An application for a minimaregeling, sent and not decided (or waiting for the citizen's missing papers). */
    AANVRAAG,
    /** A decision proposed by one employee that a second one must approve (four eyes). */
    AKKOORD,
    /** A bezwaar against a decision, not yet passed on. */
    BEZWAAR,
    /** An income report sent and not processed. */
    INKOMSTENOPGAVE,
    /** An income report whose last day has passed without one. */
    INKOMSTENOPGAVE_TE_LAAT,
    /** A change the citizen reported (someone moves in, a trip, ...). */
    WIJZIGING,
    /** An appointment: the citizen asks for another time, asks for a conversation, or it took place and is not recorded. */
    AFSPRAAK,
    /** A document the consulent asked for: sent and to be looked at, or still to come from the citizen. */
    DOCUMENT;

    /** The kind in words, for the consulent. */
    public nl.bijstandsportaal.platform.i18n.Text label() {
        return nl.bijstandsportaal.platform.i18n.Text.of("worklist.kind." + name());
    }
}
