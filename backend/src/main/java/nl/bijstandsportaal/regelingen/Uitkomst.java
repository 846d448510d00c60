package nl.bijstandsportaal.regelingen;

import nl.bijstandsportaal.platform.Pure;

import java.util.Locale;

/**
 * What the check says of one regeling: yes (you very likely get it), maybe (it depends on something the municipality
 * looks at, or on an answer we do not have), or no (and why). The words, icon and colour follow from it
 * ({@code regelingen.uitkomst.JA} and so on); {@link #apiValue()} is how the API writes it.
 */
@Pure
public enum Uitkomst {
    JA, MISSCHIEN, NEE;

    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The less hopeful of two outcomes: no wins over maybe, maybe over yes. */
    public Uitkomst and(Uitkomst other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
