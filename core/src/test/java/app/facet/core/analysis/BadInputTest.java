package app.facet.core.analysis;

import app.facet.core.imaging.PhotoAnalysisException;
import app.facet.core.imaging.PhotoAnalysisException.Reason;
import app.facet.core.testing.SharedMaterial;
import app.facet.core.testing.TestAnalyzers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Each kind of bad file ends with its own reason and a one-sentence message; none of them crashes the analyzer. */
class BadInputTest {

    private static OpenCvPhotoAnalyzer analyzer;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        analyzer = TestAnalyzers.withEmbeddings();
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    private static PhotoAnalysisException refusal(Path file) {
        PhotoAnalysisException e = catchThrowableOfType(PhotoAnalysisException.class, () -> analyzer.analyze(file));
        assertThat(e).as("analyze(%s) must refuse the file", file).isNotNull();
        assertThat(e.getMessage()).endsWith(".").doesNotContain("\n");
        return e;
    }

    @Test
    void zeroByteFileIsEmpty() throws Exception {
        Path f = Files.createFile(dir.resolve("empty.jpg"));
        PhotoAnalysisException e = refusal(f);
        assertThat(e.reason()).isEqualTo(Reason.EMPTY_FILE);
        assertThat(e.getMessage()).contains("empty");
    }

    @Test
    void truncatedJpegIsCorrupt() throws Exception {
        byte[] whole = Files.readAllBytes(SharedMaterial.photo("people/barack_obama/obama.jpg"));
        Path f = Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(whole, whole.length * 6 / 10));
        PhotoAnalysisException e = refusal(f);
        assertThat(e.reason()).isEqualTo(Reason.CORRUPT_IMAGE);
        assertThat(e.getMessage()).contains("truncated");
    }

    @Test
    void truncatedPngIsCorrupt() throws Exception {
        byte[] whole = Files.readAllBytes(SharedMaterial.photo("people/alex_lacamoire/alex-lacamoire.png"));
        Path f = Files.write(dir.resolve("truncated.png"), Arrays.copyOf(whole, whole.length / 2));
        assertThat(refusal(f).reason()).isEqualTo(Reason.CORRUPT_IMAGE);
    }

    @Test
    void textFileNamedJpgIsNotAnImage() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.jpg"), "shopping list: milk, eggs\n", StandardCharsets.UTF_8);
        PhotoAnalysisException e = refusal(f);
        assertThat(e.reason()).isEqualTo(Reason.NOT_AN_IMAGE);
        assertThat(e.getMessage()).contains("not an image");
    }

    @Test
    void unreadableFileIsUnreadable() throws Exception {
        Path f = Files.copy(SharedMaterial.photo("people/barack_obama/obama.jpg"), dir.resolve("locked.jpg"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(f), "running as a user who can read a chmod 000 file (root): not testable here");
            PhotoAnalysisException e = refusal(f);
            assertThat(e.reason()).isEqualTo(Reason.UNREADABLE);
            assertThat(e.getMessage()).contains("permission denied");
        } finally {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void missingFileAndFolderAreUnreadable() throws Exception {
        assertThat(refusal(dir.resolve("gone.jpg")).reason()).isEqualTo(Reason.UNREADABLE);
        assertThat(refusal(Files.createDirectory(dir.resolve("folder.jpg"))).reason()).isEqualTo(Reason.UNREADABLE);
    }

    @Test
    void decompressionBombIsRefusedBeforeDecoding() throws Exception {
        Path f = dir.resolve("bomb.png");
        TestImages.writeUniformPng(f, 20_000, 20_000);
        assertThat(Files.size(f)).as("the bomb is small on disk").isLessThan(2_000_000);

        PhotoAnalysisException e = refusal(f);

        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
        assertThat(e.getMessage()).contains("20000 x 20000").contains("400 megapixels").contains("limit of 100 megapixels");
    }

    @Test
    void pixelLimitIsConfigurable() throws Exception {
        try (OpenCvPhotoAnalyzer strict = new OpenCvPhotoAnalyzer(AnalyzerConfig.defaults(SharedMaterial.models()).withPixelLimit(1_000_000))) {
            PhotoAnalysisException e = catchThrowableOfType(PhotoAnalysisException.class,
                    () -> strict.analyze(SharedMaterial.photo("people/barack_obama/obama.jpg"))); // 910 x 1137 = 1.03 MP
            assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
            assertThat(strict.analyze(SharedMaterial.photo("edge/obama_small.jpg")).faces()).hasSize(1);
        }
    }

    @Test
    void pathWithSpacesAndNonAsciiCharactersWorks() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("Ferien 2024 – Été/Fotos mit Oma"));
        Path f = Files.copy(SharedMaterial.photo("groups/two_people.jpg"), folder.resolve("Zwei Präsidenten 写真 ünd фото.jpg"));

        PhotoAnalysis a = analyzer.analyze(f);

        assertThat(a.faces()).hasSize(2);
        assertThat(a.width()).isEqualTo(1126);
    }

    @Test
    void analyzerKeepsWorkingAfterBadFiles() throws Exception {
        refusal(Files.createFile(dir.resolve("a.jpg")));
        refusal(Files.writeString(dir.resolve("b.png"), "not a png"));
        assertThat(analyzer.analyze(SharedMaterial.photo("people/joe_biden/biden.jpg")).faces()).hasSize(1);
    }
}
