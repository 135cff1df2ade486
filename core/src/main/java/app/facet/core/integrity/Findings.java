package app.facet.core.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects one check's findings: counts them all, keeps the first {@link CheckResult#MAX_SAMPLES} as samples, or
 * every finding when asked to (the repair plans from the complete list).
 */
final class Findings {
    private final List<Sample> samples = new ArrayList<>();
    private final int keep;
    private long count;

    Findings() {
        this(CheckResult.MAX_SAMPLES);
    }

    private Findings(int keep) {
        this.keep = keep;
    }

    static Findings keepingAll() {
        return new Findings(Integer.MAX_VALUE);
    }

    void add(Sample sample) {
        count++;
        if (samples.size() < keep) {
            samples.add(sample);
        }
    }

    /** @return every finding kept (all of them when {@link #keepingAll()}) */
    List<Sample> kept() {
        return List.copyOf(samples);
    }

    void add(Subject subject, Long id, String path, String detail) {
        add(new Sample(subject, id, path, detail));
    }

    long count() {
        return count;
    }

    CheckResult toResult(CheckInfo info) {
        List<Sample> shown = samples.size() > CheckResult.MAX_SAMPLES ? samples.subList(0, CheckResult.MAX_SAMPLES) : samples;
        return new CheckResult(info.name(), info.title(), info.severity(), count, shown, info.suggestedFix(), info.repairable());
    }
}
