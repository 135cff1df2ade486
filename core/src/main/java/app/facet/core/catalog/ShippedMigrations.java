package app.facet.core.catalog;

import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versioned migrations this build ships ({@code db/migration/V<version>__<description>.sql} on the classpath),
 * listed without starting Flyway: starting it (its plugin registry, configuration, Jackson, the classpath scan) costs
 * ~0.2 s of every process, and a catalog that is already current needs none of it (issue 14).
 * <p>
 * {@link #list()} is empty when the listing is not certain: a classpath location that is neither a folder nor a jar,
 * or any file under {@code db/migration} that is not a versioned SQL migration (a repeatable {@code R__} script, a
 * misnamed file). The caller then lets Flyway decide, as it always did.
 */
final class ShippedMigrations {
    static final String FOLDER = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    private ShippedMigrations() {
    }

    /** @return the shipped versions in order, or empty when they cannot be listed with certainty; listed once */
    static Optional<TreeSet<MigrationVersion>> list() {
        return Listed.VERSIONS;
    }

    private static final class Listed {
        static final Optional<TreeSet<MigrationVersion>> VERSIONS = scan();
    }

    private static Optional<TreeSet<MigrationVersion>> scan() {
        TreeSet<MigrationVersion> versions = new TreeSet<>();
        try {
            Enumeration<URL> roots = ShippedMigrations.class.getClassLoader().getResources(FOLDER);
            while (roots.hasMoreElements()) {
                if (!addAll(roots.nextElement(), versions)) {
                    return Optional.empty();
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions);
    }

    /** @return false when a file name is not a versioned migration or the location kind is unknown */
    private static boolean addAll(URL root, TreeSet<MigrationVersion> versions) throws IOException, URISyntaxException {
        switch (root.getProtocol()) {
            case "file" -> {
                try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        if (!add(f.getFileName().toString(), versions)) {
                            return false;
                        }
                    }
                }
                return true;
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) root.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    String prefix = FOLDER + "/";
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String name = e.nextElement().getName();
                        if (name.startsWith(prefix) && name.length() > prefix.length() && !add(name.substring(prefix.length()), versions)) {
                            return false;
                        }
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean add(String fileName, TreeSet<MigrationVersion> versions) {
        Matcher m = VERSIONED.matcher(fileName);
        if (!m.matches()) {
            return false;
        }
        versions.add(MigrationVersion.fromVersion(m.group(1).replace('_', '.')));
        return true;
    }
}
