package org.radiome.features.morphology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarchingCubesTest {
    private static final double EPS = 1e-12;

    private static boolean[] full(int nx, int ny, int nz) {
        boolean[] m = new boolean[nx * ny * nz];
        java.util.Arrays.fill(m, true);
        return m;
    }

    @Test
    void single_voxel_gives_an_octahedron() {
        // The padded voxel's 6 neighbours are background: the 6 crossed lattice edges have midpoints at
        // ±1/2 along each axis, and each of the 8 cubes around the voxel cuts off its one inside corner with one
        // triangle. So: 6 vertices, 8 faces, the octahedron |x|+|y|+|z| ≤ 1/2, whose volume is
        // (4/3)·(1/2)³ = 1/6 and whose area is 8 equilateral triangles of side √2/2: 8·(√3/4)·(1/2) = √3.
        Mesh mesh = MarchingCubes.mesh(new boolean[] {true}, 1, 1, 1);
        assertThat(mesh.vertexCount()).isEqualTo(6);
        assertThat(mesh.faceCount()).isEqualTo(8);
        assertThat(mesh.isClosedAndConsistentlyOriented()).isTrue();
        assertThat(mesh.signedVolume(1, 1, 1)).isCloseTo(1.0 / 6, within(EPS));
        assertThat(mesh.area(1, 1, 1)).isCloseTo(Math.sqrt(3), within(EPS));
    }

    @Test
    void single_voxel_with_anisotropic_spacing() {
        // Spacing (2, 3, 5): octahedron with half-axes 1, 1.5, 2.5. Volume (4/3)·1·1.5·2.5 = 5.
        // Each face, e.g. (1,0,0), (0,1.5,0), (0,0,2.5): ab×ac = (−1,1.5,0)×(−1,0,2.5) = (3.75, 2.5, 1.5),
        // |·| = √22.5625 = 4.75, area 2.375; 8 faces: 19.
        Mesh mesh = MarchingCubes.mesh(new boolean[] {true}, 1, 1, 1);
        assertThat(mesh.signedVolume(2, 3, 5)).isCloseTo(5.0, within(EPS));
        assertThat(mesh.area(2, 3, 5)).isCloseTo(19.0, within(EPS));
    }

    /**
     * A full box of a×b×c voxels (spacing 1). Cubes of the padded lattice by number of inside corners:
     * 8 (interior, volume 1): (a−1)(b−1)(c−1); 4 on a face (flat square at the voxel boundary, half a cube,
     * area 1): 2[(a−1)(b−1) + (a−1)(c−1) + (b−1)(c−1)]; 2 on an edge (45° chamfer, a prism of cross-section
     * 1/8 and area √2/2): 4[(a−1) + (b−1) + (c−1)]; 1 at a corner (tetrahedron 1/48, equilateral triangle
     * √3/8): 8.
     */
    @ParameterizedTest(name = "{0}×{1}×{2}")
    @CsvSource({"1,1,1", "2,1,1", "1,3,1", "3,2,2", "4,3,5"})
    void full_box_matches_the_hand_count(int a, int b, int c) {
        Mesh mesh = MarchingCubes.mesh(full(a, b, c), a, b, c);
        int p = a - 1, q = b - 1, r = c - 1;
        double volume = p * q * r + (p * q + p * r + q * r) + 0.5 * (p + q + r) + 1.0 / 6;
        double area = 2.0 * (p * q + p * r + q * r) + 2 * Math.sqrt(2) * (p + q + r) + Math.sqrt(3);
        assertThat(mesh.isClosedAndConsistentlyOriented()).isTrue();
        assertThat(mesh.signedVolume(1, 1, 1)).isCloseTo(volume, within(1e-9));
        assertThat(mesh.area(1, 1, 1)).isCloseTo(area, within(1e-9));
    }

    @Test
    void enclosed_cavity_is_subtracted() {
        // 3×3×3 block without its centre voxel. Outer surface as the full 3×3×3 box: volume 8 + 12 + 3 + 1/6,
        // area 24 + 12√2 + √3. The 8 cubes around the hole each have one outside corner, cut off by one
        // triangle: an inward-facing octahedron of volume 1/6 and area √3. Total: volume 23, two closed shells.
        boolean[] m = full(3, 3, 3);
        m[1 + 3 * (1 + 3 * 1)] = false;
        Mesh mesh = MarchingCubes.mesh(m, 3, 3, 3);
        assertThat(mesh.isClosedAndConsistentlyOriented()).isTrue();
        assertThat(mesh.signedVolume(1, 1, 1)).isCloseTo(23.0, within(1e-9));
        assertThat(mesh.area(1, 1, 1)).isCloseTo(24 + 12 * Math.sqrt(2) + 2 * Math.sqrt(3), within(1e-9));
    }

    @Test
    void every_corner_configuration_meshes_closed_and_positive() {
        for (int config = 1; config < 256; config++) {
            // a 2×2×2 mask whose voxel (x,y,z) is the cube corner with those offsets
            boolean[] m = new boolean[8];
            for (int k = 0; k < 8; k++) {
                int x = MarchingCubes.CORNER_X[k], y = MarchingCubes.CORNER_Y[k], z = MarchingCubes.CORNER_Z[k];
                m[x + 2 * (y + 2 * z)] = (config >> k & 1) != 0;
            }
            Mesh mesh = MarchingCubes.mesh(m, 2, 2, 2);
            assertThat(mesh.isClosedAndConsistentlyOriented()).as("configuration %d", config).isTrue();
            assertThat(mesh.signedVolume(1, 1, 1)).as("configuration %d", config).isPositive();
            assertThat(distinctVertices(mesh)).as("shared vertices, configuration %d", config).isEqualTo(mesh.vertexCount());
        }
    }

    @Test
    void random_masks_mesh_closed_with_shared_vertices() {
        Random random = new Random(20240601);
        for (int trial = 0; trial < 300; trial++) {
            int nx = 1 + random.nextInt(6), ny = 1 + random.nextInt(6), nz = 1 + random.nextInt(6);
            double fill = 0.2 + 0.6 * random.nextDouble();
            boolean[] m = new boolean[nx * ny * nz];
            boolean any = false;
            for (int i = 0; i < m.length; i++) any |= m[i] = random.nextDouble() < fill;
            if (!any) continue;
            Mesh mesh = MarchingCubes.mesh(m, nx, ny, nz);
            assertThat(mesh.isClosedAndConsistentlyOriented()).as("trial %d", trial).isTrue();
            assertThat(mesh.signedVolume(1, 1, 1)).as("trial %d", trial).isPositive();
            assertThat(distinctVertices(mesh)).as("trial %d", trial).isEqualTo(mesh.vertexCount());
        }
    }

    @Test
    void edge_table_lists_exactly_the_edges_the_triangles_use() {
        for (int config = 0; config < 256; config++) {
            int used = 0;
            for (int e : MarchingCubes.TRIANGLE_TABLE[config]) used |= 1 << e;
            assertThat(used).as("configuration %d", config).isEqualTo(MarchingCubes.EDGE_TABLE[config]);
        }
        assertThat(MarchingCubes.TRIANGLE_TABLE[0]).isEmpty();
        assertThat(MarchingCubes.TRIANGLE_TABLE[255]).isEmpty();
    }

    /** Triangle counts of Lorensen &amp; Cline's base cases, with the marked (inside) corners as in their figure. */
    @ParameterizedTest(name = "corners {0}: {1} triangles")
    @CsvSource({
        "0, 1",         // one corner
        "0 1, 2",       // one edge: a quad
        "0 2, 2",       // face diagonal: two separate corners
        "0 6, 2",       // body diagonal: two separate corners
        "0 1 2, 3",     // three corners of a face: a pentagon
        "0 1 6, 3",     // an edge and the far corner
        "1 3 6, 3",     // three mutually separated corners
        "0 1 2 3, 2",   // a whole face: a quad
        "0 2 3 7, 4",   // a hexagon
        "0 4 2 6, 4",   // two opposite parallel edges: two quads
        "0 2 3 6, 4",   // a hexagon
        "1 2 3 4, 4",   // three corners of a face and a separate corner: pentagon and triangle
        "0 2 5 7, 4",   // alternate corners: four separate corners
        "1 2 3 7, 4"})  // a hexagon
    void base_cases_have_the_published_triangle_counts(String corners, int triangles) {
        int config = 0;
        for (String c : corners.split(" ")) config |= 1 << Integer.parseInt(c);
        assertThat(MarchingCubes.TRIANGLE_TABLE[config].length / 3).isEqualTo(triangles);
    }

    @Test
    void corners_on_the_inside_side_of_a_loop() {
        assertThat(MarchingCubes.cornersOnInsideSide(0b1, MarchingCubes.loops(0b1)[0])).isEqualTo(1);
        assertThat(MarchingCubes.cornersOnInsideSide(0b111, MarchingCubes.loops(0b111)[0])).isEqualTo(3);
        assertThat(MarchingCubes.cornersOnInsideSide(0b11111000, MarchingCubes.loops(0b11111000)[0])).isEqualTo(5);
        int hexagon = 1 | 1 << 2 | 1 << 3 | 1 << 7; // corners 0 2 3 7
        assertThat(MarchingCubes.cornersOnInsideSide(hexagon, MarchingCubes.loops(hexagon)[0])).isEqualTo(4);
    }

    @Test
    void each_loop_bulges_away_from_its_smaller_corner_group_and_equally_good_choices_share_their_area() {
        // Among the triangulations without face chords: fewer than 4 inside corners → most volume, more than 4
        // → least, 4 and 4 → closest to the middle of the range.
        for (int config = 1; config < 255; config++) {
            for (int[] loop : MarchingCubes.loops(config)) {
                List<int[]> all = allTriangulations(loop, 0, loop.length - 1);
                all.removeIf(t -> hasFaceChord(t, loop));
                assertThat(all).as("configuration %d", config).isNotEmpty();
                long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
                for (int[] t : all) {
                    min = Math.min(min, volume(t));
                    max = Math.max(max, volume(t));
                }
                int inside = MarchingCubes.cornersOnInsideSide(config, loop);
                long lo = min, hi = max;
                java.util.function.ToLongFunction<int[]> score =
                        t -> inside < 4 ? -volume(t) : inside > 4 ? volume(t) : Math.abs(2 * volume(t) - (lo + hi));
                long best = Long.MAX_VALUE;
                for (int[] t : all) best = Math.min(best, score.applyAsLong(t));
                int[] chosen = MarchingCubes.chooseTriangulation(config, loop);
                assertThat(score.applyAsLong(chosen)).as("configuration %d", config).isEqualTo(best);
                for (int[] t : all) {
                    if (score.applyAsLong(t) == best) {
                        assertThat(area(t)).as("tie in configuration %d", config).isCloseTo(area(chosen), within(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void complementary_configurations_without_ambiguous_faces_share_their_surface() {
        // The property the published tables get from complement symmetry: configuration c and 255 − c have the
        // same surface, with opposite orientation (so opposite signed volume against a fixed origin).
        int checked = 0;
        for (int config = 1; config < 255; config++) {
            if (hasAmbiguousFace(config)) continue;
            int[] t = MarchingCubes.TRIANGLE_TABLE[config], u = MarchingCubes.TRIANGLE_TABLE[255 - config];
            assertThat(volume(t)).as("configuration %d", config).isEqualTo(-volume(u));
            assertThat(area(t)).as("configuration %d", config).isCloseTo(area(u), within(1e-12));
            checked++;
        }
        assertThat(checked).isEqualTo(134);
    }

    private static boolean hasAmbiguousFace(int config) {
        int[][] faces = {{0, 1, 2, 3}, {4, 5, 6, 7}, {0, 1, 5, 4}, {3, 2, 6, 7}, {0, 3, 7, 4}, {1, 2, 6, 5}};
        for (int[] f : faces) {
            boolean a = (config >> f[0] & 1) != 0, b = (config >> f[1] & 1) != 0;
            boolean c = (config >> f[2] & 1) != 0, d = (config >> f[3] & 1) != 0;
            if (a == c && b == d && a != b) return true;
        }
        return false;
    }

    /** True if a triangle side that is not a side of the loop joins two midpoints of one cube face. */
    private static boolean hasFaceChord(int[] triangles, int[] loop) {
        for (int i = 0; i < triangles.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                int a = triangles[i + k], b = triangles[i + (k + 1) % 3];
                boolean loopSide = false;
                for (int j = 0; j < loop.length; j++) {
                    int u = loop[j], v = loop[(j + 1) % loop.length];
                    loopSide |= (u == a && v == b) || (u == b && v == a);
                }
                if (!loopSide && MarchingCubes.inSameFace(a, b)) return true;
            }
        }
        return false;
    }

    private static long volume(int[] triangles) {
        long v = 0;
        for (int i = 0; i < triangles.length; i += 3) {
            v += MarchingCubes.tripleProduct(triangles[i], triangles[i + 1], triangles[i + 2]);
        }
        return v;
    }

    private static double area(int[] triangles) {
        double sum = 0;
        for (int i = 0; i < triangles.length; i += 3) {
            int a = triangles[i], b = triangles[i + 1], c = triangles[i + 2];
            double ux = MarchingCubes.midX(b) - MarchingCubes.midX(a), uy = MarchingCubes.midY(b) - MarchingCubes.midY(a);
            double uz = MarchingCubes.midZ(b) - MarchingCubes.midZ(a);
            double vx = MarchingCubes.midX(c) - MarchingCubes.midX(a), vy = MarchingCubes.midY(c) - MarchingCubes.midY(a);
            double vz = MarchingCubes.midZ(c) - MarchingCubes.midZ(a);
            double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
            sum += Math.sqrt(nx * nx + ny * ny + nz * nz);
        }
        return sum;
    }

    /** Every triangulation of the polygon loop[i..j] (Catalan many), by the triangle on edge (i, j). */
    private static List<int[]> allTriangulations(int[] loop, int i, int j) {
        List<int[]> out = new ArrayList<>();
        if (j - i < 2) {
            out.add(new int[0]);
            return out;
        }
        for (int k = i + 1; k < j; k++) {
            for (int[] left : allTriangulations(loop, i, k)) {
                for (int[] right : allTriangulations(loop, k, j)) {
                    int[] t = new int[left.length + right.length + 3];
                    System.arraycopy(left, 0, t, 0, left.length);
                    System.arraycopy(right, 0, t, left.length, right.length);
                    t[t.length - 3] = loop[i];
                    t[t.length - 2] = loop[k];
                    t[t.length - 1] = loop[j];
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static int distinctVertices(Mesh mesh) {
        int[] v = mesh.vertices();
        Set<List<Integer>> set = new HashSet<>();
        for (int i = 0; i < v.length; i += 3) set.add(List.of(v[i], v[i + 1], v[i + 2]));
        return set.size();
    }
}
