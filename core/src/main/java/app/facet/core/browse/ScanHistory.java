package app.facet.core.browse;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The folders this library was scanned from (File → Rescan scans them again). */
public final class ScanHistory {
    private final Catalog catalog;

    public ScanHistory(Catalog catalog) {
        this.catalog = catalog;
    }

    /** @return distinct roots of every non-dry-run scan, sorted; empty for a new library */
    public List<Path> roots() {
        String sql = "SELECT DISTINCT j.value FROM scan_runs s, json_each(s.roots) j WHERE s.dry_run = 0 ORDER BY j.value";
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<Path> out = new ArrayList<>();
            while (rs.next()) {
                out.add(Path.of(rs.getString(1)));
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Cannot read the scan history of " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
    }
}
