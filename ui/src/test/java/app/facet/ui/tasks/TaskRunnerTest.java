package app.facet.ui.tasks;

import javafx.application.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The bridge from core jobs to JavaFX tasks, on a real (headless) JavaFX toolkit and real threads. */
class TaskRunnerTest {
    static ExecutorService executor;
    static TaskRunner runner;

    @BeforeAll
    static void startFx() throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        up.await(10, TimeUnit.SECONDS);
        executor = Executors.newFixedThreadPool(2);
        runner = onFx(() -> new TaskRunner(executor));
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    @Test
    void cancelStopsTheJobCooperativelyAndKeepsItsPartialResult() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Integer> result = new CompletableFuture<>();
        TrackedTask<Integer> task = onFx(() -> runner.run("Counting", "items", (progress, cancellation) -> {
            int done = 0;
            started.countDown();
            while (!cancellation.isCancelled() && done < 1_000_000) {
                progress.report(++done, 1_000_000, "item " + done);
                Thread.sleep(1);
            }
            return done;
        }, result::complete, result::completeExceptionally));
        started.await(10, TimeUnit.SECONDS);
        assertThat(onFx(() -> runner.currentProperty().get())).isSameAs(task);
        assertThat(onFx(() -> runner.busyBinding().get())).isTrue();

        onFx(() -> {
            runner.cancelCurrent();
            return null;
        });
        int done = result.get(10, TimeUnit.SECONDS);
        assertThat(done).isBetween(1, 999_999);
        assertThat(onFx(() -> runner.currentProperty().get())).isNull();
        assertThat(onFx(task::getProgress)).isGreaterThan(0.0);
    }

    @Test
    void aReadAskedForWhileTheAppQuitsIsDroppedNotThrownOnTheUiThread() throws Exception {
        ExecutorService quit = Executors.newSingleThreadExecutor();
        quit.shutdown();
        TaskRunner quitting = onFx(() -> new TaskRunner(quit));
        CompletableFuture<Object> answered = new CompletableFuture<>();
        // a grid cell laid out after shutdown asks for a page: before the fix this threw RejectedExecutionException
        TrackedTask<String> task = onFx(() -> quitting.background("Reading a page of photos", (p, c) -> "page",
                answered::complete, answered::complete));
        assertThat(onFx(task::isCancelled)).isTrue();
        assertThat(onFx(() -> quitting.busyBinding().get())).isFalse();
        assertThat(answered).isNotDone();
    }

    @Test
    void aFailureIsReportedWithItsMessage() throws Exception {
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        onFx(() -> runner.run("Opening library /x", "steps", (p, c) -> {
            throw new IllegalStateException("The folder /x is not a Facet library.");
        }, v -> failed.complete(null), failed::complete));
        assertThat(failed.get(10, TimeUnit.SECONDS)).hasMessage("The folder /x is not a Facet library.");
        assertThat(onFx(() -> runner.lastErrorProperty().get()))
                .isEqualTo("Opening library /x failed: The folder /x is not a Facet library.");
    }

    @Test
    void theStatusBarShowsTheLatestTaskThenFallsBackToTheOneStillRunning() throws Exception {
        CountDownLatch releaseLong = new CountDownLatch(1);
        CompletableFuture<Void> shortDone = new CompletableFuture<>();
        CompletableFuture<Void> longDone = new CompletableFuture<>();
        TrackedTask<Void> longTask = onFx(() -> runner.run("Scanning", "photos", (p, c) -> {
            releaseLong.await();
            return null;
        }, v -> longDone.complete(null), longDone::completeExceptionally));
        CountDownLatch releaseShort = new CountDownLatch(1);
        TrackedTask<Void> shortTask = onFx(() -> runner.run("Renaming", "changes", (p, c) -> {
            releaseShort.await();
            return null;
        }, v -> shortDone.complete(null), shortDone::completeExceptionally));
        assertThat(onFx(() -> runner.currentProperty().get())).isSameAs(shortTask);
        releaseShort.countDown();
        shortDone.get(10, TimeUnit.SECONDS);
        assertThat(onFx(() -> runner.currentProperty().get())).isSameAs(longTask);
        releaseLong.countDown();
        longDone.get(10, TimeUnit.SECONDS);
        assertThat(onFx(() -> runner.currentProperty().get())).isNull();
    }

    @Test
    void aLatestOnlyLaneDropsTheResultOfAReadOvertakenByANewerOne() throws Exception {
        LatestOnly lane = onFx(runner::latestOnly);
        CountDownLatch releaseOld = new CountDownLatch(1);
        java.util.List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Void> oldDone = new CompletableFuture<>();
        CompletableFuture<Void> newDone = new CompletableFuture<>();
        TrackedTask<String> old = onFx(() -> lane.background("Listing photos of Anna", (p, c) -> {
            releaseOld.await();
            return "Anna";
        }, shown::add, null));
        onFx(() -> lane.background("Listing photos of Ben", (p, c) -> "Ben", v -> {
            shown.add(v);
            newDone.complete(null);
        }, null));
        newDone.get(10, TimeUnit.SECONDS);
        releaseOld.countDown();
        old.get(10, TimeUnit.SECONDS);
        onFx(() -> null); // the old task's success handler has run by now
        assertThat(shown).containsExactly("Ben");

        CompletableFuture<String> afterDrop = new CompletableFuture<>();
        CountDownLatch releaseLast = new CountDownLatch(1);
        TrackedTask<String> last = onFx(() -> lane.background("Listing photos of Cleo", (p, c) -> {
            releaseLast.await();
            return "Cleo";
        }, afterDrop::complete, afterDrop::completeExceptionally));
        onFx(() -> {
            lane.drop();
            return null;
        });
        releaseLast.countDown();
        assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo("Cleo");
        onFx(() -> null);
        assertThat(afterDrop).isNotDone();
    }

    @Test
    void describeSkipsWrappersButKeepsOurSentences() {
        Exception cause = new java.io.IOException("disk I/O error");
        assertThat(TaskRunner.describe(new RuntimeException(cause))).isEqualTo("disk I/O error");
        assertThat(TaskRunner.describe(new IllegalStateException("Cannot read the catalog: locked.", cause)))
                .isEqualTo("Cannot read the catalog: locked.");
    }

    static <T> T onFx(java.util.concurrent.Callable<T> call) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(call.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }
}
