package app.facet.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.boolex.OnMarkerEvaluator;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.filter.EvaluatorFilter;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;

import java.nio.file.Path;

/**
 * Facet's logging, set up in code (found by logback through {@code META-INF/services}) instead of a logback.xml: the
 * XML configuration (SAX parsing, Joran's model and its handlers) cost every process ~0.15 s of its start (issue 14).
 * <p>
 * Structured key=value events. The terminal (stderr) gets {@link LogLevels#console()} and above (default WARN), one
 * line each, no stack trace, and not the events the user was already told in a sentence of their own
 * ({@link LogMarkers#TOLD_USER}); the rolling, size-capped log file {@link LogFolder#currentFile()} keeps
 * {@link LogLevels#root()} and above (INFO, or lower with the terminal) with stack traces, for bug reports
 * (Help → Show Log Folder): 5 MB, then {@code facet.1.log} to {@code facet.3.log}. Flyway and TestFX log WARN and above.
 * <p>
 * {@code -Dlogback.configurationFile=FILE} still wins: this configurator then steps aside for logback's own.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class FacetLogConfigurator extends ContextAwareBase implements Configurator {
    static final String CONSOLE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSZ} %-5level %logger{0} - %msg%n%nopex";
    static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSZ} %-5level [%thread] %logger{0} - %msg%n";
    static final String MAX_FILE_SIZE = "5MB";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        NopStatusListener quiet = new NopStatusListener();
        context.getStatusManager().add(quiet);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(LogLevels.root());
        root.addAppender(console(context));
        root.addAppender(file(context, LogFolder.current()));
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("org.testfx").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setLevel(LogLevels.console().levelStr);
        threshold.start();
        appender.addFilter(threshold);
        appender.addFilter(notToldUser(context));
        appender.setEncoder(encoder(context, CONSOLE_PATTERN));
        appender.start();
        return appender;
    }

    /** Events the user already saw as a sentence of their own: log file only. */
    private static EvaluatorFilter<ILoggingEvent> notToldUser(LoggerContext context) {
        OnMarkerEvaluator told = new OnMarkerEvaluator();
        told.setContext(context);
        told.addMarker(LogMarkers.TOLD_USER.getName());
        told.start();
        EvaluatorFilter<ILoggingEvent> filter = new EvaluatorFilter<>();
        filter.setContext(context);
        filter.setEvaluator(told);
        filter.setOnMatch(FilterReply.DENY);
        filter.setOnMismatch(FilterReply.NEUTRAL);
        filter.start();
        return filter;
    }

    private static RollingFileAppender<ILoggingEvent> file(LoggerContext context, Path folder) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(folder.resolve(LogFolder.FILE).toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(folder.resolve("facet.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
        size.setContext(context);
        size.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE));
        size.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(size);
        appender.setEncoder(encoder(context, FILE_PATTERN));
        appender.start();
        return appender;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
