package app.facet.core.metadata;

import app.facet.model.BoundingBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * ExifTool as an independent witness: it writes regions the way other tools do and reads back what Facet wrote.
 * Rotations of regions are ExifTool's own (its rotate_regions.config), so the orientation rule is not checked
 * against itself.
 */
final class ExifToolWitness {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Boolean available;

    private ExifToolWitness() {
    }

    /** Skips the calling test, with the reason printed, when exiftool is not on PATH. */
    static void assumeAvailable() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("exiftool", "-ver").redirectErrorStream(true).start();
                available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
            if (!available) {
                System.out.println("SKIPPED: exiftool is not on PATH (Debian package libimage-exiftool-perl; .ci/run installs it as root)");
            }
        }
        Assumptions.assumeTrue(available, "exiftool is not on PATH (Debian package libimage-exiftool-perl)");
    }

    /** Runs exiftool; fails the test on a non-zero exit. @return its standard output */
    static String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("exiftool");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("exiftool " + String.join(" ", args) + " failed: " + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** @return the first (only) object of exiftool's {@code -j} output */
    static JsonNode json(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>();
        int first = 0;
        if (args.length >= 2 && args[0].equals("-config")) { // ExifTool ignores -config anywhere but first
            all.addAll(List.of(args[0], args[1]));
            first = 2;
        }
        all.addAll(List.of("-j", "-struct", "-n"));
        all.addAll(List.of(args).subList(first, args.length));
        return JSON.readTree(run(all.toArray(String[]::new))).get(0);
    }

    /** @return stored width, height and EXIF orientation (1 when absent), as ExifTool reads them */
    static int[] storedSizeAndOrientation(Path photo) throws IOException, InterruptedException {
        JsonNode j = json("-ImageWidth", "-ImageHeight", "-Orientation", photo.toString());
        return new int[]{j.get("ImageWidth").asInt(), j.get("ImageHeight").asInt(), j.has("Orientation") ? j.get("Orientation").asInt() : 1};
    }

    /** @return stored width and height of a shared photo (unchecked exceptions, for computeIfAbsent) */
    static int[] storedSizeOfShared(String relative) {
        try {
            return storedSizeAndOrientation(app.facet.core.testing.SharedMaterial.photo(relative));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static PhotoGeometry geometry(Path photo) throws IOException, InterruptedException {
        int[] s = storedSizeAndOrientation(photo);
        boolean swap = s[2] >= 5;
        return new PhotoGeometry(swap ? s[1] : s[0], swap ? s[0] : s[1], s[2]);
    }

    /** ExifTool's rotate_regions.config, unpacked from the Debian package's docs; null when the docs are not installed. */
    static Path rotateConfig(Path dir) throws IOException {
        for (String candidate : List.of("/usr/share/doc/libimage-exiftool-perl/config_files/rotate_regions.config.gz",
                "/usr/share/doc/libimage-exiftool-perl/config_files/rotate_regions.config")) {
            Path p = Path.of(candidate);
            if (Files.isRegularFile(p)) {
                Path out = dir.resolve("rotate_regions.config");
                try (InputStream in = candidate.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)) {
                    Files.write(out, in.readAllBytes());
                }
                return out;
            }
        }
        return null;
    }

    /** A region as ExifTool reports it: top-left fractions of some image, and the name. */
    record Region(double x, double y, double w, double h, String name) {
        BoundingBox pixels(int width, int height) {
            return new BoundingBox(x * width, y * height, w * width, h * height);
        }
    }

    /** @return the MWG regions of a RegionInfo structure (centre-based areas turned top-left) */
    static List<Region> mwgRegions(JsonNode regionInfo) {
        List<Region> out = new ArrayList<>();
        for (JsonNode r : regionInfo.get("RegionList")) {
            JsonNode a = r.get("Area");
            double w = a.get("W").asDouble(), h = a.get("H").asDouble();
            out.add(new Region(a.get("X").asDouble() - w / 2, a.get("Y").asDouble() - h / 2, w, h, r.path("Name").asText(null)));
        }
        return out;
    }

    /** @return the Microsoft regions of a RegionInfoMP structure */
    static List<Region> microsoftRegions(JsonNode regionInfoMp) {
        List<Region> out = new ArrayList<>();
        for (JsonNode r : regionInfoMp.get("Regions")) {
            String[] v = r.get("Rectangle").asText().split("\\s*,\\s*");
            out.add(new Region(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]), Double.parseDouble(v[3]),
                    r.path("PersonDisplayName").asText(null)));
        }
        return out;
    }

    /**
     * Regions of {@code file} as seen after EXIF orientation, rotated by ExifTool itself (rotate_regions.config)
     * when its config is installed, else by an affine rotation of the stored image (java.awt.geom), both
     * independent of Facet's mapping.
     */
    static List<Region> orientedRegions(Path file, boolean microsoft, int orientation, Path workDir) throws IOException, InterruptedException {
        if (orientation == 1) {
            JsonNode j = json(microsoft ? "-XMP-MP:RegionInfoMP" : "-XMP-mwg-rs:RegionInfo", file.toString());
            return microsoft ? microsoftRegions(j.get("RegionInfoMP")) : mwgRegions(j.get("RegionInfo"));
        }
        int degrees = switch (orientation) {
            case 3 -> 180;
            case 6 -> 90;
            case 8 -> 270;
            default -> throw new IllegalArgumentException("witness covers orientations 1, 3, 6, 8; got " + orientation);
        };
        Path config = rotateConfig(workDir);
        if (config == null) {
            System.out.println("NOTE: ExifTool's rotate_regions.config is not installed; rotating with java.awt.geom instead");
            List<Region> stored = orientedRegions(file, microsoft, 1, workDir);
            return stored.stream().map(r -> rotate(r, degrees)).toList();
        }
        String tag = (microsoft ? "RotateMPRegionCW" : "RotateMWGRegionCW") + degrees;
        JsonNode j = json("-config", config.toString(), "-" + tag, file.toString());
        return microsoft ? microsoftRegions(j.get(tag)) : mwgRegions(j.get(tag));
    }

    /** Rotates a unit-square rectangle clockwise about the square's centre. */
    private static Region rotate(Region r, int degrees) {
        AffineTransform t = AffineTransform.getRotateInstance(Math.toRadians(degrees), 0.5, 0.5);
        Point2D a = t.transform(new Point2D.Double(r.x(), r.y()), null);
        Point2D b = t.transform(new Point2D.Double(r.x() + r.w(), r.y() + r.h()), null);
        return new Region(Math.min(a.getX(), b.getX()), Math.min(a.getY(), b.getY()),
                Math.abs(a.getX() - b.getX()), Math.abs(a.getY() - b.getY()), r.name());
    }

    static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
