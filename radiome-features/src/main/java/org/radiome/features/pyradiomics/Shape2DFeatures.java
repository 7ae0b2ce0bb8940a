package org.radiome.features.pyradiomics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PyRadiomics's 2D shape class ({@code radiomics/shape2D.py}) of a single-slice mask: MeshSurface and Perimeter of
 * the marching-squares contour ({@link MarchingSquares}), PixelSurface (pixel count times pixel area),
 * PerimeterSurfaceRatio {@code P/A}, Sphericity {@code 2√(πA)/P}, MaximumDiameter over the contour vertices, and
 * axis lengths and elongation from the principal components of the pixel centres (covariance divided by N, as in
 * {@link ShapeFeatures}). Stateless and thread-safe.
 */
final class Shape2DFeatures {
    private Shape2DFeatures() {}

    /** @param mask one x-y slice, {@code nx × ny}, x fastest */
    static Map<String, Double> compute(boolean[] mask, int nx, int ny, double sx, double sy) {
        double[] pa = MarchingSquares.perimeterAndArea(mask, nx, ny, sx, sy);
        double perimeter = pa[0], area = pa[1];
        int n = 0;
        for (boolean b : mask) if (b) n++;
        double diameter = BoundaryVertices.diameters(mask, nx, ny, 1, true, sx, sy, 1)[3];
        double[] lambda = ShapeFeatures.populationEigenvalues(mask, nx, ny, 1, sx, sy, 1, n);
        double sphericity = 2 * Math.sqrt(Math.PI * area) / perimeter;

        Map<String, Double> out = new LinkedHashMap<>();
        out.put("MeshSurface", area);
        out.put("PixelSurface", n * sx * sy);
        out.put("Perimeter", perimeter);
        out.put("PerimeterSurfaceRatio", perimeter / area);
        out.put("Sphericity", sphericity);
        out.put("MaximumDiameter", diameter);
        out.put("MajorAxisLength", 4 * Math.sqrt(lambda[0]));
        out.put("MinorAxisLength", 4 * Math.sqrt(lambda[1]));
        out.put("Elongation", Math.sqrt(lambda[1] / lambda[0]));
        out.put("SphericalDisproportion", 1 / sphericity);
        return out;
    }
}
