package app.facet.app.logging;

import ch.qos.logback.core.PropertyDefinerBase;

/** Gives logback.xml the log folder ({@link LogFolder#current()}) as the {@code LOG_DIR} property. */
public final class LogFolderDefiner extends PropertyDefinerBase {
    @Override
    public String getPropertyValue() {
        return LogFolder.current().toString();
    }
}
