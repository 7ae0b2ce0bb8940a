package org.radiome.features.pyradiomics;

import java.util.Arrays;

/**
 * The closed loops along which a marching-cubes surface crosses the faces of one cube, per corner configuration,
 * for the PyRadiomics-compatible mesh ({@link SurfaceMesh}). PyRadiomics triangulates each loop as its own table
 * (P. Bourke's public-domain Lorensen–Cline table) does; this class supplies the loops, that class the choice of
 * triangles. IBSI mode uses a different mesh (scikit-image's Lewiner marching cubes, in the morphology package).
 *
 * <p>The loops follow from the rule that defines the classic tables: on each cube face the surface crosses along
 * segments joining the midpoints of the crossed edges; a segment cuts off a corner that differs from both its
 * face neighbours, or separates two adjacent inside corners from two adjacent outside ones; on an ambiguous face
 * (two diagonally opposite inside corners) the inside corners are cut off separately. Each segment is directed so
 * that the inside corner lies to its right seen from outside the cube, so loops run counter-clockwise seen from
 * the background.
 *
 * <p>Corner {@code k} of a cube is {@code (CORNER_X[k], CORNER_Y[k], CORNER_Z[k])}, numbered as in Lorensen and
 * Cline (0–3 anticlockwise on the bottom face, 4–7 above them); edge {@code e} joins corners {@code EDGE_START[e]}
 * and {@code EDGE_END[e]}. Stateless constants; thread-safe.
 */
final class CubeLoops {
    private CubeLoops() {}

    static final int[] CORNER_X = {0, 1, 1, 0, 0, 1, 1, 0};
    static final int[] CORNER_Y = {0, 0, 1, 1, 0, 0, 1, 1};
    static final int[] CORNER_Z = {0, 0, 0, 0, 1, 1, 1, 1};
    static final int[] EDGE_START = {0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3};
    static final int[] EDGE_END = {1, 2, 3, 0, 5, 6, 7, 4, 4, 5, 6, 7};

    /** Cube faces as corner cycles (consecutive corners share a cube edge), with outward unit normals. */
    private static final int[][] FACE_CORNERS = {
        {0, 1, 2, 3}, {4, 5, 6, 7}, {0, 1, 5, 4}, {3, 2, 6, 7}, {0, 3, 7, 4}, {1, 2, 6, 5}};
    private static final int[][] FACE_NORMALS = {
        {0, 0, -1}, {0, 0, 1}, {0, -1, 0}, {0, 1, 0}, {-1, 0, 0}, {1, 0, 0}};

    /**
     * The closed loops of face segments of one configuration, each as its sequence of cube edges, directed
     * counter-clockwise seen from the background.
     */
    static int[][] loops(int config) {
        int[] next = new int[12];
        Arrays.fill(next, -1);
        for (int f = 0; f < 6; f++) {
            int[] q = FACE_CORNERS[f];
            boolean[] in = new boolean[4];
            int inside = 0;
            for (int c = 0; c < 4; c++) {
                in[c] = (config >> q[c] & 1) != 0;
                if (in[c]) inside++;
            }
            if (inside == 0 || inside == 4) continue;
            boolean diagonal = inside == 2 && in[0] == in[2];
            for (int c = 0; c < 4; c++) {
                int before = (c + 3) % 4, after = (c + 1) % 4;
                if (in[before] != in[c] && in[after] != in[c]) {
                    // corner c differs from both face neighbours: cut it off, unless it is an outside corner of
                    // an ambiguous face (there the inside corners are cut off instead)
                    if (diagonal && !in[c]) continue;
                    addSegment(next, f, edge(q[before], q[c]), edge(q[c], q[after]), q[c], in[c]);
                } else if (inside == 2 && !diagonal && in[c] && in[after]) {
                    // adjacent inside corners c, c+1: the segment separates them from the other two
                    int beyond = (c + 2) % 4;
                    addSegment(next, f, edge(q[before], q[c]), edge(q[after], q[beyond]), q[c], true);
                }
            }
        }
        int[][] loops = new int[6][];
        int count = 0;
        boolean[] used = new boolean[12];
        int[] loop = new int[12];
        for (int start = 0; start < 12; start++) {
            if (next[start] < 0 || used[start]) continue;
            int length = 0;
            for (int e = start; !used[e]; e = next[e]) {
                if (next[e] < 0) throw new IllegalStateException("open loop in configuration " + config);
                used[e] = true;
                loop[length++] = e;
            }
            loops[count++] = Arrays.copyOf(loop, length);
        }
        return Arrays.copyOf(loops, count);
    }

    /** Doubled cube-local coordinates of the midpoint of cube edge e. */
    static int midX(int e) { return CORNER_X[EDGE_START[e]] + CORNER_X[EDGE_END[e]]; }
    static int midY(int e) { return CORNER_Y[EDGE_START[e]] + CORNER_Y[EDGE_END[e]]; }
    static int midZ(int e) { return CORNER_Z[EDGE_START[e]] + CORNER_Z[EDGE_END[e]]; }

    /**
     * Records the face segment between the midpoints of cube edges {@code e1} and {@code e2}, directed so that
     * {@code corner}, which it cuts off, lies to its right seen from outside the cube if the corner is inside the
     * ROI and to its left if it is outside. The loops through all such segments are then counter-clockwise seen
     * from the background.
     */
    private static void addSegment(int[] next, int face, int e1, int e2, int corner, boolean cornerInside) {
        // doubled coordinates: edge midpoint = corner_start + corner_end, corner = 2·corner
        int ux = midX(e1), uy = midY(e1), uz = midZ(e1);
        int dx = midX(e2) - ux, dy = midY(e2) - uy, dz = midZ(e2) - uz;
        int rx = 2 * CORNER_X[corner] - ux, ry = 2 * CORNER_Y[corner] - uy, rz = 2 * CORNER_Z[corner] - uz;
        int[] n = FACE_NORMALS[face];
        // (d × r)·n < 0: the corner is to the right of the segment seen from outside the cube
        int side = (dy * rz - dz * ry) * n[0] + (dz * rx - dx * rz) * n[1] + (dx * ry - dy * rx) * n[2];
        boolean rightOfE1ToE2 = side < 0;
        int from = rightOfE1ToE2 == cornerInside ? e1 : e2;
        int to = from == e1 ? e2 : e1;
        if (next[from] >= 0) throw new IllegalStateException("two segments leave cube edge " + from);
        next[from] = to;
    }

    private static int edge(int cornerA, int cornerB) {
        for (int e = 0; e < 12; e++) {
            if ((EDGE_START[e] == cornerA && EDGE_END[e] == cornerB) || (EDGE_START[e] == cornerB && EDGE_END[e] == cornerA)) return e;
        }
        throw new IllegalArgumentException("corners " + cornerA + " and " + cornerB + " share no cube edge");
    }
}
