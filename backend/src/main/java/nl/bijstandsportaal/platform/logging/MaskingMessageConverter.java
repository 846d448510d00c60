package nl.bijstandsportaal.platform.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The message of a log line through {@link LogText}: BSN-like numbers masked, CR/LF and other control characters
 * encoded. Its partner {@link MaskingThrowableConverter} does the same for stack traces.
 */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogText.safe(super.convert(event));
    }

    public static String mask(String message) {
        return LogText.mask(message);
    }
}
