package app.facet.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
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
 * rely on one set of column names in both formats.
 */
public final class RowPrinter implements AutoCloseable {
    private final List<String> columns;
    private final CSVPrinter csv;
    private final JsonGenerator json;

    public RowPrinter(OutputFormat format, List<String> columns, PrintWriter out) {
        this.columns = List.copyOf(columns);
        try {
            if (format == OutputFormat.csv) {
                csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get());
                json = null;
            } else {
                csv = null;
                json = new ObjectMapper().getFactory().createGenerator(out).useDefaultPrettyPrinter();
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
                csv.printRecord(values);
            } else {
                Map<String, Object> obj = new LinkedHashMap<>();
                for (int i = 0; i < values.length; i++) {
                    obj.put(columns.get(i), values[i]);
                }
                new ObjectMapper().writeValue(json, obj);
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
