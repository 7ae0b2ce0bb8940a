package org.radiome.features.morphology;

import org.radiome.features.FeatureDefinition;
import org.radiome.features.FeatureSet;
import org.radiome.features.RoiImage;

/**
 * IBSI-1 morphological features (family HCUG), computed in 3D (aggregation DHQ4) in millimetres.
 *
 * <p>Three representations of the ROI are used, as IBSI defines:
 * <ul>
 *   <li>the <b>surface mesh</b> (WRJH) of the <em>morphological</em> mask: marching cubes on the mask padded
 *   with background, at iso-level 0.5, vertices at edge midpoints, in world units from the voxel spacing
 *   ({@link MarchingCubes}); it gives the volume V, the area A, the maximum diameter, the bounding box and
 *   the convex hull ({@link ConvexHull});</li>
 *   <li>the <b>voxel-centre point set</b> X_c (4KW8) of the morphological mask: voxel-counting volume,
 *   geometric centre of mass and principal component analysis ({@link PrincipalAxes});</li>
 *   <li>the <b>intensity mask</b> with its intensities X_gl: intensity-weighted centre of mass, integrated
 *   intensity and spatial autocorrelation ({@link SpatialAutocorrelation}).</li>
 * </ul>
 * Positions are voxel indices times spacing, in the image's voxel axes; every feature here is invariant to
 * the image origin, and all but the axis-aligned bounding box to its direction cosines.
 *
 * <p>Left out: the four features IBSI lists as not standardised, volume and area density of the oriented
 * minimum bounding box ({@code morph_vol_dens_ombb} ZH1A, {@code morph_area_dens_ombb} IQYR) and of the minimum
 * volume enclosing ellipsoid ({@code morph_vol_dens_mvee} SWZ1, {@code morph_area_dens_mvee} BRI8). Their
 * values depend on the approximation algorithm, and the IBSI reference tables give no value for them.
 *
 * <p>Cost: the mesh, hull and PCA are near linear in the box size; Moran's I and Geary's C are exact over
 * all voxel pairs of the intensity mask, O(N²), of the order of a nanosecond per pair (an ROI of 10⁵ voxels
 * takes seconds).
 *
 * <p>Undefined values: IBSI defines none of the following degenerate cases, and we report {@code NaN} for
 * each rather than invent a convention: elongation and flatness when λ_major = 0 (a single voxel); volume and
 * area density (AEE) when the ellipsoid's volume or area is 0 (voxel centres on a plane, line or point); the
 * centre of mass shift when the intensities of the intensity mask sum to 0; Moran's I and Geary's C with
 * fewer than two voxels or a single intensity value (0/0).
 *
 * <p>Stateless: a pure function of its input. Thread-safe.
 */
public final class Morphology {
    private Morphology() {}

    /** The morphological features, in the order of the IBSI reference tables. */
    public enum Feature implements FeatureDefinition {
        /** Volume from the mesh, |Σ a·(b×c)/6| over faces. */
        VOLUME("morph_volume", "RNU0"),
        /** Number of voxels in the morphological mask times the voxel volume. */
        VOLUME_APPROX("morph_vol_approx", "YEKZ"),
        /** Mesh surface area, Σ |ab×ac|/2 over faces. */
        AREA_MESH("morph_area_mesh", "C0JK"),
        /** A / V (not dimensionless: 1/mm). */
        SURFACE_TO_VOLUME("morph_av", "2PR5"),
        /** V / (√π · A^{3/2}). */
        COMPACTNESS_1("morph_comp_1", "SKGS"),
        /** 36π V² / A³. */
        COMPACTNESS_2("morph_comp_2", "BQWJ"),
        /** A / (36π V²)^{1/3}. */
        SPHERICAL_DISPROPORTION("morph_sph_dispr", "KRCK"),
        /** (36π V²)^{1/3} / A. */
        SPHERICITY("morph_sphericity", "QCFX"),
        /** (A³ / (36π V²))^{1/3} − 1. */
        ASPHERICITY("morph_asphericity", "25C7"),
        /** ‖CoM_geom − CoM_gl‖₂: morphological-mask centroid against intensity-weighted intensity-mask centroid. */
        CENTRE_OF_MASS_SHIFT("morph_com", "KLMA"),
        /** Largest distance between two mesh vertices (found among the convex hull's vertices). */
        MAXIMUM_3D_DIAMETER("morph_diam", "L0JK"),
        /** 4√λ_major. */
        MAJOR_AXIS_LENGTH("morph_pca_maj_axis", "TDIC"),
        /** 4√λ_minor. */
        MINOR_AXIS_LENGTH("morph_pca_min_axis", "P9VJ"),
        /** 4√λ_least. */
        LEAST_AXIS_LENGTH("morph_pca_least_axis", "7J51"),
        /** √(λ_minor / λ_major). */
        ELONGATION("morph_pca_elongation", "Q3CK"),
        /** √(λ_least / λ_major). */
        FLATNESS("morph_pca_flatness", "N17B"),
        /** V / V_aabb, the axis-aligned bounding box of the mesh vertices. */
        VOLUME_DENSITY_AABB("morph_vol_dens_aabb", "PBX1"),
        /** A / A_aabb. */
        AREA_DENSITY_AABB("morph_area_dens_aabb", "R59B"),
        /** 3V / (4π abc), semi-axes a, b, c = 2√λ. */
        VOLUME_DENSITY_AEE("morph_vol_dens_aee", "6BDE"),
        /** A / A_aee, the ellipsoid area by IBSI's Legendre series up to ν = 20. */
        AREA_DENSITY_AEE("morph_area_dens_aee", "RDD2"),
        /** V / V_convex. */
        VOLUME_DENSITY_CONVEX_HULL("morph_vol_dens_conv_hull", "R3ER"),
        /** A / A_convex. */
        AREA_DENSITY_CONVEX_HULL("morph_area_dens_conv_hull", "7T7F"),
        /** V times the mean intensity of the intensity mask. */
        INTEGRATED_INTENSITY("morph_integ_int", "99N0"),
        /** Moran's I with inverse-distance weights over the intensity mask. */
        MORANS_I("morph_moran_i", "N365"),
        /** Geary's C with inverse-distance weights over the intensity mask. */
        GEARYS_C("morph_geary_c", "NPT7");

        private final String tag;
        private final String ibsiCode;

        Feature(String tag, String ibsiCode) {
            this.tag = tag;
            this.ibsiCode = ibsiCode;
        }

        @Override public String tag() { return tag; }
        @Override public String ibsiCode() { return ibsiCode; }
    }

    /**
     * Extension point: the eigenvalues λ_major ≥ λ_minor ≥ λ_least (mm²) of the sample covariance (normalised by
     * N − 1, see {@link PrincipalAxes}) of the centres of the voxels in {@code mask} (x fastest over an
     * {@code nx × ny × nz} box with spacing {@code sx, sy, sz}).
     */
    public static double[] principalAxisEigenvalues(boolean[] mask, int nx, int ny, int nz, double sx, double sy, double sz) {
        return PrincipalAxes.eigenvalues(mask, nx, ny, nz, sx, sy, sz);
    }

    /**
     * Extension point for other marching-cubes triangulations (PyRadiomics-compatible mode): the closed loops of
     * cube-edge midpoints that the surface of corner configuration {@code configuration} (bit k set when corner k is
     * inside) crosses each cube face along, with the inside corners of ambiguous faces cut off separately; each loop
     * is a sequence of cube edges, counter-clockwise seen from the background. Corners and edges are numbered as in
     * Lorensen and Cline (corner k at {@link #cubeCorner}, edge e from corner {@code EDGE_START[e]} to
     * {@code EDGE_END[e]}: 0–3 around the bottom face, 4–7 around the top, 8–11 upwards).
     */
    public static int[][] marchingCubesLoops(int configuration) {
        if (configuration < 0 || configuration > 255) throw new IllegalArgumentException("configuration " + configuration + " outside 0…255");
        return MarchingCubes.loops(configuration);
    }

    /** Doubled cube-local coordinates {x, y, z} (each 0, 1 or 2) of the midpoint of marching-cubes edge {@code edge}. */
    public static int[] cubeEdgeMidpoint(int edge) {
        return new int[] {MarchingCubes.midX(edge), MarchingCubes.midY(edge), MarchingCubes.midZ(edge)};
    }

    /** Cube-local coordinates {x, y, z} (each 0 or 1) of marching-cubes corner {@code corner}. */
    public static int[] cubeCorner(int corner) {
        return new int[] {MarchingCubes.CORNER_X[corner], MarchingCubes.CORNER_Y[corner], MarchingCubes.CORNER_Z[corner]};
    }

    /** Degree at which IBSI stops the Legendre series of the ellipsoid surface area (RDD2). */
    static final int ELLIPSOID_SERIES_DEGREE = 20;

    /** All {@link Feature}s of {@code roi}, in enum order. */
    public static FeatureSet compute(RoiImage roi) {
        int nx = roi.nx(), ny = roi.ny(), nz = roi.nz();
        double sx = roi.sx(), sy = roi.sy(), sz = roi.sz();
        boolean[] morph = roi.morphologicalMask();
        boolean[] intensityMask = roi.intensityMask();
        float[] intensities = roi.intensities();

        Mesh mesh = MarchingCubes.mesh(morph, nx, ny, nz);
        double v = Math.abs(mesh.signedVolume(sx, sy, sz));
        double a = mesh.area(sx, sy, sz);
        int morphCount = count(morph);
        double sphereTerm = Math.cbrt(36 * Math.PI * v * v); // (36π V²)^{1/3} = surface of the sphere of volume V

        Mesh hull = ConvexHull.of(mesh.vertices());
        double hullVolume = Math.abs(hull.signedVolume(sx, sy, sz));
        double hullArea = hull.area(sx, sy, sz);

        double[] lambda = PrincipalAxes.eigenvalues(morph, nx, ny, nz, sx, sy, sz);
        // semi-axes of the approximate enclosing ellipsoid: 2√λ
        double semiMajor = 2 * Math.sqrt(lambda[0]), semiMinor = 2 * Math.sqrt(lambda[1]), semiLeast = 2 * Math.sqrt(lambda[2]);
        double aeeVolume = 4 * Math.PI * semiMajor * semiMinor * semiLeast / 3;
        double aeeArea = ellipsoidArea(semiMajor, semiMinor, semiLeast);

        double[] box = boundingBox(mesh, sx, sy, sz);
        double boxVolume = box[0] * box[1] * box[2];
        double boxArea = 2 * (box[0] * box[1] + box[0] * box[2] + box[1] * box[2]);

        SpatialAutocorrelation.Result spatial =
                SpatialAutocorrelation.compute(intensities, intensityMask, nx, ny, nz, sx, sy, sz);

        FeatureSet out = new FeatureSet();
        out.add(Feature.VOLUME, v);
        out.add(Feature.VOLUME_APPROX, morphCount * sx * sy * sz);
        out.add(Feature.AREA_MESH, a);
        out.add(Feature.SURFACE_TO_VOLUME, a / v);
        out.add(Feature.COMPACTNESS_1, v / (Math.sqrt(Math.PI) * Math.pow(a, 1.5)));
        out.add(Feature.COMPACTNESS_2, 36 * Math.PI * v * v / (a * a * a));
        out.add(Feature.SPHERICAL_DISPROPORTION, a / sphereTerm);
        out.add(Feature.SPHERICITY, sphereTerm / a);
        out.add(Feature.ASPHERICITY, a / sphereTerm - 1);
        out.add(Feature.CENTRE_OF_MASS_SHIFT, centreOfMassShift(roi));
        out.add(Feature.MAXIMUM_3D_DIAMETER, maximumDiameter(hull, sx, sy, sz));
        out.add(Feature.MAJOR_AXIS_LENGTH, 2 * semiMajor);
        out.add(Feature.MINOR_AXIS_LENGTH, 2 * semiMinor);
        out.add(Feature.LEAST_AXIS_LENGTH, 2 * semiLeast);
        out.add(Feature.ELONGATION, lambda[0] > 0 ? Math.sqrt(lambda[1] / lambda[0]) : Double.NaN);
        out.add(Feature.FLATNESS, lambda[0] > 0 ? Math.sqrt(lambda[2] / lambda[0]) : Double.NaN);
        out.add(Feature.VOLUME_DENSITY_AABB, v / boxVolume);
        out.add(Feature.AREA_DENSITY_AABB, a / boxArea);
        out.add(Feature.VOLUME_DENSITY_AEE, aeeVolume > 0 ? v / aeeVolume : Double.NaN);
        out.add(Feature.AREA_DENSITY_AEE, aeeArea > 0 ? a / aeeArea : Double.NaN);
        out.add(Feature.VOLUME_DENSITY_CONVEX_HULL, v / hullVolume);
        out.add(Feature.AREA_DENSITY_CONVEX_HULL, a / hullArea);
        out.add(Feature.INTEGRATED_INTENSITY, v * meanIntensity(intensities, intensityMask));
        out.add(Feature.MORANS_I, spatial.moranI());
        out.add(Feature.GEARYS_C, spatial.gearyC());
        return out;
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) if (b) n++;
        return n;
    }

    private static double meanIntensity(float[] intensities, boolean[] mask) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < mask.length; i++) {
            if (!mask[i]) continue;
            sum += intensities[i];
            n++;
        }
        return sum / n;
    }

    /**
     * Centre of mass shift (KLMA): distance between the mean voxel-centre position of the morphological mask
     * and the intensity-weighted mean position of the intensity mask. NaN if the weights sum to 0.
     */
    static double centreOfMassShift(RoiImage roi) {
        int nx = roi.nx(), ny = roi.ny(), nz = roi.nz();
        boolean[] morph = roi.morphologicalMask(), intensityMask = roi.intensityMask();
        float[] g = roi.intensities();
        double gx = 0, gy = 0, gz = 0, wx = 0, wy = 0, wz = 0, weight = 0;
        long n = 0;
        for (int z = 0, i = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, i++) {
                    if (morph[i]) {
                        n++;
                        gx += x;
                        gy += y;
                        gz += z;
                    }
                    if (intensityMask[i]) {
                        double w = g[i];
                        weight += w;
                        wx += w * x;
                        wy += w * y;
                        wz += w * z;
                    }
                }
            }
        }
        if (weight == 0) return Double.NaN;
        double dx = (gx / n - wx / weight) * roi.sx();
        double dy = (gy / n - wy / weight) * roi.sy();
        double dz = (gz / n - wz / weight) * roi.sz();
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Maximum 3D diameter (L0JK) over the hull's vertices, which include the two most distant mesh vertices. */
    static double maximumDiameter(Mesh hull, double sx, double sy, double sz) {
        int[] vertices = ConvexHull.vertexIndices(hull);
        int[] p = hull.vertices();
        int n = vertices.length;
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = p[3 * vertices[k]] * 0.5 * sx;
            y[k] = p[3 * vertices[k] + 1] * 0.5 * sy;
            z[k] = p[3 * vertices[k] + 2] * 0.5 * sz;
        }
        double best = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[j] - x[i], dy = y[j] - y[i], dz = z[j] - z[i];
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 > best) best = d2;
            }
        }
        return Math.sqrt(best);
    }

    /** Edge lengths (mm) of the axis-aligned bounding box of the mesh vertices (PBX1, R59B). */
    static double[] boundingBox(Mesh mesh, double sx, double sy, double sz) {
        int[] p = mesh.vertices();
        int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] max = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (int i = 0; i < p.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                min[k] = Math.min(min[k], p[i + k]);
                max[k] = Math.max(max[k], p[i + k]);
            }
        }
        return new double[] {(max[0] - min[0]) * 0.5 * sx, (max[1] - min[1]) * 0.5 * sy, (max[2] - min[2]) * 0.5 * sz};
    }

    /**
     * Surface area of the ellipsoid with semi-axes a ≥ b ≥ c (RDD2), by IBSI's series
     * {@code 4πab Σ_ν (αβ)^ν P_ν((α²+β²)/(2αβ)) / (1 − 4ν²)} with α = √(1 − b²/a²), β = √(1 − c²/a²), stopped
     * after ν = {@value #ELLIPSOID_SERIES_DEGREE} as IBSI specifies.
     *
     * <p>The terms are evaluated as {@code Q_ν = (αβ)^ν P_ν(x)} by Bonnet's recurrence multiplied through by
     * (αβ)^{ν+1}: {@code Q_0 = 1, Q_1 = s, (ν+1) Q_{ν+1} = (2ν+1) s Q_ν − ν (αβ)² Q_{ν−1}} with
     * {@code s = (α²+β²)/2}. This never divides by αβ, so spheres (α = β = 0, area 4πa²) and spheroids need no
     * special case. Returns 0 when a = 0.
     *
     * <p>The truncated series is IBSI's definition of A_aee, and the reference values use it; it is not the exact
     * ellipsoid area (for a prolate spheroid with semi-axes 4, 3, 3 it gives about 126.4 against the exact
     * 138.9), so it must not be replaced by an exact formula.
     */
    static double ellipsoidArea(double a, double b, double c) {
        if (a == 0) return 0;
        double alpha2 = 1 - (b * b) / (a * a), beta2 = 1 - (c * c) / (a * a);
        double s = 0.5 * (alpha2 + beta2), t2 = alpha2 * beta2;
        double previous = 1, current = s; // Q_0, Q_1
        double series = 1; // ν = 0 term: Q_0 / (1 − 0)
        for (int nu = 1; nu <= ELLIPSOID_SERIES_DEGREE; nu++) {
            series += current / (1.0 - 4.0 * nu * nu);
            double next = ((2 * nu + 1) * s * current - nu * t2 * previous) / (nu + 1);
            previous = current;
            current = next;
        }
        return 4 * Math.PI * a * b * series;
    }
}
