package app.facet.app.cli;

import app.facet.core.rules.PersonNames;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams rows as CSV (header first, RFC 4180) or as a JSON array of objects with the same keys, so scripts can
 * rely on one set of column names in both formats. Text never reaches a terminal raw: in CSV every character the one
 * name rule forbids is escaped ({@link PersonNames#escaped}: ESC as {@code \x1b}); in JSON those characters are
 * written as JSON unicode escapes (the value a JSON reader gets is unchanged).
 */
public final class RowPrinter implements AutoCloseable {
    private final List<String> columns;
    private final CSVPrinter csv;
    private final JsonGenerator json;
    /** Made on the first JSON row only: an ObjectMapper costs a CSV listing ~400 classes of start-up (issue 14). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** JSON escapes for C0, DEL, C1, bidirectional overrides and isolates, besides the standard ones. */
    private static final class TerminalSafeEscapes extends CharacterEscapes {
        static final TerminalSafeEscapes INSTANCE = new TerminalSafeEscapes();
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        private TerminalSafeEscapes() {
            ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return PersonNames.escaped(String.valueOf((char) ch)).length() == 1 ? null
                    : new SerializedString(String.format("\\u%04x", ch));
        }
    }

    public RowPrinter(OutputFormat format, List<String> columns, PrintWriter out) {
        this.columns = List.copyOf(columns);
        try {
            if (format == OutputFormat.csv) {
                csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get());
                json = null;
            } else {
                csv = null;
                json = new ObjectMapper().getFactory().createGenerator(out).useDefaultPrettyPrinter();
                json.setCharacterEscapes(TerminalSafeEscapes.INSTANCE);
                json.writeStartArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param values one value per column, in column order; null prints as an empty CSV cell or JSON null */
    public void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        try {
            if (csv != null) {
                Object[] shown = values.clone();
                for (int i = 0; i < shown.length; i++) {
                    if (shown[i] instanceof String s) {
                        shown[i] = PersonNames.escaped(s);
                    }
                }
                csv.printRecord(shown);
            } else {
                Map<String, Object> obj = new LinkedHashMap<>();
                for (int i = 0; i < values.length; i++) {
                    obj.put(columns.get(i), values[i]);
                }
                Json.MAPPER.writeValue(json, obj);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (csv != null) {
                csv.flush();
            } else {
                json.writeEndArray();
                json.writeRaw(System.lineSeparator());
                json.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
