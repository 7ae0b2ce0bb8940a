package org.radiome.features;

import java.util.Objects;

import org.radiome.image.Grid;
import org.radiome.image.Mask;
import org.radiome.image.Volume;

/**
 * The input of every feature family: an image and its ROI after preprocessing, cropped to the
 * bounding box of the morphological mask.
 *
 * <p>IBSI keeps two masks once the ROI is re-segmented: the <em>morphological</em> mask (the ROI's
 * shape, used for morphology and the GLDZM distance map) and the <em>intensity</em> mask (the voxels
 * whose intensities are used). Without re-segmentation they are equal. The intensity mask is always a
 * subset of the morphological mask.
 *
 * <p>Arrays are x fastest over the box: {@code index = x + nx * (y + ny * z)}. The whole image is kept
 * too, because local intensity features look outside the ROI. Read-only, so thread-safe.
 */
public final class RoiImage {
    private final int nx, ny, nz;
    private final double sx, sy, sz;
    private final float[] intensities;
    private final boolean[] intensityMask;
    private final boolean[] morphologicalMask;
    private final Volume image;
    private final int x0, y0, z0;

    private RoiImage(Volume image, int x0, int y0, int z0, int nx, int ny, int nz,
                     float[] intensities, boolean[] intensityMask, boolean[] morphologicalMask) {
        this.image = image;
        this.x0 = x0;
        this.y0 = y0;
        this.z0 = z0;
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        Grid g = image.grid();
        this.sx = g.spacing(0);
        this.sy = g.spacing(1);
        this.sz = g.spacing(2);
        this.intensities = intensities;
        this.intensityMask = intensityMask;
        this.morphologicalMask = morphologicalMask;
    }

    /** The ROI with identical morphological and intensity masks. */
    public static RoiImage of(Volume image, Mask roi) {
        return of(image, roi, roi);
    }

    /**
     * Crops {@code image} and both masks to the bounding box of the morphological mask.
     *
     * @throws IllegalArgumentException if the grids differ or the intensity mask is empty
     */
    public static RoiImage of(Volume image, Mask morphological, Mask intensity) {
        Objects.requireNonNull(image, "image");
        Grid g = image.grid();
        String diff = g.describeDifference(morphological.grid());
        if (diff == null) diff = g.describeDifference(intensity.grid());
        if (diff != null) throw new IllegalArgumentException("mask grid does not match image grid: " + diff);
        boolean[] morph = morphological.inside();
        boolean[] inten = intensity.inside();
        int gx = g.nx(), gy = g.ny(), gz = g.nz();
        int minX = gx, minY = gy, minZ = gz, maxX = -1, maxY = -1, maxZ = -1;
        boolean anyIntensity = false;
        for (int z = 0, i = 0; z < gz; z++) {
            for (int y = 0; y < gy; y++) {
                for (int x = 0; x < gx; x++, i++) {
                    if (inten[i] && !morph[i]) {
                        throw new IllegalArgumentException("intensity mask must lie inside the morphological mask");
                    }
                    if (!morph[i]) continue;
                    anyIntensity |= inten[i];
                    if (x < minX) minX = x;
                    if (x > maxX) maxX = x;
                    if (y < minY) minY = y;
                    if (y > maxY) maxY = y;
                    if (z < minZ) minZ = z;
                    if (z > maxZ) maxZ = z;
                }
            }
        }
        if (!anyIntensity) throw new IllegalArgumentException("the ROI is empty");
        int nx = maxX - minX + 1, ny = maxY - minY + 1, nz = maxZ - minZ + 1;
        int n = nx * ny * nz;
        float[] values = new float[n];
        boolean[] im = new boolean[n];
        boolean[] mm = new boolean[n];
        float[] src = image.voxels();
        for (int z = 0, j = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int i = g.index(minX, minY + y, minZ + z);
                for (int x = 0; x < nx; x++, i++, j++) {
                    values[j] = src[i];
                    im[j] = inten[i];
                    mm[j] = morph[i];
                }
            }
        }
        return new RoiImage(image, minX, minY, minZ, nx, ny, nz, values, im, mm);
    }

    public int nx() { return nx; }
    public int ny() { return ny; }
    public int nz() { return nz; }
    /** Voxel spacing along x, y, z in mm. */
    public double sx() { return sx; }
    public double sy() { return sy; }
    public double sz() { return sz; }
    public int voxelCount() { return nx * ny * nz; }
    public int index(int x, int y, int z) { return x + nx * (y + ny * z); }

    /** Image intensities over the box (inside and outside the ROI). */
    public float[] intensities() { return intensities; }
    public boolean[] intensityMask() { return intensityMask; }
    public boolean[] morphologicalMask() { return morphologicalMask; }

    /** The whole, uncropped image (for local intensity features). */
    public Volume image() { return image; }
    /** Offset of the box in the whole image. */
    public int x0() { return x0; }
    public int y0() { return y0; }
    public int z0() { return z0; }

    /** The intensities inside the intensity mask, in voxel order. */
    public double[] roiIntensities() {
        int n = 0;
        for (boolean b : intensityMask) if (b) n++;
        double[] out = new double[n];
        for (int i = 0, k = 0; i < intensityMask.length; i++) if (intensityMask[i]) out[k++] = intensities[i];
        return out;
    }
}
