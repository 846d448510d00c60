package nl.bijstandsportaal.notifications;

/**
 * What a message is about; a citizen turns push and e-mail on or off per topic (the inbox always shows it).
 * INKOMSTEN: an income report due or late; DOCUMENTEN: a document the consulent asked for; STATUS: a decision or
 * status change on something the citizen sent; BERICHTEN: a message from the consulent; SITUATIE: a foreseeable
 * change in the citizen's situation; APPARAAT: a device registration about to expire.
 */
public enum Topic { INKOMSTEN, DOCUMENTEN, STATUS, BERICHTEN, SITUATIE, APPARAAT }
