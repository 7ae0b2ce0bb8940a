package org.radiome.analysis.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.radiome.analysis.survival.KaplanMeier;

/**
 * The plots of a radiomics study report, each returned as one self-contained {@code <svg>} element (SVG 1.1,
 * namespaced, so it can stand alone as an .svg file or sit inline in {@link HtmlReport}): volcano and heatmap
 * of associations, ROC with the AUC's confidence interval, calibration, and Kaplan–Meier curves with numbers
 * at risk. Every plot carries an accessible {@code <title>} and {@code <desc>}, marks carry tooltips, and
 * axes use "nice number" ticks ({@link Ticks}).
 *
 * <p><b>Why hand-written SVG.</b> No well-kept Java library writes small, dependency-free, self-contained SVG
 * charts. The alternative, JFreeChart with JFreeSVG, would add two dependencies and java.desktop (AWT) to draw
 * through Graphics2D, giving verbose SVG with a clip path and style per element, no accessible title per
 * figure or tooltip per point, and none of these radiomics plots ready-made (volcano with BH threshold,
 * numbers at risk, calibration by count): we would still lay them out by hand. The markup needed here is a
 * few element types, written by {@link Svg}, which escapes all text and refuses non-finite coordinates.
 *
 * <p><b>Bad input.</b> Inputs whose shape is wrong (lengths differ, empty, probabilities outside [0, 1],
 * infinite values where a finite one is needed) throw an {@link IllegalArgumentException} naming the problem.
 * Missing values (NaN) that occur in real results — a test that could not be computed, an empty calibration
 * bin, a confidence limit that R reports as NA — are skipped and counted in a note on the plot, so the SVG
 * never contains a NaN coordinate. Static methods, no state: thread-safe.
 */
public final class Plots {
    private Plots() { }

    /** One feature-variable association: effect (difference of means, r, rho, log HR…), p and BH q. */
    public record VolcanoPoint(String label, double effect, double p, double q) {
        public VolcanoPoint {
            Objects.requireNonNull(label, "label");
            if (p < 0 || p > 1) throw new IllegalArgumentException("volcano point " + label + ": p = " + p + " is outside [0, 1]");
            if (q < 0 || q > 1) throw new IllegalArgumentException("volcano point " + label + ": q = " + q + " is outside [0, 1]");
        }
    }

    /**
     * One survival curve as survfit lists it: S(t) = 1 before {@code time[0]}, {@code surv[i]} from
     * {@code time[i]} on; {@code lower}/{@code upper} its pointwise confidence limits (null for no band; NaN
     * where undefined, e.g. after S reaches 0); {@code censorTimes}/{@code censorSurv} where censor ticks go
     * (null or empty for none).
     */
    public record Curve(String label, double[] time, double[] surv, double[] lower, double[] upper,
                        double[] censorTimes, double[] censorSurv) {
        public Curve {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(surv, "surv");
            if (time.length == 0) throw new IllegalArgumentException("survival curve " + label + " has no time points");
            if (surv.length != time.length) throw new IllegalArgumentException("survival curve " + label + ": time and surv differ in length");
            if ((lower == null) != (upper == null)) throw new IllegalArgumentException("survival curve " + label + ": give both lower and upper or neither");
            if (lower != null && (lower.length != time.length || upper.length != time.length)) {
                throw new IllegalArgumentException("survival curve " + label + ": lower/upper differ in length from time");
            }
            if (censorTimes == null) censorTimes = new double[0];
            if (censorSurv == null) censorSurv = new double[0];
            if (censorTimes.length != censorSurv.length) throw new IllegalArgumentException("survival curve " + label + ": censorTimes and censorSurv differ in length");
            for (int i = 0; i < time.length; i++) {
                if (!(time[i] >= 0 && time[i] < Double.POSITIVE_INFINITY) || (i > 0 && time[i] < time[i - 1])) {
                    throw new IllegalArgumentException("survival curve " + label + ": times must be finite, non-negative and non-decreasing, found " + time[i]);
                }
                if (!(surv[i] >= 0 && surv[i] <= 1)) throw new IllegalArgumentException("survival curve " + label + ": survival " + surv[i] + " is outside [0, 1]");
            }
            for (int i = 0; i < censorTimes.length; i++) {
                if (!(censorTimes[i] >= 0 && censorTimes[i] < Double.POSITIVE_INFINITY) || !(censorSurv[i] >= 0 && censorSurv[i] <= 1)) {
                    throw new IllegalArgumentException("survival curve " + label + ": censor mark (" + censorTimes[i] + ", " + censorSurv[i] + ") is not a finite non-negative time with survival in [0, 1]");
                }
            }
        }

        /** The curve of a fitted {@link KaplanMeier}, with its log-type CI and a censor tick at each time with censoring. */
        public static Curve of(String label, KaplanMeier km) {
            int m = 0;
            for (int c : km.nCensor()) if (c > 0) m++;
            double[] ct = new double[m], cs = new double[m];
            for (int i = 0, k = 0; i < km.time().length; i++) {
                if (km.nCensor()[i] > 0) { ct[k] = km.time()[i]; cs[k++] = km.surv()[i]; }
            }
            return new Curve(label, km.time(), km.surv(), km.lower(), km.upper(), ct, cs);
        }
    }

    /** Numbers at risk of one curve: {@code nRisk[i]} subjects still at risk just before {@code time[i]}, as survfit's n.risk. */
    public record AtRisk(double[] time, int[] nRisk) {
        public AtRisk {
            if (time.length != nRisk.length) throw new IllegalArgumentException("at-risk time and nRisk differ in length");
        }

        public static AtRisk of(KaplanMeier km) { return new AtRisk(km.time(), km.nRisk()); }

        /** Subjects at risk at time t: those whose time is at least t, i.e. n.risk at the first listed time >= t. */
        public int at(double t) {
            for (int i = 0; i < time.length; i++) if (time[i] >= t) return nRisk[i];
            return 0;
        }
    }

    // ---- layout shared by the plots ---------------------------------------------------------------------

    static final double MARGIN_LEFT = 72, MARGIN_TOP = 44, AXIS_SPACE = 58;
    static final String POSITIVE = "#b2182b", NEGATIVE = "#2166ac", NEUTRAL = "#9e9e9e";
    /** Okabe–Ito colour-blind-safe palette for curves. */
    static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"};
    private static final int MAX_LABEL = 32;

    /** The plot area in pixels. */
    record Area(double x, double y, double w, double h) {
        double bottom() { return y + h; }
        double right() { return x + w; }
    }

    /** A linear map from data [d0, d1] to pixels [r0, r1]. */
    record Scale(double d0, double d1, double r0, double r1) {
        double at(double v) { return r0 + (v - d0) / (d1 - d0) * (r1 - r0); }
    }

    // ---- volcano ---------------------------------------------------------------------------------------

    /** Volcano plot with effect on x, labelling the ten smallest p among q <= qThreshold. */
    public static String volcano(List<VolcanoPoint> points, double qThreshold) {
        return volcano(points, qThreshold, "Effect", 10);
    }

    /**
     * Volcano plot: effect against −log10 p. Points with q <= qThreshold are coloured by the effect's sign
     * and the {@code labelTop} with the smallest p are labelled; the dashed line marks the p at which BH
     * reaches the threshold (the largest p still significant). Points with a non-finite effect or p are
     * skipped with a note; p = 0 (beyond double precision) is drawn as a triangle at the top of the axis.
     */
    public static String volcano(List<VolcanoPoint> points, double qThreshold, String effectLabel, int labelTop) {
        Objects.requireNonNull(points, "points");
        if (!(qThreshold > 0 && qThreshold <= 1)) throw new IllegalArgumentException("volcano: q threshold " + qThreshold + " is not in (0, 1]");
        if (labelTop < 0) throw new IllegalArgumentException("volcano: labelTop must be >= 0, was " + labelTop);
        if (points.isEmpty()) throw new IllegalArgumentException("volcano: no points to plot");
        List<VolcanoPoint> shown = new ArrayList<>();
        for (VolcanoPoint v : points) if (Double.isFinite(v.effect()) && !Double.isNaN(v.p())) shown.add(v);
        int skipped = points.size() - shown.size();
        if (shown.isEmpty()) throw new IllegalArgumentException("volcano: none of the " + points.size() + " points has a finite effect and p");

        double maxAbs = 0, maxY = 0, pCut = Double.NaN;
        boolean zeroP = false;
        for (VolcanoPoint v : shown) {
            maxAbs = Math.max(maxAbs, Math.abs(v.effect()));
            if (v.p() > 0) maxY = Math.max(maxY, -Math.log10(v.p()));
            else zeroP = true;
            if (significant(v, qThreshold) && !(pCut >= v.p())) pCut = v.p();
        }
        double yData = Math.max(maxY, pCut > 0 ? -Math.log10(pCut) : 0);
        Ticks xt = Ticks.covering(-maxAbs, maxAbs, 7);
        Ticks yt = Ticks.covering(0, yData > 0 ? yData * (zeroP ? 1.08 : 1) : 1, 6);
        double width = 600, height = 460;
        Area a = new Area(MARGIN_LEFT, MARGIN_TOP, width - MARGIN_LEFT - 24, height - MARGIN_TOP - AXIS_SPACE - (skipped > 0 || zeroP || Double.isNaN(pCut) ? 16 : 0));
        Scale sx = new Scale(xt.lo(), xt.hi(), a.x(), a.right()), sy = new Scale(yt.lo(), yt.hi(), a.bottom(), a.y());
        int nSig = 0;
        for (VolcanoPoint v : shown) if (significant(v, qThreshold)) nSig++;

        String q = fmt(qThreshold);
        Svg svg = new Svg(width, height, "volcano", "Volcano plot",
            shown.size() + " associations, " + effectLabel + " against -log10 p; " + nSig + " with q <= " + q + " highlighted"
                + (skipped > 0 ? "; " + skipped + " without a finite effect or p not shown" : ""));
        axes(svg, width, a, xt, yt, sx, sy, "Volcano plot", effectLabel, "\u2212log\u2081\u2080 p");
        svg.line(sx.at(0), a.y(), sx.at(0), a.bottom(), "zero-line", "stroke=\"#bdbdbd\" stroke-dasharray=\"2 3\"");
        if (pCut > 0) {
            double yc = sy.at(-Math.log10(pCut));
            svg.line(a.x(), yc, a.right(), yc, "threshold", "stroke=\"" + POSITIVE + "\" stroke-dasharray=\"6 4\" stroke-width=\"1\"");
            svg.text(a.right() - 4, yc - 4, "end", "q = " + q, "threshold-label", "fill=\"" + POSITIVE + "\" font-size=\"11\"");
        }

        // non-significant first so highlighted points are drawn on top
        List<VolcanoPoint> order = new ArrayList<>(shown);
        order.sort(Comparator.comparing((VolcanoPoint v) -> significant(v, qThreshold)).thenComparing(v -> -v.p()));
        svg.group("points");
        for (VolcanoPoint v : order) {
            boolean sig = significant(v, qThreshold);
            String colour = !sig ? NEUTRAL : v.effect() >= 0 ? POSITIVE : NEGATIVE;
            String tip = v.label() + ": " + effectLabel + " " + fmt(v.effect()) + ", p " + fmt(v.p()) + ", q " + fmt(v.q());
            double px = sx.at(v.effect());
            String cls = sig ? "point significant" : "point";
            String style = "fill=\"" + colour + "\" fill-opacity=\"" + (sig ? "0.9" : "0.55") + "\"";
            if (v.p() > 0) {
                svg.circle(px, sy.at(-Math.log10(v.p())), sig ? 3.6 : 3, cls, style, tip);
            } else {
                double py = a.y() + 4;
                svg.polygon(new double[] {px - 4, px + 4, px}, new double[] {py + 4, py + 4, py - 3}, 3, cls + " p-zero", style);
            }
        }
        svg.endGroup();

        List<VolcanoPoint> top = new ArrayList<>();
        for (VolcanoPoint v : shown) if (significant(v, qThreshold)) top.add(v);
        top.sort(Comparator.comparingDouble(VolcanoPoint::p).thenComparing(v -> -Math.abs(v.effect())));
        svg.group("labels");
        List<double[]> placed = new ArrayList<>();
        for (VolcanoPoint v : top.subList(0, Math.min(labelTop, top.size()))) {
            double px = sx.at(v.effect()), py = v.p() > 0 ? sy.at(-Math.log10(v.p())) : a.y() + 4;
            String text = shorten(v.label());
            double tw = text.length() * 5.6 + 2;
            boolean right = px < a.x() + a.w() * 0.6;
            double x0 = right ? px + 6 : px - 6 - tw;
            for (double dy : new double[] {0, -12, 12, -24, 24}) {
                double ty = Math.min(a.bottom() - 2, Math.max(a.y() + 10, py + 4 + dy));
                double[] box = {x0, ty - 9, tw, 11};
                if (placed.stream().noneMatch(b -> overlaps(b, box))) {
                    placed.add(box);
                    if (dy != 0) svg.line(px, py, right ? x0 : x0 + tw, ty - 4, null, "stroke=\"#757575\" stroke-width=\"0.6\"");
                    svg.text(right ? x0 : x0 + tw, ty, right ? "start" : "end", text, "point-label", "font-size=\"10\" fill=\"#212121\"");
                    break;
                }
            }
        }
        svg.endGroup();

        legend(svg, a.x() + 8, a.y() + 8, List.of(
            new LegendEntry("q \u2264 " + q + ", positive (" + count(shown, qThreshold, 1) + ")", POSITIVE, "dot"),
            new LegendEntry("q \u2264 " + q + ", negative (" + count(shown, qThreshold, -1) + ")", NEGATIVE, "dot"),
            new LegendEntry("not significant (" + (shown.size() - nSig) + ")", NEUTRAL, "dot")));
        List<String> notes = new ArrayList<>();
        if (Double.isNaN(pCut)) notes.add("No association reaches q \u2264 " + q + ".");
        if (zeroP) notes.add("\u25B2 p = 0 (below double precision), drawn at the top.");
        if (skipped > 0) notes.add(skipped + " of " + points.size() + " without a finite effect or p not shown.");
        note(svg, a, notes);
        return svg.end();
    }

    private static boolean significant(VolcanoPoint v, double qThreshold) { return v.q() <= qThreshold; }

    private static int count(List<VolcanoPoint> points, double qThreshold, int sign) {
        int n = 0;
        for (VolcanoPoint v : points) if (significant(v, qThreshold) && (sign > 0 ? v.effect() >= 0 : v.effect() < 0)) n++;
        return n;
    }

    private static boolean overlaps(double[] a, double[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    // ---- heatmap ---------------------------------------------------------------------------------------

    /**
     * Heatmap of {@code values[row][column]} on a diverging blue–white–red scale from {@code min} to
     * {@code max} (white at their midpoint; values beyond are drawn at the end colour and keep their true
     * value in the tooltip), with a colour bar. NaN cells are drawn grey and listed as NA in the legend;
     * an infinite value is an error.
     */
    public static String heatmap(List<String> rows, List<String> columns, double[][] values, double min, double max, String title) {
        return heatmap(rows, columns, values, min, max, title, null, null);
    }

    /**
     * The heatmap with a dot in each cell where {@code marked[row][column]} is true (for example the
     * significant associations), explained by {@code markLabel} under the colour bar; {@code marked} may be null.
     */
    public static String heatmap(List<String> rows, List<String> columns, double[][] values, double min, double max, String title,
                                 boolean[][] marked, String markLabel) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(values, "values");
        if (rows.isEmpty() || columns.isEmpty()) throw new IllegalArgumentException("heatmap: needs at least one row and one column");
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) throw new IllegalArgumentException("heatmap: colour range [" + min + ", " + max + "] is not a finite interval");
        if (values.length != rows.size()) throw new IllegalArgumentException("heatmap: " + rows.size() + " row labels but " + values.length + " rows of values");
        int nr = rows.size(), nc = columns.size(), missing = 0;
        for (int i = 0; i < nr; i++) {
            if (values[i] == null || values[i].length != nc) throw new IllegalArgumentException("heatmap: row " + rows.get(i) + " has " + (values[i] == null ? 0 : values[i].length) + " values, expected " + nc);
            for (double v : values[i]) {
                if (Double.isInfinite(v)) throw new IllegalArgumentException("heatmap: row " + rows.get(i) + " has an infinite value");
                if (Double.isNaN(v)) missing++;
            }
        }
        String heading = title == null || title.isBlank() ? "Heatmap" : title;
        double cw = Math.max(6, Math.min(44, 520.0 / nc)), ch = Math.max(6, Math.min(22, 640.0 / nr));
        double rowFont = Math.min(11, ch - 1), colFont = Math.min(11, cw - 1);
        int rowChars = rows.stream().mapToInt(s -> shorten(s).length()).max().orElse(1);
        int colChars = columns.stream().mapToInt(s -> shorten(s).length()).max().orElse(1);
        double left = 16 + rowChars * rowFont * 0.58, colSpace = 14 + colChars * colFont * 0.58 * 0.72;
        Area a = new Area(left, MARGIN_TOP, nc * cw, nr * ch);
        if (marked != null && (marked.length != nr || java.util.Arrays.stream(marked).anyMatch(m -> m == null || m.length != nc))) {
            throw new IllegalArgumentException("heatmap: the marks must have the values' " + nr + " rows and " + nc + " columns");
        }
        double legendX = a.right() + 24, width = legendX + (marked == null ? 90 : 150), height = Math.max(a.bottom() + colSpace + (missing > 0 ? 22 : 6), MARGIN_TOP + 230);

        Svg svg = new Svg(width, height, "heatmap", heading,
            nr + " rows by " + nc + " columns, colour from " + fmt(min) + " (blue) to " + fmt(max) + " (red)"
                + (missing > 0 ? "; " + missing + " missing cells in grey" : ""));
        svg.text(width / 2, 24, "middle", heading, "plot-title", "font-size=\"15\" font-weight=\"600\"");
        svg.group("cells");
        for (int i = 0; i < nr; i++) {
            for (int j = 0; j < nc; j++) {
                double v = values[i][j];
                String fill = Double.isNaN(v) ? "#d9d9d9" : diverging(v, min, max);
                svg.rect(a.x() + j * cw, a.y() + i * ch, cw, ch, "cell", "data-row=\"" + i + "\" data-col=\"" + j + "\" fill=\"" + fill + "\" stroke=\"#ffffff\" stroke-width=\"0.5\"",
                    rows.get(i) + " \u00D7 " + columns.get(j) + ": " + (Double.isNaN(v) ? "NA" : fmt(v)));
            }
        }
        svg.endGroup();
        if (marked != null) {
            svg.group("marks");
            double r = Math.max(1.5, Math.min(cw, ch) * 0.18);
            for (int i = 0; i < nr; i++) {
                for (int j = 0; j < nc; j++) {
                    if (marked[i][j]) svg.circle(a.x() + (j + 0.5) * cw, a.y() + (i + 0.5) * ch, r, "mark", "fill=\"#000000\"", null);
                }
            }
            svg.endGroup();
        }
        svg.group("row-labels");
        for (int i = 0; i < nr; i++) {
            svg.text(a.x() - 4, a.y() + (i + 0.5) * ch + rowFont * 0.35, "end", shorten(rows.get(i)), "row-label",
                "font-size=\"" + Svg.num(rowFont) + "\"", rows.get(i));
        }
        svg.endGroup();
        svg.group("column-labels");
        for (int j = 0; j < nc; j++) {
            double x = a.x() + (j + 0.5) * cw + colFont * 0.35, y = a.bottom() + 6;
            svg.text(x, y, "end", shorten(columns.get(j)), "column-label",
                "font-size=\"" + Svg.num(colFont) + "\" transform=\"rotate(-45 " + Svg.num(x) + " " + Svg.num(y) + ")\"", columns.get(j));
        }
        svg.endGroup();

        // colour bar
        double barTop = a.y(), barH = 180, barW = 14;
        int steps = 60;
        svg.group("legend");
        for (int k = 0; k < steps; k++) {
            double v = max - (k + 0.5) / steps * (max - min);
            svg.rect(legendX, barTop + k * barH / steps, barW, barH / steps + 0.3, null, "fill=\"" + diverging(v, min, max) + "\"");
        }
        svg.rect(legendX, barTop, barW, barH, null, "fill=\"none\" stroke=\"#757575\" stroke-width=\"0.6\"");
        Ticks lt = Ticks.covering(min, max, 5);
        for (double t : lt.values()) {
            if (t < min - 1e-12 || t > max + 1e-12) continue;
            double y = barTop + (max - t) / (max - min) * barH;
            svg.line(legendX + barW, y, legendX + barW + 4, y, null, "stroke=\"#757575\"");
            svg.text(legendX + barW + 7, y + 4, "start", lt.label(t), "legend-tick", "font-size=\"10\"");
        }
        if (missing > 0) {
            svg.rect(legendX, barTop + barH + 12, barW, 10, null, "fill=\"#d9d9d9\"");
            svg.text(legendX + barW + 7, barTop + barH + 21, "start", "NA", "legend-na", "font-size=\"10\"");
        }
        if (marked != null && markLabel != null) {
            double y = barTop + barH + (missing > 0 ? 40 : 20);
            svg.circle(legendX + barW / 2, y - 3, 2.5, null, "fill=\"#000000\"", null);
            svg.text(legendX + barW + 7, y, "start", markLabel, "legend-mark", "font-size=\"10\"");
        }
        svg.endGroup();
        return svg.end();
    }

    /** Five-stop ColorBrewer RdBu (reversed: low blue, high red), linear in RGB between stops. */
    static String diverging(double v, double min, double max) {
        int[][] stops = {{0x21, 0x66, 0xac}, {0x92, 0xc5, 0xde}, {0xf7, 0xf7, 0xf7}, {0xf4, 0xa5, 0x82}, {0xb2, 0x18, 0x2b}};
        double t = Math.max(0, Math.min(1, (v - min) / (max - min))) * (stops.length - 1);
        int k = Math.min(stops.length - 2, (int) Math.floor(t));
        double f = t - k;
        int[] c = new int[3];
        for (int i = 0; i < 3; i++) c[i] = (int) Math.round(stops[k][i] + f * (stops[k + 1][i] - stops[k][i]));
        return String.format(Locale.ROOT, "#%02x%02x%02x", c[0], c[1], c[2]);
    }

    // ---- ROC ---------------------------------------------------------------------------------------------

    /** ROC curve with the chance diagonal and the AUC (and its 95 % CI when both limits are finite) in the legend. */
    public static String roc(double[] fpr, double[] tpr, double auc, double aucLower, double aucUpper) {
        return roc(fpr, tpr, auc, aucLower, aucUpper, null, null, null);
    }

    /**
     * ROC curve with a pointwise band: at false-positive rate {@code grid[k]} the true-positive rate lies in
     * [{@code lower[k]}, {@code upper[k]}] (NaN entries are left out of the band). The curve's points are drawn
     * in order of increasing (fpr, tpr), which is the ROC's own order.
     */
    public static String roc(double[] fpr, double[] tpr, double auc, double aucLower, double aucUpper,
                             double[] grid, double[] lower, double[] upper) {
        Objects.requireNonNull(fpr, "fpr");
        Objects.requireNonNull(tpr, "tpr");
        if (fpr.length != tpr.length) throw new IllegalArgumentException("roc: fpr and tpr differ in length");
        if (fpr.length < 2) throw new IllegalArgumentException("roc: needs at least two points, got " + fpr.length);
        for (int i = 0; i < fpr.length; i++) {
            if (!(fpr[i] >= 0 && fpr[i] <= 1 && tpr[i] >= 0 && tpr[i] <= 1)) {
                throw new IllegalArgumentException("roc: point (" + fpr[i] + ", " + tpr[i] + ") is not a pair of rates in [0, 1]");
            }
        }
        if (!(auc >= 0 && auc <= 1)) throw new IllegalArgumentException("roc: AUC " + auc + " is not in [0, 1]");
        if ((grid == null) != (lower == null) || (grid == null) != (upper == null)) throw new IllegalArgumentException("roc: give grid, lower and upper together or none");
        if (grid != null && (lower.length != grid.length || upper.length != grid.length)) throw new IllegalArgumentException("roc: band grid, lower and upper differ in length");

        Integer[] idx = new Integer[fpr.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> fpr[i]).thenComparingDouble(i -> tpr[i]));
        double side = 340, width = MARGIN_LEFT + side + 24, height = MARGIN_TOP + side + AXIS_SPACE + 14;
        Area a = new Area(MARGIN_LEFT, MARGIN_TOP, side, side);
        Ticks t = Ticks.covering(0, 1, 6);
        Scale sx = new Scale(0, 1, a.x(), a.right()), sy = new Scale(0, 1, a.bottom(), a.y());
        boolean ci = Double.isFinite(aucLower) && Double.isFinite(aucUpper);
        String aucText = "AUC " + String.format(Locale.ROOT, "%.3f", auc)
            + (ci ? String.format(Locale.ROOT, " (95 %% CI %.3f\u2013%.3f)", aucLower, aucUpper) : "");
        Svg svg = new Svg(width, height, "roc", "ROC curve", "Receiver operating characteristic: " + aucText + "; the diagonal marks chance");
        axes(svg, width, a, t, t, sx, sy, "ROC curve", "1 \u2212 specificity (false-positive rate)", "Sensitivity (true-positive rate)");
        int skipped = 0;
        if (grid != null) {
            double[] bx = new double[2 * grid.length], by = new double[2 * grid.length];
            int n = 0;
            for (int k = 0; k < grid.length; k++) {
                if (Double.isFinite(grid[k]) && Double.isFinite(upper[k]) && Double.isFinite(lower[k])) { bx[n] = sx.at(clamp01(grid[k])); by[n++] = sy.at(clamp01(upper[k])); }
                else skipped++;
            }
            for (int k = grid.length - 1; k >= 0; k--) {
                if (Double.isFinite(grid[k]) && Double.isFinite(upper[k]) && Double.isFinite(lower[k])) { bx[n] = sx.at(clamp01(grid[k])); by[n++] = sy.at(clamp01(lower[k])); }
            }
            if (n >= 4) svg.polygon(bx, by, n, "band", "fill=\"" + PALETTE[0] + "\" fill-opacity=\"0.18\" stroke=\"none\"");
        }
        svg.line(a.x(), a.bottom(), a.right(), a.y(), "diagonal", "stroke=\"#9e9e9e\" stroke-dasharray=\"5 4\"");
        double[] x = new double[fpr.length], y = new double[fpr.length];
        for (int k = 0; k < idx.length; k++) { x[k] = sx.at(fpr[idx[k]]); y[k] = sy.at(tpr[idx[k]]); }
        svg.polyline(x, y, x.length, "curve", "stroke=\"" + PALETTE[0] + "\" stroke-width=\"2\" stroke-linejoin=\"round\"");
        List<LegendEntry> entries = new ArrayList<>(List.of(new LegendEntry(aucText, PALETTE[0], "line")));
        if (grid != null) entries.add(new LegendEntry("95 % pointwise band", PALETTE[0], "band"));
        entries.add(new LegendEntry("Chance", "#9e9e9e", "dash"));
        legend(svg, a.right() - 230, a.bottom() - 12 - 16 * entries.size(), entries);
        List<String> notes = new ArrayList<>();
        if (skipped > 0) notes.add(skipped + " band points with missing limits left out.");
        if (!ci) notes.add("AUC confidence interval not available.");
        note(svg, a, notes);
        return svg.end();
    }

    private static double clamp01(double v) { return Math.max(0, Math.min(1, v)); }

    // ---- calibration ---------------------------------------------------------------------------------------

    /**
     * Calibration plot: observed event rate against mean predicted probability per bin, with the identity
     * line; each point's area is proportional to its bin's count and labelled n = count. Bins with count 0 or
     * a NaN mean are skipped with a note.
     */
    public static String calibration(double[] meanPredicted, double[] observedRate, int[] counts) {
        Objects.requireNonNull(meanPredicted, "meanPredicted");
        Objects.requireNonNull(observedRate, "observedRate");
        Objects.requireNonNull(counts, "counts");
        int n = meanPredicted.length;
        if (observedRate.length != n || counts.length != n) throw new IllegalArgumentException("calibration: meanPredicted, observedRate and counts differ in length");
        if (n == 0) throw new IllegalArgumentException("calibration: no bins");
        int maxCount = 0, skipped = 0;
        for (int i = 0; i < n; i++) {
            if (counts[i] < 0) throw new IllegalArgumentException("calibration: bin " + i + " has a negative count " + counts[i]);
            if (counts[i] == 0 || Double.isNaN(meanPredicted[i]) || Double.isNaN(observedRate[i])) { skipped++; continue; }
            if (!(meanPredicted[i] >= 0 && meanPredicted[i] <= 1 && observedRate[i] >= 0 && observedRate[i] <= 1)) {
                throw new IllegalArgumentException("calibration: bin " + i + " (" + meanPredicted[i] + ", " + observedRate[i] + ") is not a pair of probabilities in [0, 1]");
            }
            maxCount = Math.max(maxCount, counts[i]);
        }
        if (maxCount == 0) throw new IllegalArgumentException("calibration: no bin has cases and finite values");
        double side = 340, width = MARGIN_LEFT + side + 24, height = MARGIN_TOP + side + AXIS_SPACE + (skipped > 0 ? 14 : 0);
        Area a = new Area(MARGIN_LEFT, MARGIN_TOP, side, side);
        Ticks t = Ticks.covering(0, 1, 6);
        Scale sx = new Scale(0, 1, a.x(), a.right()), sy = new Scale(0, 1, a.bottom(), a.y());
        Svg svg = new Svg(width, height, "calibration", "Calibration",
            "Observed event rate against mean predicted probability in " + (n - skipped) + " bins; the diagonal marks perfect calibration");
        axes(svg, width, a, t, t, sx, sy, "Calibration", "Mean predicted probability", "Observed proportion");
        svg.line(a.x(), a.bottom(), a.right(), a.y(), "identity", "stroke=\"#9e9e9e\" stroke-dasharray=\"5 4\"");
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> Double.isNaN(meanPredicted[i]) ? 2 : meanPredicted[i]));
        double[] x = new double[n], y = new double[n];
        int m = 0;
        for (int i : order) {
            if (counts[i] == 0 || Double.isNaN(meanPredicted[i]) || Double.isNaN(observedRate[i])) continue;
            x[m] = sx.at(meanPredicted[i]);
            y[m++] = sy.at(observedRate[i]);
        }
        svg.polyline(x, y, m, "trend", "stroke=\"" + PALETTE[0] + "\" stroke-width=\"1.2\" stroke-opacity=\"0.7\"");
        svg.group("bins");
        for (int k = 0, j = 0; k < n; k++) {
            int i = order[k];
            if (counts[i] == 0 || Double.isNaN(meanPredicted[i]) || Double.isNaN(observedRate[i])) continue;
            double r = Math.max(3, 12 * Math.sqrt((double) counts[i] / maxCount));
            svg.circle(x[j], y[j], r, "bin", "data-count=\"" + counts[i] + "\" fill=\"" + PALETTE[0] + "\" fill-opacity=\"0.6\" stroke=\"#ffffff\"",
                "predicted " + fmt(meanPredicted[i]) + ", observed " + fmt(observedRate[i]) + ", n = " + counts[i]);
            boolean above = y[j] - r - 4 > a.y() + 10;
            svg.text(x[j], above ? y[j] - r - 4 : y[j] + r + 12, "middle", "n=" + counts[i], "bin-label", "font-size=\"9\" fill=\"#424242\"");
            j++;
        }
        svg.endGroup();
        legend(svg, a.x() + 8, a.y() + 8, List.of(new LegendEntry("Bins (area \u221D n)", PALETTE[0], "dot"), new LegendEntry("Perfect calibration", "#9e9e9e", "dash")));
        note(svg, a, skipped > 0 ? List.of(skipped + " empty bins not shown.") : List.of());
        return svg.end();
    }

    // ---- Kaplan–Meier ---------------------------------------------------------------------------------------

    /** Kaplan–Meier step curves with censor ticks, confidence bands where given, and a legend. */
    public static String kaplanMeier(List<Curve> curves, String timeLabel) {
        return kaplanMeier(curves, timeLabel, null);
    }

    /**
     * Kaplan–Meier step curves as {@link #kaplanMeier(List, String)}, with the numbers at risk at each
     * time-axis tick tabulated below the plot ({@code atRisk} in the order of {@code curves}; null for none).
     */
    public static String kaplanMeier(List<Curve> curves, String timeLabel, List<AtRisk> atRisk) {
        Objects.requireNonNull(curves, "curves");
        if (curves.isEmpty()) throw new IllegalArgumentException("kaplanMeier: no curves");
        if (atRisk != null && atRisk.size() != curves.size()) throw new IllegalArgumentException("kaplanMeier: " + curves.size() + " curves but " + atRisk.size() + " at-risk tables");
        String xLabel = timeLabel == null || timeLabel.isBlank() ? "Time" : timeLabel;
        double tMax = 0;
        for (Curve c : curves) {
            tMax = Math.max(tMax, c.time()[c.time().length - 1]);
            for (double t : c.censorTimes()) tMax = Math.max(tMax, t);
        }
        Ticks xt = Ticks.covering(0, tMax > 0 ? tMax : 1, 8), yt = Ticks.covering(0, 1, 6);
        int labelChars = curves.stream().mapToInt(c -> shorten(c.label()).length()).max().orElse(1);
        double legendW = Math.min(220, 34 + labelChars * 6.2);
        double left = atRisk == null ? MARGIN_LEFT : Math.max(MARGIN_LEFT, 40 + labelChars * 6.2);
        double plotH = 300, width = left + 420 + legendW + 16;
        double riskH = atRisk == null ? 0 : 30 + 16 * curves.size();
        int skippedBand = 0;
        Area a = new Area(left, MARGIN_TOP, 420, plotH);
        double height = a.bottom() + AXIS_SPACE + riskH + 8;
        Scale sx = new Scale(xt.lo(), xt.hi(), a.x(), a.right()), sy = new Scale(0, 1, a.bottom(), a.y());
        Svg svg = new Svg(width, height, "kaplan-meier", "Kaplan\u2013Meier survival",
            curves.size() + " survival curves over " + xLabel + (atRisk != null ? ", numbers at risk below" : ""));
        axes(svg, width, a, xt, yt, sx, sy, "Kaplan\u2013Meier survival", xLabel, "Survival probability");
        for (int c = 0; c < curves.size(); c++) {
            Curve cv = curves.get(c);
            String colour = PALETTE[c % PALETTE.length];
            svg.group("curve-group");
            if (cv.lower() != null) {
                double[][] band = band(cv, sx, sy);
                if (band[0].length >= 4) svg.polygon(band[0], band[1], band[0].length, "band", "fill=\"" + colour + "\" fill-opacity=\"0.15\" stroke=\"none\"");
                for (int i = 0; i < cv.time().length; i++) if (Double.isNaN(cv.lower()[i]) || Double.isNaN(cv.upper()[i])) { skippedBand++; }
            }
            double[][] steps = steps(cv, sx, sy);
            svg.polyline(steps[0], steps[1], steps[0].length, "curve", "stroke=\"" + colour + "\" stroke-width=\"2\" data-label=\"" + Svg.escape(cv.label()) + "\"");
            for (int i = 0; i < cv.censorTimes().length; i++) {
                double x = sx.at(cv.censorTimes()[i]), y = sy.at(cv.censorSurv()[i]);
                svg.line(x, y - 4, x, y + 4, "censor", "stroke=\"" + colour + "\" stroke-width=\"1.4\"");
            }
            svg.endGroup();
        }
        List<LegendEntry> entries = new ArrayList<>();
        for (int c = 0; c < curves.size(); c++) entries.add(new LegendEntry(shorten(curves.get(c).label()), PALETTE[c % PALETTE.length], "line"));
        entries.add(new LegendEntry("censored", "#424242", "tick"));
        legend(svg, a.right() + 14, a.y() + 4, entries);
        if (atRisk != null) {
            double y0 = a.bottom() + AXIS_SPACE + 6;
            svg.group("at-risk");
            svg.text(a.x() - 24, y0, "end", "Number at risk", "at-risk-title", "font-size=\"11\" font-weight=\"600\"");
            for (int c = 0; c < curves.size(); c++) {
                double y = y0 + 18 + 16 * c;
                String colour = PALETTE[c % PALETTE.length];
                svg.text(a.x() - 24, y, "end", shorten(curves.get(c).label()), "at-risk-label", "font-size=\"11\" fill=\"" + colour + "\"");
                for (double t : xt.values()) {
                    svg.text(sx.at(t), y, "middle", Integer.toString(atRisk.get(c).at(t)), "at-risk-count", "font-size=\"11\" data-time=\"" + xt.label(t) + "\"");
                }
            }
            svg.endGroup();
        }
        if (skippedBand > 0) svg.text(a.right(), a.y() - 6, "end", "confidence band stops where its limits are undefined", "note", "font-size=\"10\" fill=\"#616161\"");
        return svg.end();
    }

    /** Corners of the step function: from (0, 1) right along S and down at each time; ends at the last time or censor mark. */
    static double[][] steps(Curve c, Scale sx, Scale sy) {
        int n = c.time().length;
        double end = c.time()[n - 1];
        for (double t : c.censorTimes()) end = Math.max(end, t);
        double start = 0;
        double[] x = new double[2 * n + 2], y = new double[2 * n + 2];
        int k = 0;
        x[k] = sx.at(start); y[k++] = sy.at(1);
        double prev = 1;
        for (int i = 0; i < n; i++) {
            x[k] = sx.at(c.time()[i]); y[k++] = sy.at(prev);
            x[k] = sx.at(c.time()[i]); y[k++] = sy.at(c.surv()[i]);
            prev = c.surv()[i];
        }
        x[k] = sx.at(end); y[k++] = sy.at(prev);
        return dropRepeats(x, y, k);
    }

    /** The band as a step polygon along the upper limits and back along the lower, up to the first undefined limit. */
    static double[][] band(Curve c, Scale sx, Scale sy) {
        int n = c.time().length, last = -1;
        while (last + 1 < n && Double.isFinite(c.lower()[last + 1]) && Double.isFinite(c.upper()[last + 1])) last++;
        double endTime = last + 1 < n ? c.time()[last + 1] : c.time()[n - 1];
        if (last == n - 1) for (double t : c.censorTimes()) endTime = Math.max(endTime, t);
        double start = 0;
        List<double[]> up = new ArrayList<>(), low = new ArrayList<>();
        up.add(new double[] {start, 1});
        low.add(new double[] {start, 1});
        double pu = 1, pl = 1;
        for (int i = 0; i <= last; i++) {
            double t = c.time()[i];
            up.add(new double[] {t, pu}); up.add(new double[] {t, clamp01(c.upper()[i])});
            low.add(new double[] {t, pl}); low.add(new double[] {t, clamp01(c.lower()[i])});
            pu = clamp01(c.upper()[i]);
            pl = clamp01(c.lower()[i]);
        }
        up.add(new double[] {endTime, pu});
        low.add(new double[] {endTime, pl});
        double[] x = new double[up.size() + low.size()], y = new double[x.length];
        int k = 0;
        for (double[] p : up) { x[k] = sx.at(p[0]); y[k++] = sy.at(p[1]); }
        for (int i = low.size() - 1; i >= 0; i--) { x[k] = sx.at(low.get(i)[0]); y[k++] = sy.at(low.get(i)[1]); }
        return dropRepeats(x, y, k);
    }

    private static double[][] dropRepeats(double[] x, double[] y, int n) {
        double[] rx = new double[n], ry = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m > 0 && rx[m - 1] == x[i] && ry[m - 1] == y[i]) continue;
            rx[m] = x[i];
            ry[m++] = y[i];
        }
        return new double[][] {Arrays.copyOf(rx, m), Arrays.copyOf(ry, m)};
    }

    // ---- shared pieces ---------------------------------------------------------------------------------------

    /** Title, grid, frame, ticks with labels and axis titles. */
    static void axes(Svg svg, double width, Area a, Ticks xt, Ticks yt, Scale sx, Scale sy, String title, String xLabel, String yLabel) {
        svg.text(width / 2, 24, "middle", title, "plot-title", "font-size=\"15\" font-weight=\"600\"");
        svg.group("grid");
        for (double t : xt.values()) svg.line(sx.at(t), a.y(), sx.at(t), a.bottom(), null, "stroke=\"#eeeeee\"");
        for (double t : yt.values()) svg.line(a.x(), sy.at(t), a.right(), sy.at(t), null, "stroke=\"#eeeeee\"");
        svg.endGroup();
        svg.rect(a.x(), a.y(), a.w(), a.h(), "plot-area", "fill=\"none\" stroke=\"#616161\"");
        svg.group("x-axis");
        for (double t : xt.values()) {
            svg.line(sx.at(t), a.bottom(), sx.at(t), a.bottom() + 5, null, "stroke=\"#616161\"");
            svg.text(sx.at(t), a.bottom() + 18, "middle", xt.label(t), "tick", "font-size=\"11\" fill=\"#424242\"");
        }
        svg.text(a.x() + a.w() / 2, a.bottom() + 40, "middle", xLabel, "axis-label", "font-size=\"12\"");
        svg.endGroup();
        svg.group("y-axis");
        for (double t : yt.values()) {
            svg.line(a.x() - 5, sy.at(t), a.x(), sy.at(t), null, "stroke=\"#616161\"");
            svg.text(a.x() - 8, sy.at(t) + 4, "end", yt.label(t), "tick", "font-size=\"11\" fill=\"#424242\"");
        }
        double yx = a.x() - 52, yy = a.y() + a.h() / 2;
        svg.text(yx, yy, "middle", yLabel, "axis-label", "font-size=\"12\" transform=\"rotate(-90 " + Svg.num(yx) + " " + Svg.num(yy) + ")\"");
        svg.endGroup();
    }

    record LegendEntry(String label, String colour, String mark) { }

    static void legend(Svg svg, double x, double y, List<LegendEntry> entries) {
        int chars = entries.stream().mapToInt(e -> e.label().length()).max().orElse(1);
        svg.group("legend");
        svg.rect(x, y, 30 + chars * 6.1, 8 + 16 * entries.size(), null, "fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#e0e0e0\"");
        for (int i = 0; i < entries.size(); i++) {
            LegendEntry e = entries.get(i);
            double cy = y + 12 + 16 * i;
            switch (e.mark()) {
                case "dot" -> svg.circle(x + 12, cy, 4, null, "fill=\"" + e.colour() + "\"", null);
                case "band" -> svg.rect(x + 4, cy - 5, 16, 10, null, "fill=\"" + e.colour() + "\" fill-opacity=\"0.18\"");
                case "dash" -> svg.line(x + 4, cy, x + 20, cy, null, "stroke=\"" + e.colour() + "\" stroke-dasharray=\"4 3\" stroke-width=\"1.5\"");
                case "tick" -> svg.line(x + 12, cy - 4, x + 12, cy + 4, null, "stroke=\"" + e.colour() + "\" stroke-width=\"1.4\"");
                default -> svg.line(x + 4, cy, x + 20, cy, null, "stroke=\"" + e.colour() + "\" stroke-width=\"2\"");
            }
            svg.text(x + 26, cy + 4, "start", e.label(), "legend-label", "font-size=\"11\"");
        }
        svg.endGroup();
    }

    /** Notes below the x-axis label. */
    static void note(Svg svg, Area a, List<String> notes) {
        if (notes.isEmpty()) return;
        svg.text(a.x(), a.bottom() + 56, "start", String.join(" ", notes), "note", "font-size=\"10\" fill=\"#616161\"");
    }

    static String shorten(String s) {
        return s.length() <= MAX_LABEL ? s : s.substring(0, MAX_LABEL - 1) + "\u2026";
    }

    /** A statistic for tooltips: three significant digits, NA for NaN. */
    static String fmt(double v) {
        if (Double.isNaN(v)) return "NA";
        if (v == 0) return "0";
        return String.format(Locale.ROOT, Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5 ? "%.3g" : "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }
}
