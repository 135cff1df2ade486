package app.facet.app.cli;

import app.facet.core.scan.Cancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.HashMap;
import java.util.Map;

/**
 * SIGTERM, Ctrl+C (SIGINT) and a closed terminal (SIGHUP) during a scan, handled without starting JVM shutdown. A shutdown hook is not enough:
 * the JVM runs every hook at once, and ONNX Runtime's own hook ({@code OrtEnvironment$OrtEnvCloser}) frees the
 * native environment while a worker may still be inside {@code OrtSession.run}, which crashes the JVM (SIGSEGV). So
 * the first signal only cancels the scan: the workers finish their photo and leave native code, the analyzer is closed,
 * the partial summary prints, then the command returns normally. A second signal halts at once without running any
 * hook (no native object is freed, so nothing can crash; the catalog survives it as it survives kill -9).
 */
final class ScanSignals implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScanSignals.class);
    private static final String[] NAMES = {"TERM", "INT", "HUP"};

    private final Map<Signal, SignalHandler> previous = new HashMap<>();
    private volatile int received;

    /** Installs the handlers; a signal that cannot be handled on this platform keeps its default. */
    ScanSignals(Cancellation cancellation) {
        for (String name : NAMES) {
            try {
                Signal signal = new Signal(name);
                previous.put(signal, Signal.handle(signal, s -> onSignal(s, cancellation)));
            } catch (IllegalArgumentException unsupported) {
                log.debug("event=signal_not_handled signal={}", name);
            }
        }
    }

    private void onSignal(Signal s, Cancellation cancellation) {
        if (received != 0) {
            Runtime.getRuntime().halt(128 + s.getNumber());
        }
        received = s.getNumber();
        log.warn("event=scan_signal signal=SIG{} action=cancel", s.getName());
        cancellation.cancel();
    }

    /** @return 128 + the number of the signal that cancelled the scan, or 0 when none did */
    int exitCode() {
        return received == 0 ? 0 : 128 + received;
    }

    /** Restores the previous handlers (the JVM's: shutdown on SIGTERM and SIGINT). */
    @Override
    public void close() {
        previous.forEach((signal, handler) -> {
            try {
                Signal.handle(signal, handler);
            } catch (IllegalArgumentException ignored) {
                // could not have been installed either
            }
        });
    }
}
