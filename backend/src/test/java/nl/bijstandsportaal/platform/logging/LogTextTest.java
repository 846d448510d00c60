package nl.bijstandsportaal.platform.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No BSN and no raw CR/LF from a request reach a log line, in the message or the stack trace (the production logback.xml). */
class LogTextTest {

    private static final String BSN = "999990019";

    @Test
    void masksNineDigitsOnTheirOwnOnly() {
        assertEquals("bsn ********* ok", LogText.safe("bsn " + BSN + " ok"));
        assertEquals("id 1234567890 and ref-123456789", LogText.safe("id 1234567890 and ref-123456789"));
    }

    @Test
    void encodesControlCharacters() {
        assertEquals("/\\r\\nINFO forged line", LogText.safe("/\r\nINFO forged line"));
        assertEquals("a\\u001b[31mb\\u0000c\\u2028d\te", LogText.safe("a\u001b[31mb\u0000c\u2028d\te"));
        assertEquals("plain", LogText.safe("plain"));
    }

    @Test
    void theProductionLayoutMasksMessagesAndStackTraces() throws Exception {
        String line = logThroughProductionConfig("Lookup of " + BSN + " failed, terug=/\r\n12:00:00.000 INFO forged",
                new IllegalStateException("citizen " + BSN + " not found\r\nINFO forged",
                        new IllegalArgumentException("Illegal character in path: /" + BSN + "\n")));
        assertFalse(line.contains(BSN), line);
        assertTrue(line.contains("*********"), line);
        assertTrue(line.contains("terug=/\\r\\n12:00:00.000 INFO forged"), line);
        assertTrue(line.contains("java.lang.IllegalStateException: citizen ********* not found\\r\\nINFO forged"), line);
        assertTrue(line.contains("Caused by: java.lang.IllegalArgumentException: Illegal character in path: /*********\\n"), line);
        assertTrue(line.contains("\tat nl.bijstandsportaal.platform.logging.LogTextTest"), "the trace keeps its lines: " + line);
        for (String each : line.split("\n")) {
            assertFalse(each.startsWith("INFO") || each.startsWith("12:00:00.000 INFO"), "a forged line: " + each);
        }
    }

    /** One event through the layout of the STDOUT appender of src/main/resources/logback.xml. */
    private static String logThroughProductionConfig(String message, Throwable error) throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogTextTest.class.getResource("/logback.xml"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> stdout = (OutputStreamAppender<ILoggingEvent>) root.getAppender("STDOUT");
        @SuppressWarnings("unchecked")
        Layout<ILoggingEvent> layout = ((LayoutWrappingEncoder<ILoggingEvent>) stdout.getEncoder()).getLayout();
        ILoggingEvent event = new LoggingEvent(LogTextTest.class.getName(), root, Level.ERROR, message, error, null);
        String line = layout.doLayout(event);
        context.stop();
        return line;
    }
}
