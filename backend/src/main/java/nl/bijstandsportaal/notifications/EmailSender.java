package nl.bijstandsportaal.notifications;

/**
 * Sends an e-mail: over SMTP when configured, otherwise to the {@link RecordingSenders}. Like a push message, the
 * e-mail only says that a message is waiting in the portal, with a link; the content shows after login.
 */
public interface EmailSender {

    record Email(String to, String messageId, String subject, String body) {
    }

    SendResult send(Email email);
}
