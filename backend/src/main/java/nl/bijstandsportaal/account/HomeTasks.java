package nl.bijstandsportaal.account;

import nl.bijstandsportaal.platform.security.CurrentUser;

import java.util.List;

/**
 * Things a citizen should do soon, shown at the top of their home page ("Te doen"), such as answering an appointment.
 * Capabilities that have such tasks implement this; the home page shows them without knowing those capabilities.
 */
public interface HomeTasks {

    /** Tasks in the order they should be done; the same shape as a tip: what and why, a link, the link's words. */
    List<HomeTips.Tip> tasksFor(CurrentUser citizen);
}
