package app.facet.core.scan;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogWriter;
import app.facet.core.catalog.CataloguedPhoto;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.catalog.PendingPhoto;
import app.facet.core.catalog.PhotoStore;
import app.facet.core.catalog.Tx;
import app.facet.core.scan.CataloguePlan.PlannedPhoto;
import app.facet.model.ScanState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cataloguing stage on its own, with no analyser: real files and a real catalog, the plan inspected before and
 * after it is written. The files need not be images: nothing decodes them here.
 */
class CataloguerTest {
    @TempDir
    Path tmp;
    Path root;
    Catalog catalog;
    CatalogWriter writer;
    WorkerPool pool;
    Cataloguer cataloguer;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(tmp.resolve("photos"));
        catalog = Catalog.open(new LibraryLocation(tmp.resolve("lib")));
        writer = new CatalogWriter(catalog);
        pool = new WorkerPool(2);
        cataloguer = new Cataloguer(catalog, ScanListener.NONE, new Cancellation());
    }

    @AfterEach
    void tearDown() {
        pool.close();
        writer.close();
    }

    @Test
    void newFilesArePlannedForAnalysisAndWrittenAsPendingRows() throws Exception {
        file("a.jpg", "one");
        file("sub/b.jpg", "two");

        CataloguePlan plan = plan();

        assertThat(paths(plan.fresh())).containsExactlyInAnyOrder(path("a.jpg"), path("sub/b.jpg"));
        assertThat(plan.unchanged()).isEmpty();
        assertThat(plan.fresh()).allSatisfy(p -> assertThat(p.hash()).hasSize(64));
        assertThat(paths(plan.toAnalyse())).containsExactlyInAnyOrderElementsOf(paths(plan.fresh()));
        assertThat(known()).isEmpty(); // planning writes nothing

        List<PendingPhoto> pending = cataloguer.write(plan, writer);

        assertThat(pending).extracting(PendingPhoto::path).containsExactlyInAnyOrder(path("a.jpg"), path("sub/b.jpg"));
        assertThat(pending).isSortedAccordingTo((x, y) -> Long.compare(x.id(), y.id()));
        assertThat(known().values()).allSatisfy(p -> assertThat(p.scanState()).isEqualTo(ScanState.PENDING));
        assertThat(Tx.read(catalog, "read", PhotoStore::pending)).isEqualTo(pending);
    }

    @Test
    void aSecondPlanSortsEditedMovedTouchedAndDeletedFiles() throws Exception {
        file("same.jpg", "same");
        file("touched.jpg", "touched");
        file("edited.jpg", "before");
        file("moving.jpg", "moving");
        file("deleted.jpg", "deleted");
        cataloguer.write(plan(), writer);
        Map<String, CataloguedPhoto> before = known();

        Files.setLastModifiedTime(root.resolve("touched.jpg"), FileTime.fromMillis(1_000_000));
        file("edited.jpg", "after, and longer");
        Files.createDirectories(root.resolve("moved"));
        Files.move(root.resolve("moving.jpg"), root.resolve("moved/here.jpg"));
        Files.delete(root.resolve("deleted.jpg"));
        file("new.jpg", "new");

        CataloguePlan plan = plan();

        assertThat(paths(plan.unchanged())).containsExactlyInAnyOrder(path("same.jpg"), path("touched.jpg"));
        assertThat(paths(plan.changed())).containsExactly(path("edited.jpg"));
        assertThat(paths(plan.moved())).containsExactly(path("moved/here.jpg"));
        assertThat(plan.moved().get(0).catalogued().id()).isEqualTo(before.get(path("moving.jpg")).id());
        assertThat(plan.missing()).extracting(CataloguedPhoto::path).containsExactly(path("deleted.jpg"));
        assertThat(paths(plan.fresh())).containsExactly(path("new.jpg"));
        // nothing was analysed yet, so every file found is still to be analysed
        assertThat(paths(plan.toAnalyse())).containsExactlyInAnyOrder(path("same.jpg"), path("touched.jpg"),
                path("edited.jpg"), path("moved/here.jpg"), path("new.jpg"));

        cataloguer.write(plan, writer);
        Map<String, CataloguedPhoto> after = known();

        assertThat(after.get(path("moved/here.jpg")).id()).isEqualTo(before.get(path("moving.jpg")).id());
        assertThat(after).doesNotContainKey(path("moving.jpg"));
        assertThat(after.get(path("deleted.jpg")).missing()).isTrue();
        assertThat(after.get(path("touched.jpg")).mtimeMs()).isEqualTo(1_000_000);
        assertThat(after.get(path("edited.jpg")).contentHash()).isNotEqualTo(before.get(path("edited.jpg")).contentHash());
    }

    @Test
    void analysedUnchangedPhotosAreNotPlannedForAnalysisAgain() throws Exception {
        file("done.jpg", "done");
        file("waiting.jpg", "waiting");
        List<PendingPhoto> first = cataloguer.write(plan(), writer);
        long done = first.stream().filter(p -> p.path().equals(path("done.jpg"))).findFirst().orElseThrow().id();
        writer.call(tx -> {
            PhotoStore.recordScanned(tx, done, ScanState.NO_FACES, "test", null);
            return null;
        });

        CataloguePlan plan = plan();

        assertThat(plan.unchanged()).hasSize(2);
        assertThat(paths(plan.toAnalyse())).containsExactly(path("waiting.jpg"));
    }

    private CataloguePlan plan() {
        FolderWalker walker = new FolderWalker(List.of(catalog.location().root()));
        List<FoundFile> found = walker.walk(List.of(root), count -> { }, new Cancellation());
        return cataloguer.plan(found, List.of(root), pool, () -> { });
    }

    private Map<String, CataloguedPhoto> known() {
        return Tx.read(catalog, "read", PhotoStore::loadAll);
    }

    private void file(String name, String content) throws Exception {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private String path(String name) {
        return root.resolve(name).toString();
    }

    private static List<String> paths(List<PlannedPhoto> planned) {
        return planned.stream().map(PlannedPhoto::path).toList();
    }
}
