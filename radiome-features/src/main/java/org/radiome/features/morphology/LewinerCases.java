package org.radiome.features.morphology;

import static org.radiome.features.morphology.LewinerTables.*;

import java.util.Arrays;

/**
 * The case analysis of Marching Cubes 33 as implemented by Lewiner et al. (2003, see {@link LewinerTables}):
 * for one cube, given the values at its 8 corners minus the iso-level, the triangles of the surface, as triples
 * of cube edges (0–11, and 12 for the cube centre).
 *
 * <p>A configuration is first reduced by {@link LewinerTables#CASES} to one of Lorensen and Cline's 15 cases.
 * Where a case is ambiguous its subcase is decided by tests on the corner values: the <b>face test</b> asks
 * whether the two inside corners of an ambiguous face are joined across the face, the <b>interior test</b>
 * whether two corners are joined through the cube's interior. Neighbouring cubes answer the face test of their
 * shared face from the same four values, which makes the surface topologically consistent.
 *
 * <p>This is our Java rendering of the procedure as scikit-image runs it ({@code the_big_switch},
 * {@code test_face} and {@code test_internal} in {@code skimage/measure/_marching_cubes_lewiner_cy.pyx}, a port
 * of Lewiner's C++), including its numerical conventions, because ties decide the topology of binary masks:
 * <ul>
 *   <li>A corner is inside when its value is {@code > 0} (at iso-level 0.5, a mask voxel).</li>
 *   <li>Face test on face corners A, B, C, D (A and C diagonal): when {@code |AC − BD| < ε} (a saddle exactly
 *   at the iso-level, as on every ambiguous face of a 0/1 mask at level 0.5) the answer is {@code face ≥ 0},
 *   i.e. fixed by the sign the table gives the face; otherwise {@code face · A · (AC − BD) ≥ 0}.</li>
 *   <li>Interior test: as in the paper, with the ε-guarded divisions of the reference code; the two branches
 *   that the C++ leaves with {@code break} (to its final {@code return s < 0}) fall off the end of the Cython
 *   function, which returns 0 (false); we follow the Cython, which produced the IBSI teams' meshes.</li>
 * </ul>
 * Here ε is {@code np.spacing(1.0)}, the double-precision machine epsilon {@code 2⁻⁵²}.
 *
 * <p>Triangles are returned as the tables list them: counter-clockwise seen from the side of the positive
 * values, i.e. with right-hand normals pointing into the ROI. (scikit-image reverses them for its default
 * {@code gradient_direction='descent'}; {@link MarchingCubes} does the same.)
 *
 * <p>Stateless; thread-safe.
 */
final class LewinerCases {
    private LewinerCases() {}

    /** Machine epsilon of double, {@code np.spacing(1.0)}, the reference code's {@code FLT_EPSILON}. */
    static final double EPSILON = Math.ulp(1.0);

    /**
     * The triangles (cube-edge triples, up to 12 triangles) of the cube with corner values {@code v[0..7]},
     * iso-level already subtracted.
     */
    static int[] triangles(double[] v) {
        if (v.length != 8) throw new IllegalArgumentException("a cube has 8 corner values, got " + v.length);
        int index = 0;
        for (int k = 0; k < 8; k++) {
            if (v[k] > 0) index |= 1 << k;
        }
        int kase = CASES[2 * index];
        int config = CASES[2 * index + 1];
        switch (kase) {
            case 0:
                return new int[0];
            case 1:
                return row(TILING1, 3, config, 1);
            case 2:
                return row(TILING2, 6, config, 2);
            case 3:
                return testFace(v, TEST3[config]) ? row(TILING3_2, 12, config, 4) : row(TILING3_1, 6, config, 2);
            case 4:
                return testInterior(v, kase, config, 0, TEST4[config])
                        ? row(TILING4_1, 6, config, 2) : row(TILING4_2, 18, config, 6);
            case 5:
                return row(TILING5, 9, config, 3);
            case 6:
                if (testFace(v, TEST6[3 * config])) return row(TILING6_2, 15, config, 5);
                return testInterior(v, kase, config, 0, TEST6[3 * config + 1])
                        ? row(TILING6_1_1, 9, config, 3) : row(TILING6_1_2, 27, config, 9);
            case 7:
                return case7(v, config);
            case 8:
                return row(TILING8, 6, config, 2);
            case 9:
                return row(TILING9, 12, config, 4);
            case 10:
                return case10Or12(v, kase, config, TEST10, 3, TILING10_1_1, TILING10_1_1_BAR, TILING10_1_2, TILING10_2, TILING10_2_BAR);
            case 11:
                return row(TILING11, 12, config, 4);
            case 12:
                return case10Or12(v, kase, config, TEST12, 4, TILING12_1_1, TILING12_1_1_BAR, TILING12_1_2, TILING12_2, TILING12_2_BAR);
            case 13:
                return case13(v, config);
            case 14:
                return row(TILING14, 12, config, 4);
            default:
                throw new IllegalStateException("no Marching Cubes case " + kase + " for configuration " + index);
        }
    }

    private static int[] case7(double[] v, int config) {
        int subconfig = 0;
        if (testFace(v, TEST7[5 * config])) subconfig += 1;
        if (testFace(v, TEST7[5 * config + 1])) subconfig += 2;
        if (testFace(v, TEST7[5 * config + 2])) subconfig += 4;
        switch (subconfig) {
            case 0: return row(TILING7_1, 9, config, 3);
            case 1: return row(TILING7_2, 3, 15, config, 0, 5);
            case 2: return row(TILING7_2, 3, 15, config, 1, 5);
            case 3: return row(TILING7_3, 3, 27, config, 0, 9);
            case 4: return row(TILING7_2, 3, 15, config, 2, 5);
            case 5: return row(TILING7_3, 3, 27, config, 1, 9);
            case 6: return row(TILING7_3, 3, 27, config, 2, 9);
            default:
                return testInterior(v, 7, config, subconfig, TEST7[5 * config + 3])
                        ? row(TILING7_4_2, 27, config, 9) : row(TILING7_4_1, 15, config, 5);
        }
    }

    /** Cases 10 and 12 share their decision tree: two face tests, then the interior test. */
    private static int[] case10Or12(double[] v, int kase, int config, int[] test, int testColumns,
            int[] tiling11, int[] tiling11Bar, int[] tiling12, int[] tiling2, int[] tiling2Bar) {
        boolean first = testFace(v, test[testColumns * config]);
        boolean second = testFace(v, test[testColumns * config + 1]);
        if (first) return second ? row(tiling11Bar, 12, config, 4) : row(tiling2, 24, config, 8);
        if (second) return row(tiling2Bar, 24, config, 8);
        return testInterior(v, kase, config, 0, test[testColumns * config + 2])
                ? row(tiling11, 12, config, 4) : row(tiling12, 24, config, 8);
    }

    private static int[] case13(double[] v, int config) {
        int bits = 0;
        for (int f = 0; f < 6; f++) {
            if (testFace(v, TEST13[7 * config + f])) bits += 1 << f;
        }
        int subconfig = SUBCONFIG13[bits];
        if (subconfig < 0) {
            throw new IllegalStateException("impossible case 13 face tests " + bits + " for configuration index " + config);
        }
        if (subconfig == 0) return row(TILING13_1, 12, config, 4);
        if (subconfig <= 6) return row(TILING13_2, 6, 18, config, subconfig - 1, 6);
        if (subconfig <= 18) return row(TILING13_3, 12, 30, config, subconfig - 7, 10);
        if (subconfig <= 22) return row(TILING13_4, 4, 36, config, subconfig - 19, 12);
        if (subconfig <= 26) {
            int sub = subconfig - 23;
            return testInterior(v, 13, config, sub, TEST13[7 * config + 6])
                    ? row(TILING13_5_1, 4, 18, config, sub, 6) : row(TILING13_5_2, 4, 30, config, sub, 10);
        }
        if (subconfig <= 38) return row(TILING13_3_BAR, 12, 30, config, subconfig - 27, 10);
        if (subconfig <= 44) return row(TILING13_2_BAR, 6, 18, config, subconfig - 39, 6);
        return row(TILING13_1_BAR, 12, config, 4); // subconfig 45
    }

    /** The first {@code 3 · triangles} entries of row {@code config} of a table with {@code columns} columns. */
    private static int[] row(int[] table, int columns, int config, int triangles) {
        int start = columns * config;
        return Arrays.copyOfRange(table, start, start + 3 * triangles);
    }

    /** The same, for a table indexed by configuration and sub-index. */
    private static int[] row(int[] table, int subRows, int columns, int config, int sub, int triangles) {
        int start = (subRows * config + sub) * columns;
        return Arrays.copyOfRange(table, start, start + 3 * triangles);
    }

    /** Cube corners of faces 1–6, in the order A, B, C, D of the face test (A and C diagonal). */
    private static final int[][] FACE_CORNERS = {
        {0, 4, 5, 1}, {1, 5, 6, 2}, {2, 6, 7, 3}, {3, 7, 4, 0}, {0, 3, 2, 1}, {4, 7, 6, 5}};

    /**
     * The face test (paper, section 3.1): true if the face {@code |face|} contains the surface joining its inside
     * corners; a negative {@code face} inverts the answer. A tie resolves to {@code face ≥ 0} (see the class
     * comment).
     */
    static boolean testFace(double[] v, int face) {
        int[] q = FACE_CORNERS[Math.abs(face) - 1];
        double a = v[q[0]], b = v[q[1]], c = v[q[2]], d = v[q[3]];
        double acMinusBd = a * c - b * d;
        if (acMinusBd > -EPSILON && acMinusBd < EPSILON) return face >= 0;
        return face * a * acMinusBd >= 0;
    }

    /**
     * The interior test (paper, section 3.2): true if the cube's interior joins the corners that the case's
     * tiling keeps apart, with {@code s} giving the sign convention of the table. For cases 4 and 10 the test
     * looks for the plane (parallel to the bottom face) where the bilinear face of the trilinear interpolant has
     * its saddle; for cases 6, 7, 12 and 13 it looks at the plane through the surface's crossing of a reference
     * edge.
     */
    static boolean testInterior(double[] v, int kase, int config, int subconfig, int s) {
        double at, bt, ct, dt;
        if (kase == 4 || kase == 10) {
            double a = (v[4] - v[0]) * (v[6] - v[2]) - (v[7] - v[3]) * (v[5] - v[1]);
            double b = v[2] * (v[4] - v[0]) + v[0] * (v[6] - v[2]) - v[1] * (v[7] - v[3]) - v[3] * (v[5] - v[1]);
            double t = -b / (2 * a + EPSILON);
            if (t < 0 || t > 1) return s > 0;
            at = v[0] + (v[4] - v[0]) * t;
            bt = v[3] + (v[7] - v[3]) * t;
            ct = v[2] + (v[6] - v[2]) * t;
            dt = v[1] + (v[5] - v[1]) * t;
        } else {
            int edge;
            switch (kase) {
                case 6: edge = TEST6[3 * config + 2]; break;
                case 7: edge = TEST7[5 * config + 4]; break;
                case 12: edge = TEST12[4 * config + 3]; break;
                case 13: edge = TILING13_5_1[(4 * config + subconfig) * 18]; break;
                default: throw new IllegalArgumentException("no interior test in case " + kase);
            }
            // The four corners of the section through the edge's crossing point, parallel to the faces the edge
            // pierces: the edge's own (at = 0 by construction) and the three others, in cyclic order.
            int[] section = EDGE_SECTIONS[edge];
            int p = section[0], q = section[1];
            double t = v[p] / (v[p] - v[q] + EPSILON);
            at = 0;
            bt = v[section[2]] + (v[section[3]] - v[section[2]]) * t;
            ct = v[section[4]] + (v[section[5]] - v[section[4]]) * t;
            dt = v[section[6]] + (v[section[7]] - v[section[6]]) * t;
        }
        int test = 0;
        if (at >= 0) test += 1;
        if (bt >= 0) test += 2;
        if (ct >= 0) test += 4;
        if (dt >= 0) test += 8;
        switch (test) {
            case 5:
                // Cython falls off the end (returns 0) where the C++ breaks to "return s < 0"
                return at * ct - bt * dt < EPSILON && s > 0;
            case 10:
                return at * ct - bt * dt >= EPSILON && s > 0;
            case 7: case 11: case 13: case 14: case 15:
                return s < 0;
            default:
                return s > 0;
        }
    }

    /**
     * Per reference edge: the edge's corners (p, q), whose values give the crossing parameter
     * {@code t = v_p / (v_p − v_q)}, then the three edges parallel to it, each as (from, to), whose values
     * interpolated at {@code t} give B, C and D of the interior test.
     */
    private static final int[][] EDGE_SECTIONS = {
        {0, 1, 3, 2, 7, 6, 4, 5},
        {1, 2, 0, 3, 4, 7, 5, 6},
        {2, 3, 1, 0, 5, 4, 6, 7},
        {3, 0, 2, 1, 6, 5, 7, 4},
        {4, 5, 7, 6, 3, 2, 0, 1},
        {5, 6, 4, 7, 0, 3, 1, 2},
        {6, 7, 5, 4, 1, 0, 2, 3},
        {7, 4, 6, 5, 2, 1, 3, 0},
        {0, 4, 3, 7, 2, 6, 1, 5},
        {1, 5, 0, 4, 3, 7, 2, 6},
        {2, 6, 1, 5, 0, 4, 3, 7},
        {3, 7, 2, 6, 1, 5, 0, 4}};
}
