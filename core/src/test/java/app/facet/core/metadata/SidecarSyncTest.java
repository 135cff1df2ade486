package app.facet.core.metadata;

import app.facet.core.people.PeopleService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Keep Sidecars in Sync" ({@link SidecarExport#sync}) on a real catalog of 120 named photos: after the first sync, a
 * change reads and writes only the sidecars of the photos it touches, counted by the export and on disk.
 */
class SidecarSyncTest {
    @TempDir
    Path tmp;

    @Test
    void oneRenameReadsAndWritesOnlyTheSidecarsOfThatPersonsPhotos() throws Exception {
        NamedLibrary lib = NamedLibrary.create(tmp, 120, 6);
        SidecarExport export = new SidecarExport(lib.catalog);

        SidecarExport.Summary first = export.sync(w -> { });
        assertThat(first.photos()).isEqualTo(120);
        assertThat(first.opened()).isEqualTo(120);
        assertThat(first.created()).isEqualTo(120);
        assertThat(lib.sidecars()).isEqualTo(120);

        SidecarExport.Summary idle = export.sync(w -> { });
        assertThat(idle.opened()).as("nothing changed: no sidecar is read").isZero();
        assertThat(idle.unchanged()).isEqualTo(120);

        PeopleService people = new PeopleService(lib.catalog);
        long three = people.findByName("Person 3").orElseThrow().id();
        people.rename(three, "Grace Hopper");
        SidecarExport.Summary renamed = export.sync(w -> { });
        assertThat(renamed.opened()).as("the 20 photos of the renamed person").isEqualTo(20);
        assertThat(renamed.updated()).isEqualTo(20);
        assertThat(Files.readString(lib.photos.resolve("IMG_000003.jpg.xmp"))).contains("Grace Hopper")
                .doesNotContain("Person 3");
        assertThat(Files.readString(lib.photos.resolve("IMG_000004.jpg.xmp"))).contains("Person 4");

        // a face taken off its person: that photo's sidecar loses the name although the photo has no named face left
        long face = faceOf(lib, "IMG_000005.jpg");
        people.unassignFace(face);
        SidecarExport.Summary unnamed = export.sync(w -> { });
        assertThat(unnamed.opened()).isEqualTo(1);
        assertThat(Files.readString(lib.photos.resolve("IMG_000005.jpg.xmp"))).doesNotContain("Person 5");

        // the full write ("Write Names to Sidecars…") still reads every sidecar
        SidecarExport.Summary full = export.write(null, null, SidecarWriteMode.WRITE, w -> { });
        assertThat(full.opened()).isEqualTo(120);
        assertThat(full.unchanged()).isEqualTo(120);
    }

    private static long faceOf(NamedLibrary lib, String file) throws Exception {
        try (Connection c = lib.catalog.connect(); var ps = c.prepareStatement("SELECT id FROM face_crops WHERE image_path LIKE ?")) {
            ps.setString(1, "%" + file);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
