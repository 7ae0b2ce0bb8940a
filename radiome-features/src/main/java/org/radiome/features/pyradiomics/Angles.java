package org.radiome.features.pyradiomics;

import java.util.ArrayList;
import java.util.List;

/**
 * The neighbour offsets of PyRadiomics's texture matrices ({@code build_angles} in its C extension): every offset
 * whose Chebyshev norm is one of the requested distances, in 3D or, with force2D, in the x-y plane only. GLCM and
 * GLRLM use one of each pair of opposite offsets, the one whose first non-zero component in (z, y, x) order is
 * positive, in PyRadiomics's order (z, then y, then x descending); NGTDM, GLDM and GLSZM use all of them.
 * Offsets are returned as {dx, dy, dz}. Stateless.
 */
final class Angles {
    private Angles() {}

    static List<int[]> of(List<Integer> distances, boolean inPlane, boolean bothDirections) {
        int max = 0;
        for (int d : distances) max = Math.max(max, d);
        List<int[]> out = new ArrayList<>();
        for (int dz = max; dz >= -max; dz--) {
            if (inPlane && dz != 0) continue;
            for (int dy = max; dy >= -max; dy--) {
                for (int dx = max; dx >= -max; dx--) {
                    int norm = Math.max(Math.abs(dz), Math.max(Math.abs(dy), Math.abs(dx)));
                    if (norm == 0 || !distances.contains(norm)) continue;
                    boolean positive = dz > 0 || (dz == 0 && (dy > 0 || (dy == 0 && dx > 0)));
                    if (bothDirections || positive) out.add(new int[] {dx, dy, dz});
                }
            }
        }
        return out;
    }

    /** True if {@code distances} are exactly 1…d for some d: then all offsets form the Chebyshev ball of radius d. */
    static boolean isContiguousFromOne(List<Integer> distances) {
        int max = 0;
        for (int d : distances) max = Math.max(max, d);
        for (int d = 1; d <= max; d++) if (!distances.contains(d)) return false;
        return true;
    }

    static int max(List<Integer> distances) {
        int max = 0;
        for (int d : distances) max = Math.max(max, d);
        return max;
    }
}
