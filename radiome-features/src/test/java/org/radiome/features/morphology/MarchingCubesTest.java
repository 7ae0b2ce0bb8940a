package org.radiome.features.morphology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiome.features.DigitalPhantom;
import org.radiome.features.RoiImage;

/**
 * Marching cubes on binary masks: hand-computable meshes, the mesh's closure and orientation, and agreement
 * with scikit-image's {@code measure.marching_cubes} (Lewiner et al.), the implementation behind the IBSI
 * reference values. The scikit-image meshes are in {@code skimage_marching_cubes.csv} (test resources), written
 * by the script beside it.
 */
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

    /**
     * On a 0/1 mask the face test of Lewiner's algorithm always ties, and some subcases then join two inside
     * corners of a face by a "bridge" that has collapsed into the face itself: triangles lying in the face. When
     * the cube on the other side of that face bridges it too, it lays the same triangles there, reversed. The
     * mesh is then closed and consistently oriented as an oriented surface (every directed edge is used as often
     * as its reverse, so the volume is exact), but the edges of such a pair have four faces; without the pairs it
     * is a 2-manifold. scikit-image's mesh is the same (see {@link #reproduces_scikit_image_meshes}).
     */
    @Test
    void random_masks_mesh_closed_up_to_coincident_face_pairs_with_shared_vertices() {
        Random random = new Random(20240601);
        int withPairs = 0;
        for (int trial = 0; trial < 300; trial++) {
            int nx = 1 + random.nextInt(6), ny = 1 + random.nextInt(6), nz = 1 + random.nextInt(6);
            double fill = 0.2 + 0.6 * random.nextDouble();
            boolean[] m = new boolean[nx * ny * nz];
            boolean any = false;
            for (int i = 0; i < m.length; i++) any |= m[i] = random.nextDouble() < fill;
            if (!any) continue;
            Mesh mesh = MarchingCubes.mesh(m, nx, ny, nz);
            Mesh manifold = withoutCoincidentOppositePairs(mesh);
            if (manifold.faceCount() < mesh.faceCount()) withPairs++;
            assertThat(manifold.isClosedAndConsistentlyOriented()).as("trial %d", trial).isTrue();
            assertThat(mesh.signedVolume(1, 1, 1)).as("trial %d", trial).isPositive();
            assertThat(mesh.signedVolume(1, 1, 1)).isCloseTo(manifold.signedVolume(1, 1, 1), within(1e-9));
            assertThat(distinctVertices(mesh)).as("trial %d", trial).isEqualTo(mesh.vertexCount());
        }
        assertThat(withPairs).as("masks with coincident face pairs").isPositive();
    }

    @Test
    void digital_phantom_mesh_is_a_closed_oriented_manifold() {
        RoiImage roi = DigitalPhantom.load();
        Mesh mesh = MarchingCubes.mesh(roi.morphologicalMask(), roi.nx(), roi.ny(), roi.nz());
        assertThat(mesh.isClosedAndConsistentlyOriented()).isTrue();
        assertThat(distinctVertices(mesh)).isEqualTo(mesh.vertexCount());
    }

    @Test
    void coincident_face_pairs_lie_in_a_plane_of_voxel_centres() {
        // Voxels (x,y,z) = (0,0,0), (2,0,0), (1,1,0), (1,0,1) around the background voxel (1,0,0): the lattice
        // squares of the plane y = 0 on either side of x = 1 have inside corners on one diagonal and background on
        // the other (ambiguous faces). The cubes on both sides bridge them.
        boolean[] m = new boolean[3 * 2 * 2];
        m[0] = m[2] = m[1 + 3] = m[1 + 6] = true;
        Mesh mesh = MarchingCubes.mesh(m, 3, 2, 2);
        assertThat(mesh.isClosedAndConsistentlyOriented()).isFalse();
        Mesh manifold = withoutCoincidentOppositePairs(mesh);
        assertThat(manifold.faceCount()).isLessThan(mesh.faceCount());
        assertThat(manifold.isClosedAndConsistentlyOriented()).isTrue();
        int[] v = mesh.vertices(), f = mesh.faces();
        for (int[] pair : coincidentOppositePairs(mesh)) {
            for (int face : pair) {
                boolean inVoxelCentrePlane = false;
                for (int axis = 0; axis < 3; axis++) {
                    int a = v[3 * f[3 * face] + axis], b = v[3 * f[3 * face + 1] + axis], c = v[3 * f[3 * face + 2] + axis];
                    inVoxelCentrePlane |= a == b && b == c && a % 2 == 0; // doubled units: voxel centres are even
                }
                assertThat(inVoxelCentrePlane).as("face %d", face).isTrue();
            }
        }
    }

    record Reference(int nx, int ny, int nz, double sx, double sy, double sz, String mask, int faces, double volume, double area) {
        @Override public String toString() { return nx + "×" + ny + "×" + nz + " " + mask; }
    }

    static Stream<Reference> scikitImageMeshes() {
        List<Reference> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                MarchingCubesTest.class.getResourceAsStream("skimage_marching_cubes.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] c = line.split(",");
                rows.add(new Reference(Integer.parseInt(c[0]), Integer.parseInt(c[1]), Integer.parseInt(c[2]),
                        Double.parseDouble(c[3]), Double.parseDouble(c[4]), Double.parseDouble(c[5]), c[6],
                        Integer.parseInt(c[7]), Double.parseDouble(c[8]), Double.parseDouble(c[9])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(rows).hasSizeGreaterThan(255);
        return rows.stream();
    }

    /**
     * Same face count, volume and area as scikit-image 0.19.3 on the same mask (padded, level 0.5, spacing): the
     * 255 single-cube configurations, so every table row, and random masks. scikit-image keeps vertices in
     * float32, hence the relative tolerance.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scikitImageMeshes")
    void reproduces_scikit_image_meshes(Reference ref) {
        boolean[] m = new boolean[ref.mask().length()];
        for (int i = 0; i < m.length; i++) m[i] = ref.mask().charAt(i) == '1';
        Mesh mesh = MarchingCubes.mesh(m, ref.nx(), ref.ny(), ref.nz());
        assertThat(mesh.faceCount()).isEqualTo(ref.faces());
        assertThat(mesh.signedVolume(ref.sx(), ref.sy(), ref.sz())).isCloseTo(ref.volume(), within(1e-6 * ref.volume()));
        assertThat(mesh.area(ref.sx(), ref.sy(), ref.sz())).isCloseTo(ref.area(), within(1e-6 * ref.area()));
    }

    @Test
    void triangles_use_exactly_the_crossed_edges() {
        for (int config = 0; config < 256; config++) {
            int crossed = 0;
            for (int e = 0; e < 12; e++) {
                boolean a = (config >> MarchingCubes.EDGE_START[e] & 1) != 0, b = (config >> MarchingCubes.EDGE_END[e] & 1) != 0;
                if (a != b) crossed |= 1 << e;
            }
            int used = 0;
            for (int e : MarchingCubes.TRIANGLE_TABLE[config]) used |= 1 << e;
            assertThat(used & ~(1 << MarchingCubes.CENTRE)).as("configuration %d", config).isEqualTo(crossed);
            assertThat(MarchingCubes.EDGE_TABLE[config]).isEqualTo(used);
        }
        assertThat(MarchingCubes.TRIANGLE_TABLE[0]).isEmpty();
        assertThat(MarchingCubes.TRIANGLE_TABLE[255]).isEmpty();
    }

    @Test
    void face_test_follows_the_bilinear_saddle_and_breaks_ties_by_the_face_sign() {
        // Face 5 is the bottom face, A, B, C, D = corners 0, 3, 2, 1. The bilinear interpolant on a face has its
        // saddle value (AC − BD)/(A + C − B − D); with A, C > 0 > B, D the denominator is positive, so the inside
        // corners A and C are joined across the face iff AC − BD > 0. The test answers face·A·(AC − BD) ≥ 0.
        double[] v = {1, -0.1, 1, -0.1, -1, -1, -1, -1}; // AC − BD = 1 − 0.01 > 0
        assertThat(LewinerCases.testFace(v, 5)).isTrue();
        assertThat(LewinerCases.testFace(v, -5)).isFalse();
        double[] w = {0.1, -1, 0.1, -1, -1, -1, -1, -1}; // AC − BD = 0.01 − 1 < 0
        assertThat(LewinerCases.testFace(w, 5)).isFalse();
        assertThat(LewinerCases.testFace(w, -5)).isTrue();
        double[] tie = {0.5, -0.5, 0.5, -0.5, -0.5, -0.5, -0.5, -0.5}; // AC − BD = 0.25 − 0.25 = 0: the sign decides
        assertThat(LewinerCases.testFace(tie, 5)).isTrue();
        assertThat(LewinerCases.testFace(tie, -5)).isFalse();
    }

    @Test
    void case_3_joins_the_two_corners_when_the_face_saddle_is_inside() {
        // Corners 0 and 2 inside (configuration 5), all others outside: subcase 3.1 cuts the two corners off with
        // one triangle each; 3.2 joins them by a band of 4 triangles (a hexagon-like strip through the cube).
        assertThat(LewinerCases.triangles(new double[] {0.1, -1, 0.1, -1, -1, -1, -1, -1})).hasSize(2 * 3);
        assertThat(LewinerCases.triangles(new double[] {1, -0.1, 1, -0.1, -1, -1, -1, -1})).hasSize(4 * 3);
    }

    /** The faces of {@code mesh} left after removing every pair of coincident, oppositely oriented faces. */
    private static Mesh withoutCoincidentOppositePairs(Mesh mesh) {
        Set<Integer> removed = new HashSet<>();
        for (int[] pair : coincidentOppositePairs(mesh)) {
            removed.add(pair[0]);
            removed.add(pair[1]);
        }
        int[] f = mesh.faces();
        int[] kept = new int[f.length - 3 * removed.size()];
        for (int face = 0, k = 0; face < f.length / 3; face++) {
            if (removed.contains(face)) continue;
            System.arraycopy(f, 3 * face, kept, k, 3);
            k += 3;
        }
        return new Mesh(mesh.vertices(), kept);
    }

    /** Pairs of faces on the same three vertices with opposite orientation (each face in at most one pair). */
    private static List<int[]> coincidentOppositePairs(Mesh mesh) {
        int[] f = mesh.faces();
        Map<String, List<Integer>> byVertexSet = new HashMap<>();
        for (int face = 0; face < f.length / 3; face++) {
            int[] key = {f[3 * face], f[3 * face + 1], f[3 * face + 2]};
            Arrays.sort(key);
            byVertexSet.computeIfAbsent(Arrays.toString(key), k -> new ArrayList<>()).add(face);
        }
        List<int[]> pairs = new ArrayList<>();
        for (List<Integer> faces : byVertexSet.values()) {
            List<Integer> open = new ArrayList<>(faces);
            while (open.size() > 1) {
                int a = open.remove(0);
                for (int i = 0; i < open.size(); i++) {
                    int b = open.get(i);
                    if (!sameOrientation(f, a, b)) {
                        pairs.add(new int[] {a, b});
                        open.remove(i);
                        break;
                    }
                }
            }
        }
        return pairs;
    }

    /** True if faces a and b list the same vertices in the same cyclic order. */
    private static boolean sameOrientation(int[] f, int a, int b) {
        for (int r = 0; r < 3; r++) {
            if (f[3 * a] == f[3 * b + r] && f[3 * a + 1] == f[3 * b + (r + 1) % 3] && f[3 * a + 2] == f[3 * b + (r + 2) % 3]) return true;
        }
        return false;
    }

    private static int distinctVertices(Mesh mesh) {
        int[] v = mesh.vertices();
        Set<List<Integer>> set = new HashSet<>();
        for (int i = 0; i < v.length; i += 3) set.add(List.of(v[i], v[i + 1], v[i + 2]));
        return set.size();
    }
}
