package app.facet.core.integrity;

import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.IntegrityCheckSchemaStore;
import app.facet.core.catalog.Tx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The triggers the catalog should have: replayed from the migration scripts Flyway applied
 * ({@code flyway_schema_history}, in order), so a later migration that adds, replaces or drops a trigger is
 * followed without a list to keep in step here.
 * <p>
 * Limitation: a trigger body is read up to the first {@code END;}, so a body using {@code CASE ... END;} on
 * one line would be cut short (none does).
 */
final class ExpectedTriggers {
    private static final String MIGRATIONS = "db/migration/";
    private static final Pattern CREATE = Pattern.compile(
            "CREATE\\s+(?:TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?(\\w+)\"?.*?\\bEND\\s*;",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DROP = Pattern.compile("DROP\\s+TRIGGER\\s+(?:IF\\s+EXISTS\\s+)?\"?(\\w+)\"?\\s*;",
            Pattern.CASE_INSENSITIVE);

    private ExpectedTriggers() {
    }

    /**
     * @return trigger name to its CREATE statement (without the final semicolon), in creation order
     * @throws CatalogException on a database error, or when a script Flyway recorded is not on the classpath
     */
    static Map<String, String> load(Tx tx) {
        Map<String, String> triggers = new LinkedHashMap<>();
        for (String script : IntegrityCheckSchemaStore.appliedMigrationScripts(tx)) {
            replay(readScript(script), triggers);
        }
        return triggers;
    }

    /** Applies the CREATE/DROP TRIGGER statements of one script, in the order they appear. */
    static void replay(String script, Map<String, String> triggers) {
        String sql = stripLineComments(script);
        Matcher create = CREATE.matcher(sql);
        Matcher drop = DROP.matcher(sql);
        int pos = 0;
        while (true) {
            boolean c = create.find(pos);
            int cStart = c ? create.start() : Integer.MAX_VALUE;
            boolean d = drop.find(pos);
            int dStart = d ? drop.start() : Integer.MAX_VALUE;
            if (!c && !d) {
                return;
            }
            if (cStart < dStart) {
                String stmt = create.group().trim();
                triggers.put(create.group(1), stmt.substring(0, stmt.length() - 1).trim());
                pos = create.end();
            } else {
                triggers.remove(drop.group(1));
                pos = drop.end();
            }
        }
    }

    /** Whitespace- and comment-insensitive form used to compare a trigger with {@code sqlite_master.sql}. */
    static String normalise(String sql) {
        return stripLineComments(sql).replaceAll("(?i)IF\\s+NOT\\s+EXISTS\\s+", "").replaceAll("\\s+", " ").replaceAll(";\\s*$", "").trim();
    }

    private static String stripLineComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }

    private static String readScript(String script) {
        try (InputStream in = ExpectedTriggers.class.getClassLoader().getResourceAsStream(MIGRATIONS + script)) {
            if (in == null) {
                throw new CatalogException("migration script " + script + " recorded in flyway_schema_history is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogException("cannot read migration script " + script + ": " + e.getMessage(), e);
        }
    }
}
