package app.facet.core.transfer;

import app.facet.core.catalog.ContentHash;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import app.facet.core.rules.PersonNames;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes assignment exports.
 * <p>
 * <b>JSON</b>: {@code {"format": "facet-assignments", "version": 1, "exported_at": ..., "persons": [{"name", "hidden"}],
 * "faces": [{"photo_path", "content_hash", "x", "y", "w", "h", "person", "assigned_by", "not_a_face", "cover",
 * "rejected_persons": [names], "manual", "metadata_source", "metadata_name"}], "no_faces": [{"photo_path", "content_hash"}],
 * "deleted_faces": [{"photo_path", "content_hash", "x", "y", "w", "h", "photo_width", "photo_height", "person_name",
 * "metadata_source"}]}};
 * every field is required (version 1 files, without {@code manual} and {@code no_faces}, files without the face's
 * {@code metadata_source}/{@code metadata_name}, and files without {@code deleted_faces}, are read as before), unknown
 * fields are refused.
 * <br><b>CSV</b> (UTF-8, header row): {@value #CSV_COLUMNS_TEXT}. One row per face; a person with no face is a row
 * with only {@code person} and {@code person_hidden}. {@code rejected_persons} is a JSON array of names (names may
 * hold any character). {@code manual} marks a hand-drawn box; a photo the user decided has no faces is a row with
 * {@code photo_path}, {@code content_hash} and {@code no_faces=true} only. A face the user deleted is a row with
 * {@code deleted=true}, its photo ({@code photo_path}, {@code content_hash}), its box ({@code x,y,w,h}), the image's
 * oriented size then ({@code photo_width}, {@code photo_height}, empty when unknown), the name it had in {@code person}
 * (no person is created from it), its {@code metadata_source}, and an empty {@code assigned_by}. Files without the
 * columns added later ({@code manual}, {@code no_faces}, {@code metadata_source}, {@code metadata_name}, {@code deleted},
 * {@code photo_width}, {@code photo_height}) are read as before. Required columns: photo_path, x, y, w, h,
 * person, assigned_by; unknown columns are refused. Names follow the one name rule ({@link PersonNames}).
 * <p>
 * Reading validates every value and reports all problems at once (with their rows) in a {@link RestoreInputException}.
 */
public final class AssignmentFiles {
    static final String FORMAT = "facet-assignments";
    static final String CSV_COLUMNS_TEXT = "photo_path,content_hash,x,y,w,h,person,assigned_by,not_a_face,cover,person_hidden,rejected_persons,"
            + "manual,no_faces,metadata_source,metadata_name,deleted,photo_width,photo_height";
    static final List<String> CSV_COLUMNS = List.of(CSV_COLUMNS_TEXT.split(","));
    static final Set<String> CSV_REQUIRED = Set.of("photo_path", "x", "y", "w", "h", "person", "assigned_by");
    private static final Set<String> ASSIGNED_BY = Set.of("user", "auto", "none");

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The JSON document around an export. */
    record JsonDocument(String format, int version, String exportedAt, List<ExportedPerson> persons, List<ExportedFace> faces,
                        List<ExportedPhoto> noFaces, List<ExportedDeletion> deletedFaces) {
    }

    private AssignmentFiles() {
    }

    public static void write(AssignmentExport export, AssignmentFormat format, Writer out) throws IOException {
        if (format == AssignmentFormat.JSON) {
            JSON.writeValue(out, new JsonDocument(FORMAT, export.version(), export.exportedAt(), export.persons(), export.faces(),
                    export.noFaces(), export.deletedFaces()));
        } else {
            writeCsv(export, out);
        }
    }

    private static void writeCsv(AssignmentExport export, Writer out) throws IOException {
        Map<String, Boolean> hidden = new HashMap<>();
        export.persons().forEach(p -> hidden.put(key(p.name()), p.hidden()));
        Set<String> withFaces = new HashSet<>();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
            for (ExportedFace f : export.faces()) {
                if (f.person() != null) {
                    withFaces.add(key(f.person()));
                }
                csv.printRecord(f.photoPath(), nullToEmpty(f.contentHash()), f.x(), f.y(), f.w(), f.h(), nullToEmpty(f.person()),
                        f.assignedBy(), f.notAFace(), f.cover(), f.person() == null ? "" : hidden.getOrDefault(key(f.person()), false),
                        f.rejectedPersons().isEmpty() ? "" : JSON.writer().without(SerializationFeature.INDENT_OUTPUT)
                                .writeValueAsString(f.rejectedPersons()), f.manual(), false, nullToEmpty(f.metadataSource()),
                        nullToEmpty(f.metadataName()), false, "", "");
            }
            for (ExportedPerson p : export.persons()) {
                if (!withFaces.contains(key(p.name()))) {
                    csv.printRecord("", "", "", "", "", "", p.name(), "", "", "", p.hidden(), "", "", "", "", "", "", "", "");
                }
            }
            for (ExportedPhoto p : export.noFaces()) {
                csv.printRecord(p.photoPath(), nullToEmpty(p.contentHash()), "", "", "", "", "", "none", "", "", "", "", "", true, "", "",
                        "", "", "");
            }
            for (ExportedDeletion d : export.deletedFaces()) {
                csv.printRecord(d.photoPath(), nullToEmpty(d.contentHash()), d.x(), d.y(), d.w(), d.h(), nullToEmpty(d.personName()), "",
                        "", "", "", "", "", "", nullToEmpty(d.metadataSource()), "", true, nullToEmpty(d.photoWidth()),
                        nullToEmpty(d.photoHeight()));
            }
        }
    }

    /**
     * Reads an export, CSV or JSON (told apart by the first character: '{' is JSON), and validates every value.
     *
     * @throws RestoreInputException when the file is unreadable, malformed, has unknown or missing columns or fields,
     *                               or any value is out of range (all problems listed)
     */
    public static AssignmentExport read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new RestoreInputException("The restore file " + file + " is not UTF-8 text.", e);
        } catch (IOException e) {
            throw new RestoreInputException("Cannot read the restore file " + file + ": " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.stripLeading().startsWith("{") ? readJson(text, file) : readCsv(text, file);
    }

    private static AssignmentExport readJson(String text, Path file) {
        JsonDocument doc;
        try {
            doc = JSON.treeToValue(upgraded(JSON.readTree(text)), JsonDocument.class);
        } catch (UnrecognizedPropertyException e) {
            throw new RestoreInputException("The restore file " + file + " has an unknown field \"" + e.getPropertyName() + "\" at "
                    + e.getPathReference().replaceAll(".*\\[\"?", "").replace("\"]", "") + "; expected only the fields Facet exports.", e);
        } catch (MismatchedInputException e) {
            throw new RestoreInputException("The restore file " + file + " is not a Facet export: " + firstLine(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")") + ".", e);
        } catch (JsonProcessingException e) {
            throw new RestoreInputException("The restore file " + file + " is not valid JSON: " + firstLine(e.getOriginalMessage())
                    + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ").", e);
        }
        List<String> problems = new ArrayList<>();
        if (!FORMAT.equals(doc.format())) {
            problems.add("format is \"" + doc.format() + "\", expected \"" + FORMAT + "\"");
        }
        if (doc.version() < 1 || doc.version() > AssignmentExport.VERSION) {
            problems.add("version " + doc.version() + " is not supported (this Facet reads versions 1 to " + AssignmentExport.VERSION + ")");
        }
        List<ExportedFace> faces = doc.faces() == null ? List.of() : doc.faces();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            labels.add("faces[" + i + "]");
        }
        List<ExportedDeletion> deleted = doc.deletedFaces() == null ? List.of() : doc.deletedFaces();
        List<String> deletionLabels = new ArrayList<>();
        for (int i = 0; i < deleted.size(); i++) {
            deletionLabels.add("deleted_faces[" + i + "]");
        }
        AssignmentExport export = new AssignmentExport(doc.version(), doc.exportedAt(), doc.persons() == null ? List.of() : doc.persons(), faces,
                doc.noFaces(), deleted);
        problems.addAll(validate(export, labels, deletionLabels));
        return checked(export, problems, file);
    }

    private static AssignmentExport readCsv(String text, Path file) {
        List<String> problems = new ArrayList<>();
        List<ExportedFace> faces = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Map<String, ExportedPerson> persons = new LinkedHashMap<>();
        List<ExportedPhoto> noFaces = new ArrayList<>();
        List<ExportedDeletion> deleted = new ArrayList<>();
        List<String> deletionLabels = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .get().parse(new StringReader(text))) {
            List<String> header = parser.getHeaderNames();
            Set<String> unknown = new LinkedHashSet<>(header);
            CSV_COLUMNS.forEach(unknown::remove);
            if (!unknown.isEmpty()) {
                throw new RestoreInputException("The restore file " + file + " has unknown column" + (unknown.size() > 1 ? "s " : " ")
                        + String.join(", ", unknown) + "; expected " + CSV_COLUMNS_TEXT + ".", List.of());
            }
            Set<String> missing = new LinkedHashSet<>(CSV_REQUIRED);
            header.forEach(missing::remove);
            if (!missing.isEmpty()) {
                throw new RestoreInputException("The restore file " + file + " lacks the column" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing) + "; expected " + CSV_COLUMNS_TEXT + ".", List.of());
            }
            for (CSVRecord r : parser) {
                String row = "row " + (r.getRecordNumber() + 1);
                if (!r.isConsistent()) {
                    problems.add(row + ": " + r.size() + " values for " + header.size() + " columns");
                    continue;
                }
                String person = emptyToNull(get(r, "person"));
                if (bool(get(r, "deleted"), row, "deleted", problems)) {
                    deleted.add(deletion(r, row, person, problems));
                    deletionLabels.add(row);
                    continue;
                }
                if (bool(get(r, "no_faces"), row, "no_faces", problems)) {
                    if (get(r, "photo_path").isEmpty() || person != null || !get(r, "x").isEmpty()) {
                        problems.add(row + ": a no_faces row holds a photo_path and no box or person");
                    } else {
                        noFaces.add(new ExportedPhoto(get(r, "photo_path"), emptyToNull(get(r, "content_hash"))));
                    }
                    continue;
                }
                if (get(r, "photo_path").isEmpty()) {
                    if (person == null) {
                        problems.add(row + ": neither a photo nor a person");
                    } else {
                        persons.putIfAbsent(key(person), new ExportedPerson(person, bool(get(r, "person_hidden"), row, "person_hidden", problems)));
                    }
                    continue;
                }
                if (person != null) {
                    boolean hidden = bool(get(r, "person_hidden"), row, "person_hidden", problems);
                    ExportedPerson known = persons.putIfAbsent(key(person), new ExportedPerson(person, hidden));
                    if (known != null && known.hidden() != hidden) {
                        problems.add(row + ": person_hidden of \"" + person + "\" differs from an earlier row");
                    }
                }
                faces.add(new ExportedFace(get(r, "photo_path"), emptyToNull(get(r, "content_hash")),
                        number(get(r, "x"), row, "x", problems), number(get(r, "y"), row, "y", problems),
                        number(get(r, "w"), row, "w", problems), number(get(r, "h"), row, "h", problems),
                        person, get(r, "assigned_by"), bool(get(r, "not_a_face"), row, "not_a_face", problems),
                        bool(get(r, "cover"), row, "cover", problems), names(get(r, "rejected_persons"), row, problems),
                        bool(get(r, "manual"), row, "manual", problems), emptyToNull(get(r, "metadata_source")),
                        emptyToNull(get(r, "metadata_name"))));
                labels.add(row);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new RestoreInputException("The restore file " + file + " is not a valid CSV file: " + firstLine(e.getMessage()) + ".", e);
        }
        AssignmentExport export = new AssignmentExport(AssignmentExport.VERSION, null, List.copyOf(persons.values()), faces, noFaces,
                deleted);
        problems.addAll(validate(export, labels, deletionLabels));
        return checked(export, problems, file);
    }

    /** A {@code deleted=true} row: a photo, a box, the image size then, the name it had; no decision of a face. */
    private static ExportedDeletion deletion(CSVRecord r, String row, String person, List<String> problems) {
        boolean decision = bool(get(r, "no_faces"), row, "no_faces", problems) | bool(get(r, "not_a_face"), row, "not_a_face", problems)
                | bool(get(r, "cover"), row, "cover", problems) | bool(get(r, "manual"), row, "manual", problems)
                | !get(r, "rejected_persons").isEmpty() | !get(r, "person_hidden").isEmpty() | !get(r, "assigned_by").isEmpty()
                | !get(r, "metadata_name").isEmpty();
        if (decision) {
            problems.add(row + ": a deleted row holds a photo, a box, photo_width, photo_height, the name it had and its "
                    + "metadata_source only (assigned_by, not_a_face, cover, person_hidden, rejected_persons, manual, no_faces, "
                    + "metadata_name empty)");
        }
        return new ExportedDeletion(get(r, "photo_path"), emptyToNull(get(r, "content_hash")), number(get(r, "x"), row, "x", problems),
                number(get(r, "y"), row, "y", problems), number(get(r, "w"), row, "w", problems), number(get(r, "h"), row, "h", problems),
                size(get(r, "photo_width"), row, "photo_width", problems), size(get(r, "photo_height"), row, "photo_height", problems),
                person, emptyToNull(get(r, "metadata_source")));
    }

    /** @return null for an empty value */
    private static Integer size(String value, String row, String column, List<String> problems) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(row + ": " + column + " \"" + value + "\" is not a whole number");
            return null;
        }
    }

    private static AssignmentExport checked(AssignmentExport export, List<String> problems, Path file) {
        if (!problems.isEmpty()) {
            throw new RestoreInputException("The restore file " + file + " has " + problems.size() + " invalid value"
                    + (problems.size() > 1 ? "s" : "") + ", first: " + problems.get(0) + "; nothing was applied.", problems);
        }
        return export;
    }

    /** Value rules shared by both formats; {@code labels} name the faces, {@code deletionLabels} the deleted faces. */
    static List<String> validate(AssignmentExport export, List<String> labels, List<String> deletionLabels) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < export.deletedFaces().size(); i++) {
            validateDeletion(export.deletedFaces().get(i), deletionLabels.get(i) + ": ", problems);
        }
        Set<String> names = new HashSet<>();
        for (ExportedPerson p : export.persons()) {
            if (p.name() == null || p.name().isBlank()) {
                problems.add("a person has an empty name");
            } else if (refusedName(p.name(), "person", problems, "")) {
                continue;
            } else if (!names.add(key(p.name()))) {
                problems.add("person \"" + p.name() + "\" is listed twice");
            }
        }
        for (ExportedPhoto p : export.noFaces()) {
            if (p.photoPath() == null || !Path.of(p.photoPath()).isAbsolute() || !Path.of(p.photoPath()).normalize().toString().equals(p.photoPath())) {
                problems.add("no-faces photo " + p.photoPath() + " is not an absolute, normalised path");
            }
            if (p.contentHash() != null && !ContentHash.isValid(p.contentHash())) {
                problems.add("no-faces photo " + p.photoPath() + ": content_hash \"" + p.contentHash() + "\" is not 64 hexadecimal digits");
            }
        }
        for (int i = 0; i < export.faces().size(); i++) {
            ExportedFace f = export.faces().get(i);
            String at = labels.get(i) + ": ";
            validPhoto(f.photoPath(), f.contentHash(), at, problems);
            if (notABox(f.x(), f.y(), f.w(), f.h())) {
                problems.add(at + "box " + f.x() + "," + f.y() + " " + f.w() + "x" + f.h() + " is not a box (finite numbers, w and h above 0)");
            }
            if (!ASSIGNED_BY.contains(f.assignedBy())) {
                problems.add(at + "assigned_by \"" + f.assignedBy() + "\" is not user, auto or none");
            } else if ((f.person() == null) != f.assignedBy().equals("none")) {
                problems.add(at + (f.person() == null ? "assigned_by " + f.assignedBy() + " without a person" : "person \"" + f.person()
                        + "\" with assigned_by none"));
            }
            if (f.person() != null && f.person().isBlank()) {
                problems.add(at + "person is blank");
            } else if (f.person() != null) {
                refusedName(f.person(), "person", problems, at);
            }
            f.rejectedPersons().stream().filter(n -> n != null && !n.isBlank())
                    .forEach(n -> refusedName(n, "rejected person", problems, at));
            if (f.metadataName() != null && !f.metadataName().isBlank()) {
                refusedName(f.metadataName(), "metadata_name", problems, at);
            }
            if (f.cover() && f.person() == null) {
                problems.add(at + "cover without a person");
            }
            if (f.rejectedPersons().stream().anyMatch(n -> n == null || n.isBlank())) {
                problems.add(at + "rejected_persons holds an empty name");
            }
        }
        return problems;
    }

    private static void validateDeletion(ExportedDeletion d, String at, List<String> problems) {
        validPhoto(d.photoPath(), d.contentHash(), at, problems);
        if (notABox(d.x(), d.y(), d.w(), d.h())) {
            problems.add(at + "deleted face's box " + d.x() + "," + d.y() + " " + d.w() + "x" + d.h()
                    + " is not a box (finite numbers, w and h above 0)");
        }
        if (d.photoWidth() != null && d.photoWidth() <= 0 || d.photoHeight() != null && d.photoHeight() <= 0) {
            problems.add(at + "photo_width " + d.photoWidth() + " x photo_height " + d.photoHeight() + " is not an image size (above 0)");
        }
        if (d.personName() != null && d.personName().isBlank()) {
            problems.add(at + "the deleted face's person name is blank");
        } else if (d.personName() != null) {
            refusedName(d.personName(), "deleted face's person", problems, at);
        }
    }

    /** @return true unless every value is finite and w, h are above 0 */
    private static boolean notABox(double x, double y, double w, double h) {
        return !Double.isFinite(x) || !Double.isFinite(y) || !(w > 0) || !(h > 0) || !Double.isFinite(w) || !Double.isFinite(h);
    }

    /** A photo path must be absolute and normalised, a content hash 64 hexadecimal digits. */
    private static void validPhoto(String path, String contentHash, String at, List<String> problems) {
        if (path == null || path.isBlank()) {
            problems.add(at + "photo_path is empty");
        } else {
            Path p = Path.of(path);
            if (!p.isAbsolute() || !p.normalize().toString().equals(path)) {
                problems.add(at + "photo_path " + path + " is not an absolute, normalised path");
            }
        }
        if (contentHash != null && !ContentHash.isValid(contentHash)) {
            problems.add(at + "content_hash \"" + contentHash + "\" is not 64 hexadecimal digits");
        }
    }

    /** Applies the one name rule ({@link PersonNames}). @return true when refused (the problem is added) */
    private static boolean refusedName(String name, String what, List<String> problems, String at) {
        PersonNames.Checked checked = PersonNames.check(name);
        if (!checked.refused()) {
            return false;
        }
        String shown = PersonNames.escaped(name.length() <= 40 ? name : name.substring(0, 40) + "…");
        problems.add(at + what + " name \"" + shown + "\" is refused: " + checked.refusal());
        return true;
    }

    /** A version 1 document lacks the fields version 2 added: give them their version 1 meaning. */
    private static JsonNode upgraded(JsonNode doc) {
        // deleted faces came later: a file without them deleted none
        if (doc instanceof ObjectNode o && !o.has("deleted_faces")) {
            o.putArray("deleted_faces");
        }
        // the face's provenance from metadata came later (V71): a file without it says none
        for (JsonNode face : doc.path("faces")) {
            if (face instanceof ObjectNode f) {
                for (String field : List.of("metadata_source", "metadata_name")) {
                    if (!f.has(field)) {
                        f.putNull(field);
                    }
                }
            }
        }
        if (doc instanceof ObjectNode o && o.path("version").asInt(0) == 1) {
            if (!o.has("no_faces")) {
                o.putArray("no_faces");
            }
            for (JsonNode face : o.path("faces")) {
                if (face instanceof ObjectNode f && !f.has("manual")) {
                    f.put("manual", false);
                }
            }
        }
        return doc;
    }

    static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) ? r.get(column) : "";
    }

    private static double number(String value, String row, String column, List<String> problems) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            problems.add(row + ": " + column + " \"" + value + "\" is not a number");
            return Double.NaN;
        }
    }

    private static boolean bool(String value, String row, String column, List<String> problems) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "", "false", "0":
                return false;
            case "true", "1":
                return true;
            default:
                problems.add(row + ": " + column + " \"" + value + "\" is not true or false");
                return false;
        }
    }

    private static List<String> names(String value, String row, List<String> problems) {
        if (value.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(value, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            problems.add(row + ": rejected_persons is not a JSON array of names");
            return List.of();
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String nullToEmpty(Integer n) {
        return n == null ? "" : n.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
