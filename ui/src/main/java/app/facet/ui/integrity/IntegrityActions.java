package app.facet.ui.integrity;

import app.facet.core.integrity.CheckMode;
import app.facet.core.integrity.IntegrityReport;
import app.facet.core.integrity.IntegrityReportFormat;
import app.facet.core.integrity.Outcome;
import app.facet.core.integrity.PlannedChange;
import app.facet.core.integrity.RepairPlan;
import app.facet.core.integrity.RepairResult;
import app.facet.ui.dialogs.Dialogs;
import app.facet.ui.main.SaveFileChooser;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.TaskRunner;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The catalog's integrity from the desktop: a quick (SQL-only) check whenever a library opens (once its photos show), the full check on
 * request (a foreground task with progress and Cancel), repair after a preview of every change (a backup is made
 * first by core), and the report exported as JSON or CSV. {@link #lastReportProperty()} feeds the status bar badge.
 */
public final class IntegrityActions {
    private final Window owner;
    private final LibrarySession session;
    private final TaskRunner tasks;
    private final SaveFileChooser saves;
    private final ReadOnlyObjectWrapper<IntegrityReport> lastReport = new ReadOnlyObjectWrapper<>();

    /**
     * @param shown the open library once the main window shows its photos (null before): its quick check starts then,
     *              not when it opens, so that it does not compete with the window's first paint
     */
    public IntegrityActions(Window owner, LibrarySession session, ObservableValue<LibraryContext> shown, TaskRunner tasks,
                            SaveFileChooser saves) {
        this.owner = owner;
        this.session = session;
        this.tasks = tasks;
        this.saves = saves;
        session.libraryProperty().addListener((o, a, library) -> lastReport.set(null));
        shown.addListener((o, a, library) -> {
            if (library != null && library == session.library()) {
                quickCheck();
            }
        });
    }

    /** The last report of any check of the open library, null before the first. */
    public ReadOnlyObjectProperty<IntegrityReport> lastReportProperty() {
        return lastReport.getReadOnlyProperty();
    }

    /** The start-up check: SQL only, under a second on a big catalog, silent unless it finds problems. */
    public void quickCheck() {
        LibraryContext library = session.library();
        if (library == null) {
            return;
        }
        tasks.background("Quick integrity check", (p, c) -> library.integrity().check(CheckMode.QUICK), report -> {
            if (session.library() == library) {
                lastReport.set(report);
            }
        }, null);
    }

    /** Runs every check, files and embeddings included. */
    public void fullCheck(Consumer<IntegrityReport> onDone) {
        LibraryContext library = session.library();
        if (library == null) {
            return;
        }
        tasks.run("Verifying the catalog", "checks", (p, c) -> library.integrity().check(CheckMode.FULL,
                (done, total) -> p.report(done, total, null), c::isCancelled), report -> {
            lastReport.set(report);
            onDone.accept(report);
        }, error -> {
            if (!(error instanceof CancellationException)) {
                Dialogs.error(owner, "The integrity check failed", TaskRunner.describe(error));
            }
        });
    }

    /**
     * Plans a repair (changing nothing), shows every change it would make, and applies it when the user agrees:
     * core backs the catalog up first, re-checks each change just before making it and checks again after.
     */
    public void repair(Consumer<RepairResult> onDone) {
        LibraryContext library = session.library();
        if (library == null) {
            return;
        }
        tasks.run("Planning the repair", "checks", (p, c) -> library.repairer().plan((done, total) -> p.report(done, total, null),
                c::isCancelled), plan -> {
            lastReport.set(plan.before());
            if (plan.isEmpty()) {
                Dialogs.info(owner, "Nothing to repair", plan.changes().isEmpty()
                        ? "The catalog has no problem a repair can fix."
                        : "What is left needs your decision:\n\n" + list(plan));
                return;
            }
            if (confirm(plan)) {
                tasks.run("Repairing the catalog", "changes", (p, c) -> library.repairer().apply(plan,
                        (done, total) -> p.report(done, total, null), c::isCancelled), result -> {
                    lastReport.set(result.after());
                    session.catalogChanged();
                    Dialogs.info(owner, "Catalog repaired", summary(result));
                    onDone.accept(result);
                }, error -> {
                    session.catalogChanged();
                    Dialogs.error(owner, "The repair failed (each check's changes are one transaction: the failed one was rolled back)",
                            TaskRunner.describe(error));
                });
            }
        }, error -> {
            if (!(error instanceof CancellationException)) {
                Dialogs.error(owner, "The repair could not be planned", TaskRunner.describe(error));
            }
        });
    }

    /** Writes a report where the user chooses: JSON, or CSV when the name ends in .csv. */
    public void exportReport(IntegrityReport report) {
        saves.choose(owner, "Export the integrity report", "facet-integrity-" + LocalDate.now() + ".json", "json", "csv")
                .ifPresent(file -> tasks.run("Exporting the report", "files", (p, c) -> {
                    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                            IntegrityReportFormat.writeCsv(report, out);
                        } else {
                            IntegrityReportFormat.writeJson(report, out);
                        }
                    }
                    return file;
                }, f -> { }, error -> Dialogs.error(owner, "The report could not be written", TaskRunner.describe(error))));
    }

    private boolean confirm(RepairPlan plan) {
        ButtonType repair = new ButtonType("Back Up and Repair", ButtonBar.ButtonData.OK_DONE);
        Alert alert = Dialogs.styled(new Alert(Alert.AlertType.CONFIRMATION, null, repair, ButtonType.CANCEL), owner);
        alert.setHeaderText("The repair would make these changes");
        TextArea changes = new TextArea(list(plan) + "\n\nA backup of the catalog is made before anything changes,"
                + " and each change is checked again just before it is made.");
        changes.setEditable(false);
        changes.setWrapText(true);
        changes.setPrefSize(640, 320);
        changes.setId("repairPlan");
        alert.getDialogPane().setContent(changes);
        return alert.showAndWait().filter(repair::equals).isPresent();
    }

    private static String list(RepairPlan plan) {
        Map<String, Long> byKind = new TreeMap<>(plan.changes().stream()
                .collect(Collectors.groupingBy(c -> c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), Collectors.counting())));
        StringBuilder sb = new StringBuilder();
        byKind.forEach((kind, n) -> sb.append(n).append(" × ").append(kind).append('\n'));
        sb.append('\n');
        for (PlannedChange c : plan.changes()) {
            sb.append("• ").append(c.description()).append('\n');
        }
        return sb.toString().trim();
    }

    private static String summary(RepairResult r) {
        return r.count(Outcome.APPLIED) + " changes made, " + r.count(Outcome.SKIPPED_STALE) + " no longer needed, "
                + r.count(Outcome.LEFT_FOR_USER) + " left for you, " + r.count(Outcome.FAILED) + " failed.\n"
                + "Problems before: " + r.before().problemCount() + "; after: " + (r.after() == null ? "?" : r.after().problemCount()) + ".\n"
                + (r.backup() == null ? "" : "Backup of the catalog before the repair: " + r.backup());
    }
}
