package app.facet.core.integrity;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The desktop app runs the quick check on every library it opens, the brand-new empty one included. */
class NewLibraryCheckTest {
    @TempDir
    Path tmp;

    @Test
    void aNewLibraryWithoutAnyEmbeddingModelIsClean() {
        Catalog catalog = Catalog.open(new LibraryLocation(tmp.resolve("library")));
        IntegrityReport quick = new IntegrityChecker(catalog).check(CheckMode.QUICK);
        assertThat(quick.problems()).isEmpty();
        assertThat(new IntegrityChecker(catalog).check(CheckMode.FULL).problems()).isEmpty();
    }
}
