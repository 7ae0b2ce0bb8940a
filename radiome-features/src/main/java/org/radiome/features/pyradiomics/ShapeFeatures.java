package org.radiome.features.pyradiomics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.radiome.features.morphology.Morphology;

/**
 * PyRadiomics's 3D shape class ({@code radiomics/shape.py}), computed from the mask alone.
 *
 * <ul>
 *   <li>MeshVolume and SurfaceArea: the signed volume and the area of PyRadiomics's marching-cubes mesh
 *       ({@link SurfaceMesh}); SurfaceVolumeRatio {@code A/V}, Sphericity {@code (36πV²)^{1/3}/A}, and the deprecated
 *       Compactness1 {@code V/(√π A^{3/2})}, Compactness2 {@code 36πV²/A³}, SphericalDisproportion as in IBSI.</li>
 *   <li>VoxelVolume: voxel count times voxel volume (IBSI's approximate volume).</li>
 *   <li>Maximum 3D and 2D (slice: equal z, column: equal y, row: equal x) diameters over the mesh vertices
 *       ({@link BoundaryVertices}).</li>
 *   <li>Axis lengths {@code 4√λ}, elongation {@code √(λ_minor/λ_major)}, flatness {@code √(λ_least/λ_major)} from
 *       the principal components of the voxel centres in mm. <b>Deviation</b>: PyRadiomics divides the covariance by
 *       N, IBSI (and {@link Morphology#principalAxisEigenvalues}) by N − 1; the eigenvalues are rescaled by
 *       {@code (N − 1)/N}.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class ShapeFeatures {
    private ShapeFeatures() {}

    static Map<String, Double> compute(boolean[] mask, int nx, int ny, int nz, double sx, double sy, double sz) {
        double[] mesh = SurfaceMesh.volumeAndArea(mask, nx, ny, nz, sx, sy, sz);
        double v = mesh[0], a = mesh[1];
        int n = count(mask);
        double[] diameters = BoundaryVertices.diameters(mask, nx, ny, nz, false, sx, sy, sz);
        double[] lambda = populationEigenvalues(mask, nx, ny, nz, sx, sy, sz, n);
        double sphere = Math.cbrt(36 * Math.PI * v * v);

        Map<String, Double> out = new LinkedHashMap<>();
        out.put("MeshVolume", v);
        out.put("VoxelVolume", n * sx * sy * sz);
        out.put("SurfaceArea", a);
        out.put("SurfaceVolumeRatio", a / v);
        out.put("Sphericity", sphere / a);
        out.put("Maximum3DDiameter", diameters[3]);
        out.put("Maximum2DDiameterSlice", diameters[0]);
        out.put("Maximum2DDiameterColumn", diameters[1]);
        out.put("Maximum2DDiameterRow", diameters[2]);
        out.put("MajorAxisLength", 4 * Math.sqrt(lambda[0]));
        out.put("MinorAxisLength", 4 * Math.sqrt(lambda[1]));
        out.put("LeastAxisLength", 4 * Math.sqrt(lambda[2]));
        out.put("Elongation", Math.sqrt(lambda[1] / lambda[0]));
        out.put("Flatness", Math.sqrt(lambda[2] / lambda[0]));
        out.put("Compactness1", v / (Math.sqrt(Math.PI) * Math.pow(a, 1.5)));
        out.put("Compactness2", 36 * Math.PI * v * v / (a * a * a));
        out.put("SphericalDisproportion", a / sphere);
        return out;
    }

    /** The number of ROI voxels (a loop of its own, outside the once-per-case method: docs/performance.md). */
    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) if (b) n++;
        return n;
    }

    /** Principal-axis eigenvalues, largest first, of the covariance normalised by N (PyRadiomics). */
    static double[] populationEigenvalues(boolean[] mask, int nx, int ny, int nz, double sx, double sy, double sz, int n) {
        double[] lambda = Morphology.principalAxisEigenvalues(mask, nx, ny, nz, sx, sy, sz);
        double scale = n > 1 ? (n - 1.0) / n : 1.0;
        for (int k = 0; k < lambda.length; k++) lambda[k] *= scale;
        return lambda;
    }
}
