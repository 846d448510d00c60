package nl.bijstandsportaal.notifications;

/** How a message reaches a citizen besides the inbox: a push message on their phone, or an e-mail. */
public enum Channel { PUSH, EMAIL }
