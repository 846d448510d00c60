package nl.bijstandsportaal.notifications;

import nl.bijstandsportaal.platform.Pure;
/** How a message reaches a citizen besides the inbox: a push message on their phone, or an e-mail. */
@Pure
public enum Channel { PUSH, EMAIL }
