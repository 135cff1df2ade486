package app.facet.app.startup;

import app.facet.app.cli.FacetCommand;
import app.facet.core.imaging.NativeLoading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The training run behind the installed app's class-data archive (issue 14). The installer's {@code postinst} runs
 * {@code java -XX:ArchiveClassesAtExit=ARCHIVE -cp lib/app/facet.jar app.facet.app.startup.ClassDataTraining WORK}
 * once; JDK 17 writes every class this JVM loaded into ARCHIVE, which the launcher then maps at each start
 * ({@code -XX:SharedArchiveFile}). A JDK 17 archive records the class path it was made with, so it cannot be built in
 * {@code target/}: it has to be made where the app is installed.
 *
 * <p>One JVM, so one archive, covers the common commands: it runs {@code --help}, a scan of one photo (the
 * {@value #PHOTO} resource, copied into WORK) and the listing commands on that throw-away library. It then loads,
 * without initialising them, the app's remaining own classes (the desktop window's included, and with them the
 * JavaFX classes they extend): a training run has no display, so the window itself cannot be opened.
 */
public final class ClassDataTraining {
    /** The photo the training scans: 640×480, synthetic (no face, no person), with EXIF date and orientation. */
    static final String PHOTO = "training-photo.jpg";
    private static final Logger log = LoggerFactory.getLogger(ClassDataTraining.class);
    private static final String OWN_PACKAGE = "app/facet/";

    private ClassDataTraining() {
    }

    /** {@code ClassDataTraining WORK}: WORK is an empty, throw-away folder. Exit code 0, or 2 when a command failed. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("facet: usage: ClassDataTraining WORK_FOLDER (an empty, throw-away folder)");
            System.exit(2);
        }
        NativeLoading.configure();
        int exitCode = train(Path.of(args[0]), FacetCommand::run, System.err);
        // System.exit, not a return: a scan's worker pools must not keep the JVM (and its archive dump) waiting
        System.exit(exitCode);
    }

    /**
     * Runs each training command through {@code command} (the real command line), then loads the app's other classes.
     *
     * @param work    an empty folder; receives {@code photos/} and {@code library/}
     * @param command runs one command line, returning its exit code
     * @param err     where a failed command is named
     * @return 0 when every command exited 0, else 2 (the classes they loaded are still archived)
     * @throws IOException when WORK or the training photo cannot be written
     */
    static int train(Path work, ToIntFunction<String[]> command, PrintStream err) throws IOException {
        Path photos = Files.createDirectories(work.resolve("photos"));
        try (InputStream in = ClassDataTraining.class.getResourceAsStream(PHOTO)) {
            if (in == null) {
                throw new IOException("the training photo " + PHOTO + " is missing from the app");
            }
            Files.copy(in, photos.resolve(PHOTO), StandardCopyOption.REPLACE_EXISTING);
        }
        int failed = 0;
        for (List<String> run : commands(photos, work.resolve("library"))) {
            int exitCode = command.applyAsInt(run.toArray(String[]::new));
            if (exitCode != 0) {
                failed++;
                err.println("facet: class-data training: `facet " + String.join(" ", run) + "` exited with " + exitCode);
            }
        }
        loadOwnClasses();
        return failed == 0 ? 0 : 2;
    }

    /** The command lines the training runs, in order (the scan first fills the library the others read). */
    static List<List<String>> commands(Path photos, Path library) {
        String lib = library.toString();
        return List.of(List.of("--help"),
                List.of("scan", photos.toString(), "--library", lib),
                List.of("photos", "--library", lib),
                List.of("faces", "--library", lib),
                List.of("people", "list", "--library", lib),
                List.of("check", "--library", lib));
    }

    /**
     * Loads, without initialising, every class of the app's own packages ({@code app.facet..}) found where this class
     * was loaded from (the installed app's one jar, or a classes folder). A class that cannot be loaded is logged and
     * skipped: it is then read from the jar at run time, as without an archive.
     *
     * @return the number of classes loaded
     */
    static int loadOwnClasses() throws IOException {
        ClassLoader loader = ClassDataTraining.class.getClassLoader();
        int loaded = 0;
        int skipped = 0;
        for (String name : ownClassNames()) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                skipped++;
                log.info("event=cds_training_class_skipped class={} error=\"{}\"", name, e.toString());
            }
        }
        log.info("event=cds_training_classes_loaded loaded={} skipped={}", loaded, skipped);
        return loaded;
    }

    /** Binary names of the {@code app.facet..} classes beside this one (its jar's entries or its classes folder). */
    static List<String> ownClassNames() throws IOException {
        Path origin;
        try {
            origin = Path.of(ClassDataTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot tell where the app's classes are: " + e.getMessage(), e);
        }
        List<String> files = new ArrayList<>();
        if (Files.isDirectory(origin)) {
            try (Stream<Path> walk = Files.walk(origin)) {
                walk.filter(Files::isRegularFile).map(p -> origin.relativize(p).toString().replace('\\', '/')).forEach(files::add);
            }
        } else {
            try (JarFile jar = new JarFile(origin.toFile())) {
                jar.stream().map(e -> e.getName()).forEach(files::add);
            }
        }
        return files.stream()
                .filter(f -> f.startsWith(OWN_PACKAGE) && f.endsWith(".class"))
                .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                .sorted()
                .toList();
    }
}
