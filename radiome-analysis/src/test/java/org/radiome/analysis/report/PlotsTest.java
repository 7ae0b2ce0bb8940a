package org.radiome.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.radiome.analysis.survival.KaplanMeier;
import org.radiome.analysis.survival.SurvivalData;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Each plot is parsed as XML; marks are checked against pixel positions computed by hand from the plot
 * area and the data domain (the nice-number axis worked out in each test's comment).
 */
class PlotsTest {
    private static final double PX = 0.006; // coordinates are written with two decimals

    private static void assertPoint(double[] actual, double[] expected) {
        assertThat(actual[0]).isCloseTo(expected[0], within(PX));
        assertThat(actual[1]).isCloseTo(expected[1], within(PX));
    }

    private static void assertNoNonFinite(String svg) {
        assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity");
    }

    // ---- ROC ----------------------------------------------------------------------------------------

    @Test
    void roc_points_land_on_the_unit_square_in_rate_order_with_the_diagonal() {
        double[] fpr = {0, 0.5, 0.25, 1, 0};
        double[] tpr = {0, 0.75, 0.5, 1, 0.25};
        String svg = Plots.roc(fpr, tpr, 0.8125, 0.70, 0.90);
        Document d = Xml.parse(svg);
        double[] a = Xml.area(d);
        assertThat(a[2]).isEqualTo(a[3]); // square
        List<double[]> pts = Xml.points(Xml.one(d, "//polyline[@class='curve']"));
        double[][] expected = {{0, 0}, {0, 0.25}, {0.25, 0.5}, {0.5, 0.75}, {1, 1}};
        assertThat(pts).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) assertPoint(pts.get(i), Xml.pixel(a, 0, 1, 0, 1, expected[i][0], expected[i][1]));
        Element diag = Xml.one(d, "//line[@class='diagonal']");
        assertPoint(new double[] {Xml.num(diag, "x1"), Xml.num(diag, "y1")}, new double[] {a[0], a[1] + a[3]});
        assertPoint(new double[] {Xml.num(diag, "x2"), Xml.num(diag, "y2")}, new double[] {a[0] + a[2], a[1]});
        assertThat(Xml.ticks(d, "x-axis")).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
        assertThat(d.getDocumentElement().getTextContent()).contains("AUC 0.813 (95 % CI 0.700\u20130.900)");
        assertThat(Xml.one(d, "/svg/title").getTextContent()).isEqualTo("ROC curve");
    }

    @Test
    void roc_band_runs_along_the_upper_limits_and_back_along_the_lower_skipping_missing_ones() {
        double[] grid = {0, 0.5, 0.8, 1}, lower = {0, 0.4, Double.NaN, 1}, upper = {0.2, 0.9, 0.95, 1};
        String svg = Plots.roc(new double[] {0, 1}, new double[] {0, 1}, 0.5, Double.NaN, Double.NaN, grid, lower, upper);
        assertNoNonFinite(svg);
        Document d = Xml.parse(svg);
        double[] a = Xml.area(d);
        List<double[]> band = Xml.points(Xml.one(d, "//polygon[@class='band']"));
        double[][] expected = {{0, 0.2}, {0.5, 0.9}, {1, 1}, {1, 1}, {0.5, 0.4}, {0, 0}};
        assertThat(band).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) assertPoint(band.get(i), Xml.pixel(a, 0, 1, 0, 1, expected[i][0], expected[i][1]));
        String text = d.getDocumentElement().getTextContent();
        assertThat(text).contains("AUC 0.500").doesNotContain("CI 0").contains("1 band points with missing limits left out");
    }

    @Test
    void roc_rejects_rates_outside_the_unit_interval_and_nan() {
        assertThatThrownBy(() -> Plots.roc(new double[] {0, Double.NaN}, new double[] {0, 1}, 0.5, 0.4, 0.6))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("roc");
        assertThatThrownBy(() -> Plots.roc(new double[] {0, 1.5}, new double[] {0, 1}, 0.5, 0.4, 0.6))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Plots.roc(new double[] {0, 1}, new double[] {0, 1}, Double.NaN, 0.4, 0.6))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AUC");
        assertThatThrownBy(() -> Plots.roc(new double[] {0}, new double[] {0}, 0.5, 0.4, 0.6))
            .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- volcano ----------------------------------------------------------------------------------------

    private static List<Plots.VolcanoPoint> volcanoData() {
        return List.of(
            new Plots.VolcanoPoint("shape_sphericity", -0.8, 0.02, 0.03),
            new Plots.VolcanoPoint("glcm_<contrast> & co", 0.5, 0.001, 0.003),
            new Plots.VolcanoPoint("firstorder_mean", 0.1, 0.5, 0.5));
    }

    @Test
    void volcano_points_threshold_and_axes_follow_the_data() {
        Document d = Xml.parse(Plots.volcano(volcanoData(), 0.05));
        double[] a = Xml.area(d);
        // x: max |effect| 0.8 -> nice ticks -1..1 by 0.5; y: max -log10 p = 3 -> 0..3 by 1
        assertThat(Xml.ticks(d, "x-axis")).containsExactly("\u22121.0", "\u22120.5", "0.0", "0.5", "1.0");
        assertThat(Xml.ticks(d, "y-axis")).containsExactly("0", "1", "2", "3");
        List<Element> circles = Xml.all(d, "//g[@class='points']/circle");
        assertThat(circles).hasSize(3);
        Element contrast = circles.stream().filter(c -> c.getTextContent().startsWith("glcm_<contrast> & co")).findFirst().orElseThrow();
        assertPoint(new double[] {Xml.num(contrast, "cx"), Xml.num(contrast, "cy")}, Xml.pixel(a, -1, 1, 0, 3, 0.5, 3));
        assertThat(contrast.getAttribute("class")).isEqualTo("point significant");
        assertThat(contrast.getAttribute("fill")).isEqualTo(Plots.POSITIVE);
        Element sphericity = circles.stream().filter(c -> c.getTextContent().startsWith("shape_sphericity")).findFirst().orElseThrow();
        assertThat(sphericity.getAttribute("fill")).isEqualTo(Plots.NEGATIVE);
        Element mean = circles.stream().filter(c -> c.getTextContent().startsWith("firstorder_mean")).findFirst().orElseThrow();
        assertThat(mean.getAttribute("class")).isEqualTo("point");
        assertPoint(new double[] {Xml.num(mean, "cx"), Xml.num(mean, "cy")}, Xml.pixel(a, -1, 1, 0, 3, 0.1, -Math.log10(0.5)));
        // the largest p still significant is 0.02: line at -log10 0.02
        Element threshold = Xml.one(d, "//line[@class='threshold']");
        assertThat(Xml.num(threshold, "y1")).isCloseTo(Xml.pixel(a, -1, 1, 0, 3, 0, -Math.log10(0.02))[1], within(PX));
        // both significant points labelled, the non-significant one not
        List<String> labels = Xml.all(d, "//text[@class='point-label']").stream().map(Element::getTextContent).toList();
        assertThat(labels).containsExactlyInAnyOrder("glcm_<contrast> & co", "shape_sphericity");
    }

    @Test
    void volcano_labels_only_the_top_ones_by_p() {
        Document d = Xml.parse(Plots.volcano(volcanoData(), 0.05, "Spearman \u03C1", 1));
        assertThat(Xml.all(d, "//text[@class='point-label']")).singleElement()
            .satisfies(e -> assertThat(e.getTextContent()).isEqualTo("glcm_<contrast> & co"));
        assertThat(d.getDocumentElement().getTextContent()).contains("Spearman \u03C1");
    }

    @Test
    void volcano_escapes_names_and_survives_control_characters() {
        List<Plots.VolcanoPoint> pts = new ArrayList<>(volcanoData());
        pts.add(new Plots.VolcanoPoint("bad\u0001name\"'", 0.2, 0.3, 0.4));
        String svg = Plots.volcano(pts, 0.05);
        assertThat(svg).contains("glcm_&lt;contrast&gt; &amp; co").doesNotContain("glcm_<contrast>");
        Document d = Xml.parse(svg);
        assertThat(d.getDocumentElement().getTextContent()).contains("bad\uFFFDname\"'");
    }

    @Test
    void volcano_skips_nan_points_with_a_note_and_draws_p_zero_at_the_top() {
        List<Plots.VolcanoPoint> pts = new ArrayList<>(volcanoData());
        pts.add(new Plots.VolcanoPoint("constant_feature", Double.NaN, Double.NaN, Double.NaN));
        pts.add(new Plots.VolcanoPoint("infinite", Double.POSITIVE_INFINITY, 0.1, 0.2));
        pts.add(new Plots.VolcanoPoint("underflow", 0.3, 0.0, 0.0));
        String svg = Plots.volcano(pts, 0.05);
        assertNoNonFinite(svg);
        Document d = Xml.parse(svg);
        assertThat(Xml.all(d, "//g[@class='points']/circle")).hasSize(3);
        Element tri = Xml.one(d, "//polygon[@class='point significant p-zero']");
        double[] a = Xml.area(d);
        assertThat(Xml.points(tri).stream().mapToDouble(p -> p[1]).min().orElseThrow()).isBetween(a[1], a[1] + 10);
        assertThat(Xml.one(d, "//text[@class='note']").getTextContent())
            .contains("2 of 6 without a finite effect or p not shown").contains("p = 0");
    }

    @Test
    void volcano_without_significant_points_says_so_and_has_no_threshold_line() {
        Document d = Xml.parse(Plots.volcano(List.of(new Plots.VolcanoPoint("a", 0.1, 0.4, 0.8), new Plots.VolcanoPoint("b", -0.1, 0.6, 0.8)), 0.05));
        assertThat(Xml.all(d, "//line[@class='threshold']")).isEmpty();
        assertThat(Xml.one(d, "//text[@class='note']").getTextContent()).contains("No association reaches q \u2264 0.05");
    }

    @Test
    void volcano_rejects_empty_all_nan_and_invalid_probabilities() {
        assertThatThrownBy(() -> Plots.volcano(List.of(), 0.05)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no points");
        assertThatThrownBy(() -> Plots.volcano(List.of(new Plots.VolcanoPoint("x", Double.NaN, Double.NaN, Double.NaN)), 0.05))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> new Plots.VolcanoPoint("x", 1, 1.5, 0.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
        assertThatThrownBy(() -> Plots.volcano(volcanoData(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- heatmap ----------------------------------------------------------------------------------------

    @Test
    void heatmap_cells_form_a_grid_coloured_on_the_diverging_scale() {
        List<String> rows = List.of("f1", "f2 <x>"), cols = List.of("age", "kras", "site&scanner");
        double[][] v = {{-1, 0, 1}, {0.5, Double.NaN, 7}};
        String svg = Plots.heatmap(rows, cols, v, -1, 1, "Spearman \u03C1");
        assertNoNonFinite(svg);
        Document d = Xml.parse(svg);
        List<Element> cells = Xml.all(d, "//rect[@class='cell']");
        assertThat(cells).hasSize(6);
        Element first = cells.get(0);
        double x0 = Xml.num(first, "x"), y0 = Xml.num(first, "y"), w = Xml.num(first, "width"), h = Xml.num(first, "height");
        for (Element c : cells) {
            int i = Integer.parseInt(c.getAttribute("data-row")), j = Integer.parseInt(c.getAttribute("data-col"));
            assertThat(Xml.num(c, "x")).isCloseTo(x0 + j * w, within(PX));
            assertThat(Xml.num(c, "y")).isCloseTo(y0 + i * h, within(PX));
        }
        // ColorBrewer RdBu end points and centre; 7 beyond max is clamped to the end colour; NaN grey
        assertThat(cells.stream().map(c -> c.getAttribute("fill")).toList())
            .containsExactly("#2166ac", "#f7f7f7", "#b2182b", "#f4a582", "#d9d9d9", "#b2182b");
        assertThat(cells.get(5).getTextContent()).isEqualTo("f2 <x> \u00D7 site&scanner: 7");
        assertThat(cells.get(4).getTextContent()).endsWith(": NA");
        assertThat(Xml.all(d, "//text[@class='legend-na']")).hasSize(1);
        assertThat(Xml.all(d, "//text[@class='row-label']").stream().map(e -> e.getLastChild().getTextContent()).toList())
            .containsExactly("f1", "f2 <x>");
        assertThat(Xml.all(d, "//text[@class='legend-tick']").stream().map(Element::getTextContent).toList())
            .containsExactly("\u22121.0", "\u22120.5", "0.0", "0.5", "1.0");
        assertThat(Xml.one(d, "/svg/title").getTextContent()).isEqualTo("Spearman \u03C1");
    }

    @Test
    void heatmap_rejects_infinite_values_and_shape_mismatches() {
        assertThatThrownBy(() -> Plots.heatmap(List.of("a"), List.of("b"), new double[][] {{Double.NEGATIVE_INFINITY}}, -1, 1, "t"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("infinite");
        assertThatThrownBy(() -> Plots.heatmap(List.of("a", "b"), List.of("c"), new double[][] {{1}}, -1, 1, "t"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Plots.heatmap(List.of("a"), List.of("c", "d"), new double[][] {{1}}, -1, 1, "t"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row a");
        assertThatThrownBy(() -> Plots.heatmap(List.of("a"), List.of("c"), new double[][] {{1}}, 1, 1, "t"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- calibration --------------------------------------------------------------------------------------

    @Test
    void calibration_bins_sit_at_predicted_versus_observed_sized_by_count() {
        double[] pred = {0.6, 0.2, 0.4}, obs = {0.7, 0.1, Double.NaN};
        int[] n = {25, 100, 0};
        String svg = Plots.calibration(pred, obs, n);
        assertNoNonFinite(svg);
        Document d = Xml.parse(svg);
        double[] a = Xml.area(d);
        List<Element> bins = Xml.all(d, "//circle[@class='bin']");
        assertThat(bins).hasSize(2);
        // sorted by predicted: 0.2 first; radius 12 * sqrt(n / max n)
        assertPoint(new double[] {Xml.num(bins.get(0), "cx"), Xml.num(bins.get(0), "cy")}, Xml.pixel(a, 0, 1, 0, 1, 0.2, 0.1));
        assertPoint(new double[] {Xml.num(bins.get(1), "cx"), Xml.num(bins.get(1), "cy")}, Xml.pixel(a, 0, 1, 0, 1, 0.6, 0.7));
        assertThat(Xml.num(bins.get(0), "r")).isEqualTo(12);
        assertThat(Xml.num(bins.get(1), "r")).isEqualTo(6);
        assertThat(Xml.all(d, "//text[@class='bin-label']").stream().map(Element::getTextContent).toList()).containsExactly("n=100", "n=25");
        Element id = Xml.one(d, "//line[@class='identity']");
        assertThat(Xml.num(id, "x1")).isEqualTo(a[0]);
        assertThat(Xml.num(id, "y2")).isEqualTo(a[1]);
        assertThat(Xml.one(d, "//text[@class='note']").getTextContent()).contains("1 empty bins");
    }

    @Test
    void calibration_rejects_probabilities_outside_the_unit_interval_and_all_empty_bins() {
        assertThatThrownBy(() -> Plots.calibration(new double[] {1.2}, new double[] {0.5}, new int[] {3}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bin 0");
        assertThatThrownBy(() -> Plots.calibration(new double[] {0.5}, new double[] {0.5}, new int[] {0}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no bin");
        assertThatThrownBy(() -> Plots.calibration(new double[] {0.5}, new double[] {0.5, 0.2}, new int[] {1}))
            .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- Kaplan–Meier ------------------------------------------------------------------------------------

    @Test
    void km_step_curve_goes_through_the_corners_with_censor_ticks_and_numbers_at_risk() {
        Plots.Curve c = new Plots.Curve("high risk", new double[] {1, 2, 4}, new double[] {0.8, 0.5, 0.5},
            null, null, new double[] {4, 5}, new double[] {0.5, 0.5});
        Plots.AtRisk r = new Plots.AtRisk(new double[] {1, 2, 4, 5}, new int[] {10, 8, 5, 2});
        String svg = Plots.kaplanMeier(List.of(c), "Months", List.of(r));
        Document d = Xml.parse(svg);
        double[] a = Xml.area(d);
        // x: 0..5 (the last censoring) -> ticks 0..5 by 1; y 0..1
        assertThat(Xml.ticks(d, "x-axis")).containsExactly("0", "1", "2", "3", "4", "5");
        List<double[]> pts = Xml.points(Xml.one(d, "//polyline[@class='curve']"));
        double[][] corners = {{0, 1}, {1, 1}, {1, 0.8}, {2, 0.8}, {2, 0.5}, {4, 0.5}, {5, 0.5}};
        assertThat(pts).hasSize(corners.length);
        for (int i = 0; i < corners.length; i++) assertPoint(pts.get(i), Xml.pixel(a, 0, 5, 0, 1, corners[i][0], corners[i][1]));
        List<Element> ticks = Xml.all(d, "//line[@class='censor']");
        assertThat(ticks).hasSize(2);
        double[] c5 = Xml.pixel(a, 0, 5, 0, 1, 5, 0.5);
        assertThat(Xml.num(ticks.get(1), "x1")).isCloseTo(c5[0], within(PX));
        assertThat((Xml.num(ticks.get(1), "y1") + Xml.num(ticks.get(1), "y2")) / 2).isCloseTo(c5[1], within(PX));
        // at risk at t = 0..5: everyone (10) until the first time, then n.risk of the first time >= t
        assertThat(Xml.all(d, "//text[@class='at-risk-count']").stream().map(Element::getTextContent).toList())
            .containsExactly("10", "10", "8", "5", "5", "2");
        assertThat(d.getDocumentElement().getTextContent()).contains("Months").contains("high risk").contains("Number at risk");
    }

    @Test
    void km_band_is_a_step_polygon_that_stops_where_the_limits_are_undefined() {
        Plots.Curve c = new Plots.Curve("all", new double[] {1, 2, 3}, new double[] {0.5, 0.25, 0},
            new double[] {0.3, 0.1, Double.NaN}, new double[] {0.7, 0.5, Double.NaN}, null, null);
        String svg = Plots.kaplanMeier(List.of(c), "Days");
        assertNoNonFinite(svg);
        Document d = Xml.parse(svg);
        double[] a = Xml.area(d);
        // x: 0..3 -> nice range 5, rough step 5/6 rounds to 1 -> ticks 0..3 by 1
        assertThat(Xml.ticks(d, "x-axis")).containsExactly("0", "1", "2", "3");
        List<double[]> band = Xml.points(Xml.one(d, "//polygon[@class='band']"));
        double[][] expected = {{0, 1}, {1, 1}, {1, 0.7}, {2, 0.7}, {2, 0.5}, {3, 0.5},
                               {3, 0.1}, {2, 0.1}, {2, 0.3}, {1, 0.3}, {1, 1}, {0, 1}};
        assertThat(band).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) assertPoint(band.get(i), Xml.pixel(a, 0, 3, 0, 1, expected[i][0], expected[i][1]));
        assertThat(Xml.one(d, "//text[@class='note']").getTextContent()).contains("undefined");
    }

    @Test
    void km_curve_from_a_fitted_estimate_has_censor_ticks_at_censored_times() {
        // times 1,2,3,4 with the 2 and 4 censored: S = 3/4 at 1, 3/4 * 1/2 at 3
        KaplanMeier km = KaplanMeier.fit(new SurvivalData(new double[] {1, 2, 3, 4}, new boolean[] {true, false, true, false}));
        Plots.Curve c = Plots.Curve.of("cohort", km);
        assertThat(c.censorTimes()).containsExactly(2, 4);
        assertThat(c.censorSurv()).containsExactly(0.75, 0.375);
        assertThat(Plots.AtRisk.of(km).at(2.5)).isEqualTo(2);
        Xml.parse(Plots.kaplanMeier(List.of(c, Plots.Curve.of("again", km)), "Years", List.of(Plots.AtRisk.of(km), Plots.AtRisk.of(km))));
    }

    @Test
    void km_rejects_malformed_curves() {
        assertThatThrownBy(() -> new Plots.Curve("x", new double[] {}, new double[] {}, null, null, null, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
        assertThatThrownBy(() -> new Plots.Curve("x", new double[] {2, 1}, new double[] {1, 0.5}, null, null, null, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-decreasing");
        assertThatThrownBy(() -> new Plots.Curve("x", new double[] {1}, new double[] {Double.NaN}, null, null, null, null))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Plots.Curve("x", new double[] {-1}, new double[] {1}, null, null, null, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> new Plots.Curve("x", new double[] {1}, new double[] {1}, null, null, new double[] {Double.NaN}, new double[] {1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("censor");
        assertThatThrownBy(() -> Plots.kaplanMeier(List.of(), "t")).isInstanceOf(IllegalArgumentException.class);
    }
}
