package app.facet.core.catalog;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.StringJoiner;

/**
 * Binds a list of row ids as ONE statement parameter, so no statement is ever built by concatenating ids: the list
 * travels as a JSON array text and SQLite's {@code json_each} turns it back into rows. Use as
 * {@code "... WHERE id" + IdList.IN + " ..."} and bind with {@link #bind}.
 */
public final class IdList {
    /** {@code " IN (SELECT value FROM json_each(?))"}: one placeholder, bound with {@link #bind}. */
    public static final String IN = " IN (SELECT value FROM json_each(?))";

    private IdList() {
    }

    /** Binds {@code ids} (any size, possibly empty) to the placeholder of {@link #IN} at {@code index}. */
    public static void bind(PreparedStatement ps, int index, Collection<Long> ids) throws SQLException {
        ps.setString(index, json(ids));
    }

    /** @return the ids as a JSON array text, e.g. {@code [3,17]} */
    public static String json(Collection<Long> ids) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (Long id : ids) {
            j.add(Long.toString(id));
        }
        return j.toString();
    }
}
