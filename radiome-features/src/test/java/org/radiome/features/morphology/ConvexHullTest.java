package org.radiome.features.morphology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ConvexHullTest {
    private static final double EPS = 1e-12;

    /** The 8 corners of the cube [0, s]³ (coordinates as given, spacing 1 then means unit = 1/2 mm). */
    private static List<int[]> cubeCorners(int s) {
        List<int[]> points = new ArrayList<>();
        for (int z = 0; z <= s; z += s) for (int y = 0; y <= s; y += s) for (int x = 0; x <= s; x += s) points.add(new int[] {x, y, z});
        return points;
    }

    private static int[] flat(List<int[]> points) {
        int[] out = new int[3 * points.size()];
        for (int i = 0; i < points.size(); i++) System.arraycopy(points.get(i), 0, out, 3 * i, 3);
        return out;
    }

    @Test
    void cube_corners_give_the_cube() {
        // Corners of [0,4]³ in doubled units = a cube of side 2 mm at spacing 1: volume 8, area 6·4 = 24,
        // 6 square facets = 12 triangles.
        Mesh hull = ConvexHull.of(flat(cubeCorners(4)));
        assertThat(hull.isClosedAndConsistentlyOriented()).isTrue();
        assertThat(hull.faceCount()).isEqualTo(12);
        assertThat(hull.signedVolume(1, 1, 1)).isCloseTo(8.0, within(EPS));
        assertThat(hull.area(1, 1, 1)).isCloseTo(24.0, within(EPS));
        assertThat(ConvexHull.vertexIndices(hull)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void points_on_faces_edges_inside_and_duplicates_do_not_change_the_cube() {
        // Every lattice point of [0,4]³ (125 points, most of them coplanar with a facet or collinear with an
        // edge), plus duplicated corners: still the side-2 cube, volume 8 and area 24 at spacing 1, and with
        // spacing (1, 2, 3) a box 2×4×6: volume 48, area 2(8 + 12 + 24) = 88.
        List<int[]> points = new ArrayList<>();
        for (int z = 0; z <= 4; z++) for (int y = 0; y <= 4; y++) for (int x = 0; x <= 4; x++) points.add(new int[] {x, y, z});
        points.addAll(cubeCorners(4));
        Mesh hull = ConvexHull.of(flat(points));
        assertThat(hull.isClosedAndConsistentlyOriented()).isTrue();
        assertThat(hull.signedVolume(1, 1, 1)).isCloseTo(8.0, within(EPS));
        assertThat(hull.area(1, 1, 1)).isCloseTo(24.0, within(EPS));
        assertThat(hull.signedVolume(1, 2, 3)).isCloseTo(48.0, within(EPS));
        assertThat(hull.area(1, 2, 3)).isCloseTo(88.0, within(EPS));
        assertAllPointsOnOrBelowEveryFace(hull);
    }

    @Test
    void octahedron() {
        // Vertices ±2 on each axis in doubled units = ±1 mm: volume (4/3)·1³, area 8·(√3/4)·(√2)² = 4√3.
        int[] points = {2, 0, 0, -2, 0, 0, 0, 2, 0, 0, -2, 0, 0, 0, 2, 0, 0, -2, 0, 0, 0};
        Mesh hull = ConvexHull.of(points);
        assertThat(hull.isClosedAndConsistentlyOriented()).isTrue();
        assertThat(hull.faceCount()).isEqualTo(8);
        assertThat(hull.signedVolume(1, 1, 1)).isCloseTo(4.0 / 3, within(EPS));
        assertThat(hull.area(1, 1, 1)).isCloseTo(4 * Math.sqrt(3), within(EPS));
        assertThat(ConvexHull.vertexIndices(hull)).containsExactly(0, 1, 2, 3, 4, 5); // not the centre
    }

    @Test
    void random_lattice_points_give_a_closed_convex_hull_containing_every_point() {
        // A closed, consistently oriented surface whose vertices are input points and which has every input
        // point on or below every face plane is the convex hull.
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 4 + random.nextInt(300);
            int range = 1 + random.nextInt(trial % 3 == 0 ? 3 : 40); // small ranges: many coplanar points
            int[] points = new int[3 * n];
            for (int i = 0; i < points.length; i++) points[i] = random.nextInt(2 * range + 1) - range;
            Mesh hull;
            try {
                hull = ConvexHull.of(points);
            } catch (IllegalArgumentException flat) {
                continue; // all coplanar: rejected, tested separately
            }
            assertThat(hull.isClosedAndConsistentlyOriented()).as("trial %d", trial).isTrue();
            assertThat(hull.signedVolume(1, 1, 1)).as("trial %d", trial).isPositive();
            assertAllPointsOnOrBelowEveryFace(hull);
        }
    }

    @Test
    void hull_of_a_convex_mesh_has_the_mesh_volume() {
        // The marching-cubes mesh of a full box is convex (flat faces, 45° chamfers, corner triangles).
        boolean[] box = new boolean[4 * 3 * 2];
        java.util.Arrays.fill(box, true);
        Mesh mesh = MarchingCubes.mesh(box, 4, 3, 2);
        Mesh hull = ConvexHull.of(mesh.vertices());
        assertThat(hull.signedVolume(0.7, 1.1, 2.5)).isCloseTo(mesh.signedVolume(0.7, 1.1, 2.5), within(1e-9));
        assertThat(hull.area(0.7, 1.1, 2.5)).isCloseTo(mesh.area(0.7, 1.1, 2.5), within(1e-9));
    }

    @Test
    void degenerate_point_sets_are_rejected() {
        assertThatThrownBy(() -> ConvexHull.of(new int[] {0, 0, 0, 1, 0, 0, 0, 1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 4 points");
        assertThatThrownBy(() -> ConvexHull.of(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("identical");
        assertThatThrownBy(() -> ConvexHull.of(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 5, 5, 5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collinear");
        assertThatThrownBy(() -> ConvexHull.of(new int[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 3, 7, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coplanar");
        assertThatThrownBy(() -> ConvexHull.of(new int[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1 << 20}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
    }

    /** Exact check: no input point lies strictly above the plane of any hull face. */
    private static void assertAllPointsOnOrBelowEveryFace(Mesh hull) {
        int[] p = hull.vertices(), f = hull.faces();
        for (int t = 0; t < f.length; t += 3) {
            int a = 3 * f[t], b = 3 * f[t + 1], c = 3 * f[t + 2];
            long ux = p[b] - p[a], uy = p[b + 1] - p[a + 1], uz = p[b + 2] - p[a + 2];
            long vx = p[c] - p[a], vy = p[c + 1] - p[a + 1], vz = p[c + 2] - p[a + 2];
            long nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
            assertThat(nx != 0 || ny != 0 || nz != 0).as("non-degenerate face").isTrue();
            for (int i = 0; i < p.length; i += 3) {
                long h = nx * (p[i] - p[a]) + ny * (p[i + 1] - p[a + 1]) + nz * (p[i + 2] - p[a + 2]);
                assertThat(h).as("point %d above face %d", i / 3, t / 3).isLessThanOrEqualTo(0);
            }
        }
    }
}
