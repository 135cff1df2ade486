package app.facet.ui.dashboard;

import app.facet.core.dashboard.Distributions;
import app.facet.core.dashboard.Histogram;
import app.facet.core.dashboard.PersonFaceCount;
import javafx.collections.FXCollections;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.ArrayList;
import java.util.List;

/** The three charts: overall quality score distribution, face size distribution, faces per person (JavaFX charts). */
final class DashboardCharts extends HBox {
    /** People shown in the faces-per-person chart, most faces first (the listing has the rest). */
    static final int TOP_PEOPLE = 12;
    /** Faces are counted: ticks between whole numbers stay unlabelled. */
    private static final javafx.util.StringConverter<Number> WHOLE_NUMBERS = new javafx.util.StringConverter<>() {
        @Override
        public String toString(Number n) {
            double v = n.doubleValue();
            return v == Math.rint(v) ? String.valueOf((long) v) : "";
        }

        @Override
        public Number fromString(String s) {
            return Double.parseDouble(s);
        }
    };

    private final BarChart<String, Number> quality = histogramChart("Overall quality score", "Score", "qualityChart");
    private final BarChart<String, Number> size = histogramChart("Face size (shorter side)", "Pixels", "faceSizeChart");
    private final BarChart<Number, String> people;

    DashboardCharts() {
        NumberAxis count = new NumberAxis();
        count.setLabel("Faces");
        count.setMinorTickVisible(false);
        count.setTickLabelFormatter(WHOLE_NUMBERS);
        CategoryAxis names = new CategoryAxis();
        people = new BarChart<>(count, names);
        people.setTitle("Faces per person");
        people.setId("peopleChart");
        style(people);
        getStyleClass().add("dashboard-charts");
        setSpacing(8);
        for (var chart : List.of(quality, size, people)) {
            HBox.setHgrow(chart, Priority.ALWAYS);
            chart.setMinWidth(200);
        }
        getChildren().addAll(quality, size, people);
    }

    void show(Distributions d, List<PersonFaceCount> perPerson) {
        fill(quality, d.quality(), true);
        fill(size, d.faceSize(), false);
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        List<String> categories = new ArrayList<>();
        // the horizontal axis lists its first category at the bottom: add from the fewest up so the largest is on top
        List<PersonFaceCount> shown = new ArrayList<>(perPerson.stream().filter(p -> p.personId() != null).limit(TOP_PEOPLE).toList());
        perPerson.stream().filter(p -> p.personId() == null).findFirst().ifPresent(shown::add);
        for (int i = shown.size() - 1; i >= 0; i--) {
            PersonFaceCount p = shown.get(i);
            String name = uniqueName(categories, p.name());
            categories.add(name);
            series.getData().add(new XYChart.Data<>(p.faces(), name));
        }
        people.setData(FXCollections.observableArrayList(List.of(series)));
    }

    BarChart<String, Number> qualityChart() {
        return quality;
    }

    BarChart<String, Number> sizeChart() {
        return size;
    }

    BarChart<Number, String> peopleChart() {
        return people;
    }

    private static void fill(BarChart<String, Number> chart, Histogram h, boolean withUnmeasured) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (Histogram.Bin b : h.bins()) {
            series.getData().add(new XYChart.Data<>(b.label(), b.count()));
        }
        if (withUnmeasured && h.notMeasured() > 0) {
            series.getData().add(new XYChart.Data<>("none", h.notMeasured()));
        }
        chart.setData(FXCollections.observableArrayList(List.of(series)));
    }

    private static BarChart<String, Number> histogramChart(String title, String xLabel, String id) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(xLabel);
        x.setTickLabelRotation(-45);
        NumberAxis y = new NumberAxis();
        y.setLabel("Faces");
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(WHOLE_NUMBERS);
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setTitle(title);
        chart.setId(id);
        style(chart);
        return chart;
    }

    private static void style(BarChart<?, ?> chart) {
        // animated axes lose their category tick labels when the data is replaced (JavaFX): no animation anywhere
        chart.setAnimated(false);
        chart.getXAxis().setAnimated(false);
        chart.getYAxis().setAnimated(false);
        chart.setLegendVisible(false);
        chart.setBarGap(1);
        chart.setCategoryGap(4);
        chart.getStyleClass().add("dashboard-chart");
        chart.setPrefHeight(280);
    }

    /** Two people may share a name in the chart only if case differs; keep the axis categories distinct. */
    private static String uniqueName(List<String> taken, String name) {
        String n = name;
        int k = 2;
        while (taken.contains(n)) {
            n = name + " (" + k++ + ")";
        }
        return n;
    }
}
