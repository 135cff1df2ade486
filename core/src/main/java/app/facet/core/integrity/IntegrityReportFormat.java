package app.facet.core.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes integrity reports and repair results for people and programs (the UI's "Export report…", {@code facet check --json}).
 * <p>
 * JSON: {@code {"mode", "started_at", "elapsed_ms", "clean", "problem_count", "checks": [{"name", "title", "severity",
 * "count", "repairable", "suggested_fix", "samples": [{"subject", "id", "path", "detail"}]}]}}; enum values lower-case.
 * <br>CSV: one row per sample, header {@code check,title,severity,count,repairable,suggested_fix,subject,id,path,detail};
 * a check without samples has one row with the sample columns empty.
 */
public final class IntegrityReportFormat {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final String[] CSV_HEADER = {"check", "title", "severity", "count", "repairable", "suggested_fix", "subject", "id", "path", "detail"};

    private IntegrityReportFormat() {
    }

    public static void writeJson(IntegrityReport report, Writer out) throws IOException {
        JSON.writeValue(out, toJson(report));
    }

    public static void writeJson(RepairResult result, Writer out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("dry_run", result.dryRun());
        root.put("backup", result.backup() == null ? null : result.backup().toString());
        ArrayNode changes = root.putArray("changes");
        for (AppliedChange c : result.changes()) {
            ObjectNode n = changes.addObject();
            n.put("check", c.change().check());
            n.put("kind", lower(c.change().kind()));
            n.put("outcome", lower(c.outcome()));
            n.put("subject", c.change().subject().code());
            if (c.change().id() != null) {
                n.put("id", c.change().id());
            }
            n.put("path", c.change().path());
            n.put("description", c.change().description());
            n.put("note", c.note());
        }
        ArrayNode counts = root.putArray("counts");
        for (CountChange c : result.counts()) {
            ObjectNode n = counts.addObject();
            n.put("check", c.check());
            n.put("severity", lower(c.severity()));
            n.put("before", c.before());
            if (c.after() != null) {
                n.put("after", c.after());
            }
        }
        root.set("before", toJson(result.before()));
        if (result.after() != null) {
            root.set("after", toJson(result.after()));
        }
        JSON.writeValue(out, root);
    }

    public static void writeCsv(IntegrityReport report, Writer out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get())) {
            for (CheckResult c : report.checks()) {
                if (c.samples().isEmpty()) {
                    csv.printRecord(c.name(), c.title(), lower(c.severity()), c.count(), c.repairable(), c.suggestedFix(), "", "", "", "");
                }
                for (Sample s : c.samples()) {
                    csv.printRecord(c.name(), c.title(), lower(c.severity()), c.count(), c.repairable(), c.suggestedFix(),
                            s.subject().code(), s.id() == null ? "" : s.id(), s.path() == null ? "" : s.path(), s.detail());
                }
            }
        }
    }

    static ObjectNode toJson(IntegrityReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("mode", lower(report.mode()));
        root.put("started_at", report.startedAt().toString());
        root.put("elapsed_ms", report.elapsedMillis());
        root.put("clean", report.isClean());
        root.put("problem_count", report.problemCount());
        ArrayNode checks = root.putArray("checks");
        for (CheckResult c : report.checks()) {
            ObjectNode n = checks.addObject();
            n.put("name", c.name());
            n.put("title", c.title());
            n.put("severity", lower(c.severity()));
            n.put("count", c.count());
            n.put("repairable", c.repairable());
            n.put("suggested_fix", c.suggestedFix());
            ArrayNode samples = n.putArray("samples");
            for (Sample s : c.samples()) {
                ObjectNode sn = samples.addObject();
                sn.put("subject", s.subject().code());
                if (s.id() != null) {
                    sn.put("id", s.id());
                }
                sn.put("path", s.path());
                sn.put("detail", s.detail());
            }
        }
        return root;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
