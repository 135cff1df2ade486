package app.facet.app.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The one way the command-line tests run {@code facet}: in-process, through the configured top-level command line. */
public final class Cli {
    private Cli() {
    }

    /** What one run printed, and its exit code. */
    public record Run(int exit, String out, String err) {
        /** @return the rows of the CSV printed on stdout, by column name */
        public List<CSVRecord> csv() {
            return Cli.csv(out);
        }
    }

    /** Runs {@code facet args...} as a user types it, capturing stdout and stderr. */
    public static Run facet(String... args) {
        CommandLine cl = FacetCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The shared test material (photos, labels.csv, models), from the {@code facet.shared} system property. */
    public static Path shared() {
        return Path.of(System.getProperty("facet.shared")).toAbsolutePath().normalize();
    }

    /** @return the rows of a CSV text with a header line, by column name */
    public static List<CSVRecord> csv(String text) {
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
            return p.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
