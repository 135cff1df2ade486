package app.facet.core.dashboard;

import app.facet.core.browse.PersonFilter;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * How long the dashboard's reads take on large synthetic catalogs (3 faces per photo, 1,000 people, 60% of faces
 * named, quality and size spread over their ranges, an empty crop file per face so that the file checks find
 * what they look for). Each read is timed 5 times; the median CPU time of this thread and wall time are printed
 * beside a plain {@code SELECT count(*) FROM face_crops} of the same catalog, as a ratio.
 * <pre>scripts/bench core app.facet.core.dashboard.DashboardBenchmark 100000 300000</pre>
 */
public final class DashboardBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        for (String a : args.length == 0 ? new String[]{"100000", "300000"} : args) {
            run(Integer.parseInt(a));
        }
    }

    private static void run(int faces) throws Exception {
        Path dir = Files.createTempDirectory("facet-dashboard-bench");
        Catalog catalog = Catalog.open(new LibraryLocation(dir));
        long built = System.nanoTime();
        fill(catalog, faces);
        System.out.printf(Locale.ROOT, "%n%,d faces (%,d photos, 1,000 people) built in %.1f s%n", faces, faces / 3,
                (System.nanoTime() - built) / 1e9);
        FaceDashboard d = new FaceDashboard(catalog);
        double[] base = time(() -> count(catalog));
        System.out.println("| read | CPU ms (median of 5) | wall ms | CPU ratio to count(*) |");
        System.out.println("|---|---|---|---|");
        row("SELECT count(*) FROM face_crops (baseline)", base, base);
        row("coverage()", time(d::coverage), base);
        row("distributions()", time(d::distributions), base);
        row("facesPerPerson(12)", time(() -> d.facesPerPerson(12)), base);
        FaceQuery first = FaceQuery.worstFirst(200).sortedBy(FaceSort.STATUS, false);
        row("faces(): first page of 200, status order (the window's default)", time(() -> d.faces(first)), base);
        row("faces(): page of 200 at the middle, quality order", time(() -> d.faces(FaceQuery.worstFirst(200).atOffset(faces / 2))), base);
        row("faces(): one person's faces, quality order", time(() -> d.faces(FaceQuery.worstFirst(200).withPerson(PersonFilter.only(7)))), base);
        row("faces(): label filter 'poor', size order", time(() -> d.faces(FaceQuery.worstFirst(200).withQuality(QualityFilter.POOR)
                .sortedBy(FaceSort.FACE_SIZE, true))), base);
        row("revalidate() (validation pass over every row, one transaction)", time(d::revalidate), base);
        row("faces(): invalid rows only, first page, after the pass", time(() -> d.faces(first.withStatus(StatusFilter.INVALID))), base);
    }

    private static void row(String what, double[] t, double[] base) {
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.1f |%n", what, t[0], t[1], t[0] / base[0]);
    }

    /** @return median CPU ms and median wall ms of 5 runs */
    private static double[] time(Callable<?> work) throws Exception {
        double[] cpu = new double[5], wall = new double[5];
        for (int i = 0; i < 5; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            work.call();
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
            wall[i] = (System.nanoTime() - w0) / 1e6;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        return new double[]{cpu[2], wall[2]};
    }

    private static long count(Catalog catalog) throws Exception {
        try (Connection c = catalog.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM face_crops")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void fill(Catalog catalog, int faces) throws Exception {
        Random r = new Random(42);
        String crops = catalog.location().cropsDir().toString();
        try (Connection c = catalog.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO persons (id, name) VALUES (?, ?)")) {
                for (int i = 1; i <= 1000; i++) {
                    p.setInt(1, i);
                    p.setString(2, "Person " + i);
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement photo = c.prepareStatement("INSERT INTO photos (id, path, size_bytes, mtime_ms, width, height, "
                    + "scan_state) VALUES (?, ?, 1000, 0, 4000, 3000, 'done')");
                 PreparedStatement face = c.prepareStatement("INSERT INTO face_crops (photo_id, image_path, crop_path, x, y, w, h, "
                         + "detection_score, detector, face_size_px, sharpness, brightness, contrast, frontal_pose, quality, quality_label, "
                         + "person_id, assigned_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'yunet', ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int ph = 1; ph <= faces / 3; ph++) {
                    String path = "/photos/" + (ph / 1000) + "/IMG_" + ph + ".jpg";
                    photo.setInt(1, ph);
                    photo.setString(2, path);
                    photo.addBatch();
                    for (int k = 0; k < 3; k++) {
                        double size = 20 + r.nextDouble() * 400;
                        double q = r.nextDouble();
                        face.setInt(1, ph);
                        face.setString(2, path);
                        Path crop = Path.of(crops, String.valueOf(ph & 0xff), "p" + ph + "-f" + k + ".jpg");
                        Files.createDirectories(crop.getParent());
                        Files.createFile(crop);
                        face.setString(3, crop.toString());
                        face.setDouble(4, 100 + k * 1000);
                        face.setDouble(5, 200);
                        face.setDouble(6, size);
                        face.setDouble(7, size * 1.2);
                        face.setDouble(8, 0.8 + r.nextDouble() * 0.2);
                        face.setDouble(9, size);
                        face.setDouble(10, r.nextDouble() * 800);
                        face.setDouble(11, 125);
                        face.setDouble(12, 40);
                        face.setDouble(13, r.nextDouble());
                        face.setDouble(14, q);
                        face.setString(15, q >= 0.75 ? "excellent" : q >= 0.55 ? "good" : q >= 0.35 ? "fair" : "poor");
                        if (r.nextDouble() < 0.6) {
                            face.setInt(16, 1 + r.nextInt(1000));
                            face.setString(17, r.nextBoolean() ? "user" : "auto");
                        } else {
                            face.setNull(16, java.sql.Types.INTEGER);
                            face.setString(17, "none");
                        }
                        face.addBatch();
                    }
                    if (ph % 1000 == 0) {
                        photo.executeBatch();
                        face.executeBatch();
                    }
                }
                photo.executeBatch();
                face.executeBatch();
            }
            c.commit();
        }
    }
}
