package org.radiome.features.pyradiomics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The shortcuts of the hot paths give exactly what their plain definitions give. */
class FastPathsTest {
    @Property(tries = 200)
    void guessed_bins_equal_binary_search(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int binCount,
                                          @ForAll boolean fixedCount) {
        Random random = new Random(seed);
        double[] values = new double[200];
        double scale = Math.pow(10, random.nextInt(7) - 3);
        for (int i = 0; i < values.length; i++) values[i] = (random.nextGaussian() * 100 + random.nextInt(3) * 1000) * scale;
        values[0] = Math.rint(values[0]);
        double[] edges = fixedCount ? BinEdges.of(values, 0, binCount) : BinEdges.of(values, 25 * scale, null);
        double first = edges[0], inverseWidth = BinEdges.inverseWidth(edges);
        for (double v : values) assertThat(BinEdges.bin(v, edges, first, inverseWidth)).isEqualTo(BinEdges.bin(v, edges));
        for (double e : edges) {
            for (double v : new double[] {e, Math.nextUp(e), Math.nextDown(e)}) {
                assertThat(BinEdges.bin(v, edges, first, inverseWidth)).isEqualTo(BinEdges.bin(v, edges));
            }
        }
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThat(BinEdges.bin(v, edges, first, inverseWidth)).isEqualTo(BinEdges.bin(v, edges));
        }
    }

    @Property(tries = 100)
    void counting_sort_equals_arrays_sort(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int kind) {
        Random random = new Random(seed);
        double[] x = new double[1 + random.nextInt(500)];
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (kind) {
                case 0 -> random.nextInt(4000) - 1024;          // CT-like integers
                case 1 -> random.nextInt(3) - 1;                 // tiny range, many ties
                case 2 -> random.nextGaussian() * 50;            // not integral
                default -> random.nextInt(2) == 0 ? 0.0 : -0.0;  // signed zeros
            };
        }
        double[] expected = x.clone();
        Arrays.sort(expected);
        assertThat(FirstOrderFeatures.sortedCopy(x)).containsExactly(expected);
    }
}
