package org.radiome.features.pyradiomics;

/**
 * PyRadiomics's intensity discretisation ({@code imageoperations.getBinEdges} and {@code binImage}), one of its
 * documented departures from IBSI, used only by the PyRadiomics-compatible mode.
 *
 * <ul>
 *   <li><b>Fixed bin width, edges anchored at 0</b> (IBSI anchors them at the ROI minimum): the edges are
 *       {@code lo, lo + w, lo + 2w, …} with {@code lo = min − (min mod w)} (the mod taking the sign of {@code w}),
 *       up to below {@code max + 2w}, so that {@code X_b = ⌊X / w⌋ − ⌊min / w⌋ + 1}. The edges are generated as
 *       NumPy's {@code arange} generates them ({@code lo + i·((lo + w) − lo)}), so values on an edge fall into the
 *       same bin as in PyRadiomics. A single edge (a flat region) becomes the two edges {@code lo ± 0.5}.</li>
 *   <li><b>Fixed bin count</b>: {@code binCount + 1} equally spaced edges from the ROI minimum to maximum, as NumPy's
 *       {@code histogram} makes them ({@code min + i·(max − min)/binCount}, the last exactly {@code max}; a flat ROI
 *       uses {@code min ± 0.5}), the last one raised by 1 so that the maximum falls into the top bin.</li>
 *   <li>A value's bin is NumPy's {@code digitize}: the number of edges {@code ≤} the value, so bins are
 *       {@code [e_{k−1}, e_k)}, numbered from 1.</li>
 * </ul>
 * No intensity is rounded first (IBSI rounds interpolated CT intensities; PyRadiomics does not).
 *
 * <p>Stateless and thread-safe.
 */
final class BinEdges {
    private BinEdges() {}

    /** The bin edges of the (non-empty) ROI intensities {@code values}. */
    static double[] of(double[] values, double binWidth, Integer binCount) {
        if (values.length == 0) throw new IllegalArgumentException("the ROI is empty");
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return binCount != null ? fixedCount(min, max, binCount) : fixedWidth(min, max, binWidth);
    }

    private static double[] fixedCount(double min, double max, int binCount) {
        double first = min, last = max;
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        double step = (last - first) / binCount;
        double[] edges = new double[binCount + 1];
        for (int i = 0; i < binCount; i++) edges[i] = i * step + first;
        edges[binCount] = last + 1; // NumPy sets the last edge to the maximum exactly; PyRadiomics adds 1
        return edges;
    }

    private static double[] fixedWidth(double min, double max, double width) {
        double lowBound = min - pythonMod(min, width);
        double highBound = max + 2 * width;
        int length = (int) Math.ceil((highBound - lowBound) / width);
        if (length <= 1) return new double[] {lowBound - 0.5, lowBound + 0.5};
        double[] edges = new double[length];
        edges[0] = lowBound;
        edges[1] = lowBound + width;
        double delta = edges[1] - lowBound;
        for (int i = 2; i < length; i++) edges[i] = lowBound + i * delta;
        return edges;
    }

    /** Python's (and NumPy's) float modulo: the remainder with the sign of the divisor. */
    static double pythonMod(double a, double b) {
        double mod = a % b;
        if (mod != 0 && (b < 0) != (mod < 0)) mod += b;
        return mod;
    }

    /** NumPy {@code digitize} with increasing edges: the number of edges {@code ≤ value}. */
    static int bin(double value, double[] edges) {
        int lo = 0, hi = edges.length; // first index with edges[index] > value
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * As {@link #bin(double, double[])}, for edges that are (nearly) evenly spaced: the bin is guessed from
     * {@code first = edges[0]} and {@code inverseWidth}, then moved until exactly the edges {@code ≤ value} lie
     * below it, so the result is the same for any increasing edges; only the speed relies on even spacing.
     */
    static int bin(double value, double[] edges, double first, double inverseWidth) {
        if (value != value) return 0; // NaN: no edge is <= it
        final int n = edges.length;
        double guess = Math.floor((value - first) * inverseWidth) + 1;
        int k = guess <= 0 ? 0 : guess >= n ? n : (int) guess;
        while (k < n && edges[k] <= value) k++;
        while (k > 0 && edges[k - 1] > value) k--;
        return k;
    }

    /** {@code 1 / mean edge spacing}, for {@link #bin(double, double[], double, double)}. */
    static double inverseWidth(double[] edges) {
        int n = edges.length;
        return n < 2 ? 0 : (n - 1) / (edges[n - 1] - edges[0]);
    }

    /** NumPy {@code histogram} counts of {@code values} in the bins between {@code edges} (last bin closed). */
    static double[] histogram(double[] values, double[] edges) {
        double[] counts = new double[edges.length - 1];
        double last = edges[edges.length - 1];
        double first = edges[0], inverseWidth = inverseWidth(edges);
        for (double v : values) {
            int k = v == last ? edges.length - 1 : bin(v, edges, first, inverseWidth);
            if (k >= 1 && k < edges.length) counts[k - 1]++;
        }
        return counts;
    }
}
