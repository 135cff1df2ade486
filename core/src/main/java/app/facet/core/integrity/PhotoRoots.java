package app.facet.core.integrity;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The library's photo folders: every root of every scan that was not a dry run ({@code scan_runs.roots}, a JSON
 * array of folders), absolute and normalised, without folders nested in another root.
 */
public final class PhotoRoots {
    private PhotoRoots() {
    }

    public static List<Path> of(Connection c) throws SQLException {
        Set<Path> all = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT j.value FROM scan_runs r,"
                + " json_each(CASE WHEN json_valid(r.roots) THEN r.roots ELSE '[]' END) j WHERE r.dry_run = 0 AND j.type = 'text'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                all.add(Path.of(rs.getString(1)).toAbsolutePath().normalize());
            }
        }
        List<Path> out = new ArrayList<>();
        for (Path p : all) {
            if (all.stream().noneMatch(q -> !q.equals(p) && p.startsWith(q))) {
                out.add(p);
            }
        }
        return out;
    }

    /** @return true when {@code path} (absolute, normalised) lies in one of {@code roots} */
    public static boolean contains(List<Path> roots, Path path) {
        return roots.stream().anyMatch(path::startsWith);
    }
}
