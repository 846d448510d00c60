package nl.bijstandsportaal.platform.logging;

import java.util.regex.Pattern;

/**
 * What may go into a log line: anything that looks like a BSN (nine digits on their own) masked, and control
 * characters (CR, LF, ESC, ...) written as visible escapes, so input from a request can never start a forged log line
 * or move the terminal's cursor. Code must not log personal data in the first place; this is the safety net.
 */
public final class LogText {

    private static final Pattern NINE_DIGITS = Pattern.compile("(?<![\\w-])\\d{9}(?![\\w-])");

    private LogText() {
    }

    /** Masks and encodes one message. */
    public static String safe(String text) {
        return text == null ? null : encodeControls(mask(text));
    }

    public static String mask(String text) {
        return NINE_DIGITS.matcher(text).replaceAll("*********");
    }

    /** CR as {@code \r}, LF as {@code \n}, tab kept, any other control character (and DEL, and the Unicode line separators) as {@code \}{@code uXXXX}. */
    public static String encodeControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                case '\t' -> null;
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085'
                        ? String.format("\\u%04x", (int) c) : null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
