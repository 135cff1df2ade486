package app.facet.core.integrity;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.RepairSchemaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A consistent copy of the catalog taken while it is in use ({@code VACUUM INTO}: one read transaction, so a scan
 * writing meanwhile cannot tear it), as {@code DIR/backups/catalog-yyyyMMdd-HHmmss.sqlite}.
 */
public final class CatalogBackup {
    private static final Logger log = LoggerFactory.getLogger(CatalogBackup.class);
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private CatalogBackup() {
    }

    /**
     * @return the path of the new copy (a new file; an existing one is never overwritten)
     * @throws CatalogException when the copy cannot be written (the caller must then change nothing)
     */
    public static Path create(Catalog catalog) {
        return create(catalog, LocalDateTime.now().format(STAMP));
    }

    static Path create(Catalog catalog, String stamp) {
        Path dir = catalog.location().backupsDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CatalogException("Cannot create the backups folder " + dir + ": " + e.getMessage(), e);
        }
        Path target = dir.resolve("catalog-" + stamp + ".sqlite");
        for (int n = 2; Files.exists(target); n++) {
            target = dir.resolve("catalog-" + stamp + "-" + n + ".sqlite");
        }
        try {
            RepairSchemaStore.copyTo(catalog, target);
        } catch (CatalogException e) {
            throw new CatalogException("Cannot back up the catalog to " + target + ": " + e.getMessage(), e.getCause());
        }
        log.info("event=catalog_backed_up path={}", target);
        return target;
    }
}
