package app.facet.core.integrity;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Times the integrity check on a synthetic catalog (not a test: run by hand, figures go to docs/PERFORMANCE.md).
 * <pre>
 *   ./mvnw -B -o -q -pl core -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 *   java -cp "$(cat core/target/bench.cp):core/target/classes:core/target/test-classes" \
 *        app.facet.core.integrity.IntegrityBenchmark WORKDIR PHOTOS FACES_PER_PHOTO [--files]
 * </pre>
 * The catalog is built once in WORKDIR (reused by later runs): PHOTOS photos of 4000x3000, FACES_PER_PHOTO faces
 * each with a 128-d embedding, 1,000 persons, 80 % of faces assigned, batched inserts in one transaction.
 * With {@code --files} every photo and crop file exists on disk (empty files), so the full check stats real files;
 * without it only the SQL-side checks (quick, and full minus the three file checks) are timed.
 */
public final class IntegrityBenchmark {
    private static final int DIM = 128;
    private static final int PERSONS = 1_000;
    private static final Set<String> FILE_CHECKS = Set.of(CheckNames.FACE_PHOTO_MISSING, CheckNames.CROP_FILE_MISSING,
            CheckNames.ORPHAN_CROP_FILES);

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int photos = Integer.parseInt(args[1]);
        int facesPerPhoto = Integer.parseInt(args[2]);
        boolean files = args.length > 3 && args[3].equals("--files");
        LibraryLocation location = new LibraryLocation(work.resolve("library"));
        boolean fresh = !location.exists();
        Catalog catalog = Catalog.open(location);
        if (fresh) {
            long t = System.nanoTime();
            populate(catalog, work.resolve("photos"), photos, facesPerPhoto, files);
            System.out.printf("built %,d photos / %,d faces in %.1f s%n", photos, photos * facesPerPhoto, (System.nanoTime() - t) / 1e9);
        }
        System.out.printf("catalog file: %,d bytes%n", Files.size(location.catalogFile()));
        IntegrityChecker checker = new IntegrityChecker(catalog);
        List<IntegrityCheck> sqlFull = IntegrityChecker.checks(CheckMode.FULL).stream()
                .filter(c -> !FILE_CHECKS.contains(c.infos().get(0).name())).toList();
        checker.check(CheckMode.QUICK); // warm the page cache once, as a running app would have it
        for (int round = 1; round <= 3; round++) {
            IntegrityReport quick = timed("quick check", () -> checker.check(CheckMode.QUICK));
            IntegrityReport sql = timed("full check, SQL side (no file checks)",
                    () -> checker.run(CheckMode.FULL, sqlFull, IntegrityProgress.NONE, () -> false));
            if (files) {
                timed("full check (files too)", () -> checker.check(CheckMode.FULL));
            }
            if (round == 1) {
                perCheck(checker, sqlFull);
                System.out.println("problems found: quick " + quick.problemCount() + ", full/sql " + sql.problemCount());
            }
        }
    }

    private static void perCheck(IntegrityChecker checker, List<IntegrityCheck> checks) {
        for (IntegrityCheck c : checks) {
            long t = System.nanoTime();
            long cpu = CPU.getCurrentThreadCpuTime();
            checker.run(CheckMode.FULL, List.of(c), IntegrityProgress.NONE, () -> false);
            System.out.printf("  %-32s wall %7.0f ms   cpu %7.0f ms (process)%n", c.infos().get(0).name(), (System.nanoTime() - t) / 1e6,
                    (CPU.getCurrentThreadCpuTime() - cpu) / 1e6);
        }
    }

    private interface Run {
        IntegrityReport get();
    }

    /**
     * Wall time, and the process's CPU time (SQLite runs in our threads; integrity_check on a second one): the machine
     * is shared with other builds, so CPU time shows the work itself and wall time what a user waits on a busy machine.
     */
    private static final ProcessCpu CPU = new ProcessCpu();

    private static final class ProcessCpu {
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

        long getCurrentThreadCpuTime() {
            return os.getProcessCpuTime();
        }
    }

    private static IntegrityReport timed(String what, Run run) {
        long t = System.nanoTime();
        long cpu = CPU.getCurrentThreadCpuTime();
        IntegrityReport r = run.get();
        System.out.printf("%-40s wall %8.0f ms   cpu %8.0f ms   (load average %.1f)%n", what, (System.nanoTime() - t) / 1e6,
                (CPU.getCurrentThreadCpuTime() - cpu) / 1e6, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return r;
    }

    private static void populate(Catalog catalog, Path photoDir, int photos, int facesPerPhoto, boolean files)
            throws SQLException, IOException {
        Random random = new Random(1);
        Path crops = catalog.location().cropsDir();
        try (Connection c = catalog.connect(); Statement st = c.createStatement()) {
            // per-insert recounting would dominate the load: recount once at the end, then restore the trigger
            String countTrigger;
            try (ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'face_crops_count_insert'")) {
                rs.next();
                countTrigger = rs.getString(1);
            }
            c.setAutoCommit(false);
            st.execute("DROP TRIGGER face_crops_count_insert");
            st.execute("INSERT INTO embedding_models (id, dimension, sha256) VALUES ('bench', " + DIM + ", '" + "0".repeat(64) + "')");
            st.execute("INSERT INTO scan_runs (status, roots, finished_at) VALUES ('completed', json_array('" + photoDir + "'), '2099-01-01T00:00:00.000Z')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO persons (name) VALUES (?)")) {
                for (int i = 1; i <= PERSONS; i++) {
                    ps.setString(1, "Person " + i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            List<Path> toCreate = new ArrayList<>();
            try (PreparedStatement ph = c.prepareStatement("INSERT INTO photos (id, path, size_bytes, mtime_ms, content_hash, width, height, scan_state)"
                    + " VALUES (?, ?, 0, 0, ?, 4000, 3000, 'done')");
                 PreparedStatement fa = c.prepareStatement("INSERT INTO face_crops (photo_id, image_path, crop_path, x, y, w, h, detection_score,"
                         + " detector, embedding, embedding_model_id, person_id, assigned_by) VALUES (?, ?, ?, ?, 1000, 400, 400, 0.9, 'bench', ?, 'bench', ?, ?)")) {
                int batch = 0;
                for (int p = 1; p <= photos; p++) {
                    String path = photoDir.resolve("d" + (p / 1000)).resolve("p" + p + ".jpg").toString();
                    ph.setLong(1, p);
                    ph.setString(2, path);
                    ph.setString(3, String.format("%064x", p));
                    ph.addBatch();
                    if (files) {
                        toCreate.add(Path.of(path));
                    }
                    for (int k = 0; k < facesPerPhoto; k++) {
                        String crop = crops.resolve("d" + (p / 1000)).resolve(p + "_" + k + ".jpg").toString();
                        if (files) {
                            toCreate.add(Path.of(crop));
                        }
                        fa.setLong(1, p);
                        fa.setString(2, path);
                        fa.setString(3, crop);
                        fa.setDouble(4, 10 + k * 500.0);
                        fa.setBytes(5, app.facet.core.catalog.Embeddings.toBytes(unit(random)));
                        boolean assigned = random.nextInt(10) < 8;
                        fa.setObject(6, assigned ? 1 + random.nextInt(PERSONS) : null);
                        fa.setString(7, assigned ? (random.nextBoolean() ? "user" : "auto") : "none");
                        fa.addBatch();
                    }
                    if (++batch == 1000) {
                        ph.executeBatch();
                        fa.executeBatch();
                        batch = 0;
                    }
                }
                ph.executeBatch();
                fa.executeBatch();
            }
            st.execute("UPDATE persons SET face_count = (SELECT count(*) FROM face_crops f WHERE f.person_id = persons.id AND f.not_a_face = 0),"
                    + " photo_count = (SELECT count(DISTINCT photo_id) FROM face_crops f WHERE f.person_id = persons.id AND f.not_a_face = 0)");
            st.execute(countTrigger);
            c.commit();
            for (Path f : toCreate) {
                Files.createDirectories(f.getParent());
                Files.createFile(f);
            }
        }
    }

    private static float[] unit(Random random) {
        float[] v = new float[DIM];
        double s = 0;
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) random.nextGaussian();
            s += v[i] * v[i];
        }
        for (int i = 0; i < DIM; i++) {
            v[i] /= (float) Math.sqrt(s);
        }
        return v;
    }
}
