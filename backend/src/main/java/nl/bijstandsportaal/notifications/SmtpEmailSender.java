package nl.bijstandsportaal.notifications;

import io.micronaut.email.EmailException;
import jakarta.mail.SendFailedException;

/**
 * E-mail over SMTP (micronaut-email with Jakarta Mail). A refused address will not work on a second try; a server
 * that cannot be reached or answers "try later" may.
 */
final class SmtpEmailSender implements EmailSender {

    private final io.micronaut.email.EmailSender<?, ?> mail;
    private final String from;

    SmtpEmailSender(io.micronaut.email.EmailSender<?, ?> mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public SendResult send(Email email) {
        try {
            mail.send(io.micronaut.email.Email.builder()
                    .from(from)
                    .to(email.to())
                    .subject(email.subject())
                    .body(email.body()));
            return SendResult.sent();
        } catch (EmailException | IllegalArgumentException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                        && refused.getInvalidAddresses().length > 0) {
                    return SendResult.failed("SMTP: the address was refused");
                }
            }
            return SendResult.retry(null, "SMTP: " + e.getClass().getSimpleName());
        }
    }
}
