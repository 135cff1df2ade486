package app.facet.ui.models;

import app.facet.core.embedding.ModelDownloadException;
import app.facet.ui.session.ModelSetup;
import app.facet.ui.session.ModelSetup.ModelStatus;
import app.facet.ui.tasks.TaskRunner;
import app.facet.ui.tasks.TrackedTask;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;

/**
 * The view model of the face models dialog: what is missing and why, and the three ways on (download, a file the
 * user has, continue without recognition). All work runs through the {@link TaskRunner}; state changes on the UI thread.
 */
public final class ModelsDialogModel {
    /** Where the dialog is. */
    public enum Phase { CHECKING, MISSING, WORKING, READY, FAILED }

    static final String OFFLINE = "Facet cannot reach the download server: this computer seems to be offline. Connect to the "
            + "internet and press Download again, or copy %s from another computer and add it with Choose a File.";

    private final TaskRunner tasks;
    private final ModelSetup setup;
    private final Runnable onReady;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.CHECKING);
    private final ObjectProperty<ModelStatus> status = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private TrackedTask<?> running;

    /** @param onReady runs on the UI thread when a model has been downloaded or chosen */
    public ModelsDialogModel(TaskRunner tasks, ModelSetup setup, Runnable onReady) {
        this.tasks = tasks;
        this.setup = setup;
        this.onReady = onReady;
    }

    /** Reads what the models folder holds. */
    public void refresh() {
        tasks.background("Checking the face models", (p, c) -> setup.status(), s -> {
            status.set(s);
            if (phase.get() == Phase.CHECKING) {
                phase.set(s.ready() ? Phase.READY : Phase.MISSING);
            }
        }, this::failed);
    }

    /** Downloads the embedding model; progress in {@link #progressProperty()}. */
    public void download() {
        phase.set(Phase.WORKING);
        message.set("Downloading…");
        TrackedTask<Path> task = tasks.run("Downloading the face model", "kB", (p, c) -> setup.download(
                (done, total) -> p.report(done / 1000, total > 0 ? total / 1000 : -1, null), c::isCancelled),
                file -> ready("Downloaded and checked (SHA-256): people can now be recognised."), this::failed);
        track(task);
    }

    /** Uses a model file, or the one in a folder, the user already has. */
    public void useFile(Path fileOrFolder) {
        phase.set(Phase.WORKING);
        message.set("Checking " + fileOrFolder.getFileName() + "…");
        TrackedTask<String> task = tasks.run("Checking the face model file", "files", (p, c) -> setup.useFile(fileOrFolder),
                id -> ready("Using the model " + id + " (SHA-256 checked): people can now be recognised."), this::failed);
        track(task);
    }

    /** Stops a running download; the partial file is deleted. */
    public void cancel() {
        if (running != null) {
            running.requestCancel();
        }
    }

    private void track(TrackedTask<?> task) {
        running = task;
        progress.unbind();
        progress.bind(task.progressProperty());
    }

    private void ready(String text) {
        stopTracking();
        phase.set(Phase.READY);
        message.set(text);
        refresh();
        onReady.run();
    }

    private void failed(Throwable error) {
        stopTracking();
        phase.set(Phase.FAILED);
        if (error instanceof ModelDownloadException e && e.offline()) {
            ModelStatus s = status.get();
            message.set(String.format(OFFLINE, s == null ? "the model file" : s.neededFile()));
        } else if (error instanceof ModelDownloadException e && e.cancelled()) {
            message.set("Download cancelled; nothing was kept. Press Download to start again.");
        } else {
            message.set(TaskRunner.describe(error));
        }
    }

    private void stopTracking() {
        running = null;
        progress.unbind();
        progress.set(0);
    }

    /** One sentence: what is needed and why, with the size. */
    public StringBinding explanationBinding() {
        return Bindings.createStringBinding(() -> {
            ModelStatus s = status.get();
            if (s == null) {
                return "Checking the face models…";
            }
            return "To recognise who is who, Facet needs the face embedding model " + s.neededId() + " (" + s.neededMegabytes()
                    + ", " + s.licence() + " licence, downloaded once), while faces are found even without it.";
        }, status);
    }

    /** What is in use now. */
    public StringBinding inUseBinding() {
        return Bindings.createStringBinding(() -> {
            ModelStatus s = status.get();
            if (s == null) {
                return "";
            }
            return (s.ready() ? "Embedding model in use: " + s.embeddingModel() : "No embedding model yet") + " · models folder: " + s.modelsDir();
        }, status);
    }

    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ObjectProperty<ModelStatus> statusProperty() {
        return status;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }
}
