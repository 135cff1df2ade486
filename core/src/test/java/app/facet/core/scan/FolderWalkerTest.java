package app.facet.core.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FolderWalkerTest {
    @TempDir
    Path tmp;

    @Test
    void findsSupportedImagesRecursivelyButNotHiddenFoldersTheLibraryOrOtherFiles() throws Exception {
        Path photos = tmp.resolve("Pictures");
        Path lib = photos.resolve("facet-library");
        touch(photos.resolve("a.JPG"));
        touch(photos.resolve("Été 2024/plage à Nice.jpeg"));
        touch(photos.resolve("deep/er/b.png"));
        touch(photos.resolve("c.webp"));
        touch(photos.resolve("d.tiff"));
        touch(photos.resolve("e.bmp"));
        touch(photos.resolve("notes.txt"));
        touch(photos.resolve(".thumbnails/x.jpg"));
        touch(photos.resolve(".hidden.jpg"));
        touch(lib.resolve("managed/crops/00/p1-r1-f0.jpg"));

        List<FoundFile> found = new FolderWalker(List.of(lib)).walk(List.of(photos), n -> { }, new Cancellation());

        assertThat(found).extracting(f -> photos.relativize(f.path()).toString()).containsExactlyInAnyOrder(
                "a.JPG", "Été 2024/plage à Nice.jpeg", "deep/er/b.png", "c.webp", "d.tiff", "e.bmp");
    }

    @Test
    void survivesASymlinkLoop() throws Exception {
        Path photos = tmp.resolve("p");
        touch(photos.resolve("sub/a.jpg"));
        Files.createSymbolicLink(photos.resolve("sub/loop"), photos);

        List<FoundFile> found = new FolderWalker(List.of()).walk(List.of(photos), n -> { }, new Cancellation());

        assertThat(found).extracting(f -> f.path().getFileName().toString()).containsExactly("a.jpg");
    }

    @Test
    void aMissingFolderIsAClearError() {
        assertThatThrownBy(() -> new FolderWalker(List.of()).walk(List.of(tmp.resolve("nope")), n -> { }, new Cancellation()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Folder not found");
    }

    private static void touch(Path p) throws Exception {
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[]{1});
    }
}
