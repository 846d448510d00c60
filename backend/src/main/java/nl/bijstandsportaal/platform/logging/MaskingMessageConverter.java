package nl.bijstandsportaal.platform.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import java.util.regex.Pattern;

/**
 * Masks anything that looks like a BSN (nine digits on their own) in log messages. Code must not log
 * personal data in the first place; this is the safety net behind that rule.
 */
public class MaskingMessageConverter extends MessageConverter {

    private static final Pattern NINE_DIGITS = Pattern.compile("(?<![\\w-])\\d{9}(?![\\w-])");

    @Override
    public String convert(ILoggingEvent event) {
        String message = super.convert(event);
        return message == null ? null : mask(message);
    }

    public static String mask(String message) {
        return NINE_DIGITS.matcher(message).replaceAll("*********");
    }
}
