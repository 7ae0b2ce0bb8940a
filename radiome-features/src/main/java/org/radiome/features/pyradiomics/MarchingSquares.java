package org.radiome.features.pyradiomics;

/**
 * The perimeter and enclosed area of a binary 2D mask's marching-squares contour at iso-level 0.5 (vertices at
 * edge midpoints), as PyRadiomics's shape2D class measures them ({@code calculate_coefficients2D}).
 *
 * <p>In each 2×2 square of the mask padded with background, the contour cuts off the single inside corner, the
 * single outside corner, or separates two adjacent inside corners from the other two; two diagonally opposite
 * inside corners are always cut off separately (PyRadiomics's choice for its ambiguous cases 5 and 10). Every
 * segment is oriented with the inside on its left, so the contour is a set of closed, consistently oriented loops
 * and the shoelace sum over the segments is the enclosed area. Stateless and thread-safe.
 */
final class MarchingSquares {
    private MarchingSquares() {}

    /** Corner k of a square at (x, y): offsets in x and y, counter-clockwise in (x, y) order. */
    private static final int[] CX = {0, 1, 1, 0};
    private static final int[] CY = {0, 0, 1, 1};

    /** {perimeter (mm), area (mm²)} of the contour of {@code mask} ({@code nx × ny}, x fastest). */
    static double[] perimeterAndArea(boolean[] mask, int nx, int ny, double sx, double sy) {
        double perimeter = 0, twiceArea = 0;
        boolean[] in = new boolean[4];
        double[] ex = new double[4], ey = new double[4];
        for (int y = -1; y < ny; y++) {
            for (int x = -1; x < nx; x++) {
                int count = 0;
                for (int k = 0; k < 4; k++) {
                    in[k] = inside(mask, nx, ny, x + CX[k], y + CY[k]);
                    if (in[k]) count++;
                }
                if (count == 0 || count == 4) continue;
                // midpoint of edge k, between corner k and corner k + 1
                for (int k = 0; k < 4; k++) {
                    int k1 = (k + 1) & 3;
                    ex[k] = (x + 0.5 * (CX[k] + CX[k1])) * sx;
                    ey[k] = (y + 0.5 * (CY[k] + CY[k1])) * sy;
                }
                boolean diagonal = count == 2 && in[0] == in[2];
                for (int k = 0; k < 4; k++) {
                    int before = (k + 3) & 3;
                    // a segment cuts off corner k if it differs from both neighbours (with diagonals split)
                    boolean cut = in[k] != in[before] && in[k] != in[(k + 1) & 3];
                    if (count == 2 && !diagonal) cut = false;
                    if (count == 3 || count == 1) cut = cut && (count == 1 ? in[k] : !in[k]);
                    if (diagonal) cut = in[k];
                    if (cut) {
                        // from the midpoint after the corner to the one before it: the corner is on the left if inside
                        double ax = ex[k], ay = ey[k], bx = ex[before], by = ey[before];
                        if (!in[k]) { double t = ax; ax = bx; bx = t; t = ay; ay = by; by = t; }
                        perimeter += Math.hypot(bx - ax, by - ay);
                        twiceArea += ax * by - bx * ay;
                    }
                }
                if (count == 2 && !diagonal) {
                    // two adjacent inside corners k, k+1: the segment joins the edges before k and after k+1
                    int k = in[0] && in[1] ? 0 : in[1] && in[2] ? 1 : in[2] && in[3] ? 2 : 3;
                    int before = (k + 3) & 3, after = (k + 1) & 3;
                    double ax = ex[after], ay = ey[after], bx = ex[before], by = ey[before];
                    perimeter += Math.hypot(bx - ax, by - ay);
                    twiceArea += ax * by - bx * ay;
                }
            }
        }
        return new double[] {perimeter, Math.abs(twiceArea) / 2};
    }

    private static boolean inside(boolean[] mask, int nx, int ny, int x, int y) {
        return x >= 0 && y >= 0 && x < nx && y < ny && mask[x + nx * y];
    }
}
