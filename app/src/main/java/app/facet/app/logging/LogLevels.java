package app.facet.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.core.PropertyDefinerBase;

/**
 * Log levels: the terminal shows {@code $FACET_LOG_LEVEL} and above (system property {@code facet.log.level} wins;
 * default WARN, so the command line stays terse); the log file keeps INFO and above, or more when the terminal
 * level is lower.
 */
public final class LogLevels {
    private LogLevels() {
    }

    static Level console() {
        String value = System.getProperty("facet.log.level");
        if (value == null || value.isBlank()) {
            value = System.getenv("FACET_LOG_LEVEL");
        }
        return Level.toLevel(value, Level.WARN);
    }

    /** {@code CONSOLE_LEVEL} in logback.xml. */
    public static final class Console extends PropertyDefinerBase {
        @Override
        public String getPropertyValue() {
            return console().levelStr;
        }
    }

    /** {@code ROOT_LEVEL} in logback.xml: INFO, or the console level when that is lower. */
    public static final class Root extends PropertyDefinerBase {
        @Override
        public String getPropertyValue() {
            Level c = console();
            return (c.toInt() < Level.INFO.toInt() ? c : Level.INFO).levelStr;
        }
    }
}
