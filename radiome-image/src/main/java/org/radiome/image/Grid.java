package org.radiome.image;

import java.util.Arrays;

/**
 * The sampling grid of a 3D image: voxel counts, spacing (mm), the world position of the centre of
 * voxel (0,0,0) and the direction cosines of the three voxel axes.
 *
 * <p>World coordinates follow the DICOM/ITK LPS convention: {@code world = origin + D · diag(spacing) · (i,j,k)},
 * where column {@code a} of the row-major 3×3 {@code direction} matrix is the unit vector of voxel axis
 * {@code a}. Voxels are stored x fastest: {@code index = x + nx * (y + ny * z)}.
 *
 * <p>Immutable and thread-safe: arrays are copied in and out.
 */
public final class Grid {
    /** Positions that differ by less than this (mm, or unit-less for direction cosines) are the same. */
    public static final double GEOMETRY_TOLERANCE = 1e-4;

    private final int nx, ny, nz;
    private final double[] spacing;
    private final double[] origin;
    private final double[] direction;

    public Grid(int nx, int ny, int nz, double[] spacing, double[] origin, double[] direction) {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException("grid dimensions must be positive, were " + nx + "×" + ny + "×" + nz);
        }
        if ((long) nx * ny * nz > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid of " + nx + "×" + ny + "×" + nz + " voxels is too large");
        }
        if (spacing.length != 3 || origin.length != 3 || direction.length != 9) {
            throw new IllegalArgumentException("spacing and origin need 3 values, direction 9");
        }
        for (double s : spacing) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("voxel spacing must be positive and finite, was " + Arrays.toString(spacing));
            }
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.spacing = spacing.clone();
        this.origin = origin.clone();
        this.direction = direction.clone();
    }

    /** A grid with identity direction and origin at zero. */
    public static Grid of(int nx, int ny, int nz, double sx, double sy, double sz) {
        return new Grid(nx, ny, nz, new double[] {sx, sy, sz}, new double[3], new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
    }

    public int nx() { return nx; }
    public int ny() { return ny; }
    public int nz() { return nz; }
    public int voxelCount() { return nx * ny * nz; }
    public double[] spacing() { return spacing.clone(); }
    public double spacing(int axis) { return spacing[axis]; }
    public double[] origin() { return origin.clone(); }
    /** Row-major 3×3 matrix; column a is the direction of voxel axis a. */
    public double[] direction() { return direction.clone(); }

    public int index(int x, int y, int z) { return x + nx * (y + ny * z); }

    /** World (LPS, mm) position of the centre of voxel (i, j, k); fractional indices allowed. */
    public double[] toWorld(double i, double j, double k) {
        double[] p = origin.clone();
        double[] v = {i * spacing[0], j * spacing[1], k * spacing[2]};
        for (int r = 0; r < 3; r++) {
            p[r] += direction[3 * r] * v[0] + direction[3 * r + 1] * v[1] + direction[3 * r + 2] * v[2];
        }
        return p;
    }

    /** True if both grids have the same dimensions and, within {@link #GEOMETRY_TOLERANCE}, the same geometry. */
    public boolean sameGeometry(Grid other) {
        return describeDifference(other) == null;
    }

    /** A human-readable description of how {@code other} differs from this grid, or null if they agree. */
    public String describeDifference(Grid other) {
        if (nx != other.nx || ny != other.ny || nz != other.nz) {
            return "size " + other.nx + "×" + other.ny + "×" + other.nz + " differs from " + nx + "×" + ny + "×" + nz;
        }
        if (!close(spacing, other.spacing)) {
            return "spacing " + Arrays.toString(other.spacing) + " differs from " + Arrays.toString(spacing);
        }
        if (!close(origin, other.origin)) {
            return "origin " + Arrays.toString(other.origin) + " differs from " + Arrays.toString(origin);
        }
        if (!close(direction, other.direction)) {
            return "direction " + Arrays.toString(other.direction) + " differs from " + Arrays.toString(direction);
        }
        return null;
    }

    private static boolean close(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > GEOMETRY_TOLERANCE * Math.max(1.0, Math.abs(a[i]))) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return nx + "×" + ny + "×" + nz + " @ " + Arrays.toString(spacing) + " mm, origin " + Arrays.toString(origin);
    }
}
