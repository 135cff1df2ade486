package app.facet.core.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrityReportFormatTest {
    private final IntegrityReport report = new IntegrityReport(CheckMode.QUICK, Instant.parse("2026-11-21T10:00:00Z"), 12, List.of(
            new CheckResult(CheckNames.FACE_IMAGE_PATH_IS_CROP, "Faces pointing at a crop", Severity.ERROR, 2,
                    List.of(new Sample(Subject.FACE, 7L, "/lib/managed/crops/a, \"b\".jpg", "image_path is a face crop"),
                            new Sample(Subject.FACE, 9L, "/x.jpg", "detail")), "Repair re-points them.", true),
            new CheckResult(CheckNames.DUPLICATE_PHOTOS, "Duplicate photos", Severity.WARNING, 0, List.of(), "Delete a copy.", false)));

    @Test
    void jsonCarriesEveryCheckWithCountsSamplesAndFixes() throws Exception {
        StringWriter out = new StringWriter();
        IntegrityReportFormat.writeJson(report, out);

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("clean").asBoolean()).isFalse();
        assertThat(json.get("problem_count").asLong()).isEqualTo(2);
        assertThat(json.get("checks")).hasSize(2);
        JsonNode first = json.get("checks").get(0);
        assertThat(first.get("name").asText()).isEqualTo("face_image_path_is_crop");
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("samples").get(0).get("id").asLong()).isEqualTo(7);
        assertThat(first.get("samples").get(0).get("path").asText()).isEqualTo("/lib/managed/crops/a, \"b\".jpg");
        assertThat(first.get("suggested_fix").asText()).isEqualTo("Repair re-points them.");
    }

    @Test
    void csvHasOneRowPerSampleAndOneForACheckWithout() throws Exception {
        StringWriter out = new StringWriter();
        IntegrityReportFormat.writeCsv(report, out);

        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("path")).isEqualTo("/lib/managed/crops/a, \"b\".jpg");
        assertThat(rows.get(1).get("id")).isEqualTo("9");
        assertThat(rows.get(2).get("check")).isEqualTo("duplicate_photos");
        assertThat(rows.get(2).get("count")).isEqualTo("0");
        assertThat(rows.get(2).get("subject")).isEmpty();
    }
}
