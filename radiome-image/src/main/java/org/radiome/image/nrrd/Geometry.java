package org.radiome.image.nrrd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.radiome.image.Grid;
import org.radiome.image.io.ImageReadException;

/**
 * The sampling grid of a NRRD header (format definition sections 4 "Space and orientation
 * information" and 6 "Per-axis field specifications"), converted to our LPS {@link Grid}.
 */
final class Geometry {
    /** Axis kinds that are positions in space; "???" and "none" are unknown, which we also accept. */
    private static final Set<String> SPATIAL_KINDS = Set.of("domain", "space", "???", "none");

    private final Grid grid;

    private Geometry(Grid grid) {
        this.grid = grid;
    }

    Grid grid() { return grid; }

    /** A world frame: its dimension, the signs that take it to LPS, and whether its last coordinate is time. */
    private record Space(int dimension, double[] toLps, boolean timed) {}

    static Geometry of(NrrdHeader h, int dimension, long[] sizes) throws ImageReadException {
        Space space = space(h);
        double[][] directions = directions(h, space, dimension);
        String[] kinds = h.words("kinds", dimension);

        List<Integer> axes = new ArrayList<>();
        for (int a = 0; a < dimension; a++) {
            boolean spatial = directions != null ? directions[a] != null
                    : kinds == null || SPATIAL_KINDS.contains(kinds[a].toLowerCase(Locale.ROOT));
            if (spatial) {
                axes.add(a);
            } else if (sizes[a] > 1) {
                String kind = kinds == null ? "non-spatial" : kinds[a];
                throw new ImageReadException(h.file(), "not a 3-D image: axis " + a + " (" + kind + ") has " + sizes[a]
                        + " samples; only one scalar volume is supported");
            }
        }
        while (axes.size() > 3 && sizes[axes.get(axes.size() - 1)] == 1) axes.remove(axes.size() - 1);
        if (axes.size() < 2 || axes.size() > 3) {
            throw new ImageReadException(h.file(), "not a 3-D image: " + axes.size() + "-D data (sizes "
                    + Arrays.toString(sizes) + ")");
        }
        int[] n = {1, 1, 1};
        for (int i = 0; i < axes.size(); i++) {
            if (sizes[axes.get(i)] > Integer.MAX_VALUE) throw new ImageReadException(h.file(), "size " + sizes[axes.get(i)] + " is too large");
            n[i] = (int) sizes[axes.get(i)];
        }
        if ((long) n[0] * n[1] * n[2] > Integer.MAX_VALUE - 8) {
            throw new ImageReadException(h.file(), "image of " + n[0] + "×" + n[1] + "×" + n[2] + " voxels is too large");
        }

        double[] spacing = {1, 1, 1};
        double[] direction = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        if (directions != null) {
            for (int i = 0; i < axes.size(); i++) {
                double[] v = toLps(h, space, directions[axes.get(i)], "space directions");
                double length = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                if (!(length > 0) || !Double.isFinite(length)) {
                    throw new ImageReadException(h.file(), "space direction of axis " + axes.get(i) + " has length " + length);
                }
                spacing[i] = length;
                for (int r = 0; r < 3; r++) direction[3 * r + i] = v[r] / length;
            }
            if (axes.size() == 2) sliceNormal(h, direction);
        } else {
            String[] spacings = h.words("spacings", dimension);
            if (spacings != null) {
                for (int i = 0; i < axes.size(); i++) {
                    double s = Math.abs(h.number("spacings", spacings[axes.get(i)]));
                    if (Double.isNaN(s)) s = 1; // "nan": spacing not known
                    if (!(s > 0) || !Double.isFinite(s)) {
                        throw new ImageReadException(h.file(), "spacing '" + spacings[axes.get(i)] + "' of axis " + axes.get(i) + " is not positive");
                    }
                    spacing[i] = s;
                }
            }
        }
        double[] origin = {0, 0, 0};
        String originText = h.get("space origin");
        if (originText != null) {
            if (space == null) throw new ImageReadException(h.file(), "'space origin' given without 'space' or 'space dimension'");
            origin = toLps(h, space, h.vector("space origin", originText, space.dimension()), "space origin");
            for (double o : origin) {
                if (!Double.isFinite(o)) throw new ImageReadException(h.file(), "'space origin' is not finite: " + originText);
            }
        }
        for (int i = 0; i < 9; i++) direction[i] += 0.0; // −0.0 (from negating 0) prints as 0
        for (int i = 0; i < 3; i++) origin[i] += 0.0;
        return new Geometry(new Grid(n[0], n[1], n[2], spacing, origin, direction));
    }

    private static Space space(NrrdHeader h) throws ImageReadException {
        String name = h.get("space");
        if (name == null) {
            if (!h.has("space dimension")) return null;
            long d = h.integer("space dimension", 0);
            if (d < 2 || d > 3) throw new ImageReadException(h.file(), "unsupported 'space dimension' " + d + " (2 or 3)");
            return new Space((int) d, new double[] {1, 1, 1}, false);
        }
        double[] lps = {1, 1, 1}, ras = {-1, -1, 1}, las = {1, -1, 1};
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "left-posterior-superior", "lps" -> new Space(3, lps, false);
            case "right-anterior-superior", "ras" -> new Space(3, ras, false);
            case "left-anterior-superior", "las" -> new Space(3, las, false);
            case "left-posterior-superior-time", "lpst" -> new Space(4, lps, true);
            case "right-anterior-superior-time", "rast" -> new Space(4, ras, true);
            case "left-anterior-superior-time", "last" -> new Space(4, las, true);
            case "scanner-xyz", "3d-right-handed", "3d-left-handed" -> new Space(3, lps, false);
            case "scanner-xyz-time", "3d-right-handed-time", "3d-left-handed-time" -> new Space(4, lps, true);
            default -> throw new ImageReadException(h.file(), "unknown space '" + name + "'");
        };
    }

    /** One vector (or null for "none") per axis, or null if the header has no space directions. */
    private static double[][] directions(NrrdHeader h, Space space, int dimension) throws ImageReadException {
        String value = h.get("space directions");
        if (value == null) return null;
        if (space == null) throw new ImageReadException(h.file(), "'space directions' given without 'space' or 'space dimension'");
        List<String> tokens = NrrdHeader.vectorTokens(value);
        if (tokens.size() != dimension) {
            throw new ImageReadException(h.file(), "'space directions' has " + tokens.size() + " entries, dimension is " + dimension);
        }
        double[][] vectors = new double[dimension][];
        for (int a = 0; a < dimension; a++) vectors[a] = h.vector("space directions", tokens.get(a), space.dimension());
        return vectors;
    }

    /** The x, y, z part of a vector in {@code space}, as LPS; a time component must be 0. */
    private static double[] toLps(NrrdHeader h, Space space, double[] v, String field) throws ImageReadException {
        if (space.timed() && field.equals("space directions") && v[3] != 0) {
            throw new ImageReadException(h.file(), "not a 3-D image: a spatial axis moves in time in '" + field + "'");
        }
        double[] out = new double[3];
        for (int r = 0; r < 3; r++) out[r] = r < space.dimension() ? v[r] * space.toLps()[r] : 0;
        return out;
    }

    /** Completes a 2-D image's third direction column as the unit normal of the first two. */
    private static void sliceNormal(NrrdHeader h, double[] d) throws ImageReadException {
        double x = d[3] * d[7] - d[6] * d[4], y = d[6] * d[1] - d[0] * d[7], z = d[0] * d[4] - d[3] * d[1];
        double length = Math.sqrt(x * x + y * y + z * z);
        if (!(length > 0)) throw new ImageReadException(h.file(), "the two space directions are parallel");
        d[2] = x / length;
        d[5] = y / length;
        d[8] = z / length;
    }
}
