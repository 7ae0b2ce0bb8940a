package org.radiome.analysis.association;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Adjusted p-values for many tests. Thread-safe. */
public final class MultipleTesting {
    private MultipleTesting() { }

    /**
     * Benjamini-Hochberg q-values, as {@code p.adjust(p, method = "BH")}: q_(i) = min over j >= i of
     * m p_(j) / j, capped at 1, in the input order.
     */
    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).reversed());
        double[] q = new double[m];
        double running = 1;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            int rank = m - k;
            running = Math.min(running, (double) m / rank * p[i]);
            q[i] = Math.min(1, running);
        }
        return q;
    }
}
