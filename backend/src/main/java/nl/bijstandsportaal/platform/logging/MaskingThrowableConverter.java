package nl.bijstandsportaal.platform.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * The stack trace of a log line, with every exception message (also of causes and suppressed exceptions) through
 * {@link LogText}: an exception that quotes a BSN or a request's CR/LF does not carry it into the log. The lines
 * of the trace itself stay lines; what is left is masked once more as a whole.
 */
public class MaskingThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return LogText.mask(super.throwableProxyToString(new Safe(proxy)));
    }

    /** The same exception, its messages made safe. */
    private record Safe(IThrowableProxy original) implements IThrowableProxy {

        private static IThrowableProxy wrap(IThrowableProxy proxy) {
            return proxy == null ? null : new Safe(proxy);
        }

        @Override
        public String getOverridingMessage() {
            return LogText.safe(original.getOverridingMessage());
        }

        @Override
        public String getMessage() {
            return LogText.safe(original.getMessage());
        }

        @Override
        public String getClassName() {
            return LogText.safe(original.getClassName());
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return original.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return original.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return wrap(original.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = original.getSuppressed();
            if (suppressed == null) {
                return null;
            }
            IThrowableProxy[] safe = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                safe[i] = wrap(suppressed[i]);
            }
            return safe;
        }

        @Override
        public boolean isCyclic() {
            return original.isCyclic();
        }
    }
}
