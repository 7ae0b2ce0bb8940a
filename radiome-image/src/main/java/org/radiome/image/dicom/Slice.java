package org.radiome.image.dicom;

/**
 * One image plane of a series: a single-frame file, or one frame of an enhanced multi-frame file.
 *
 * @param where       how errors name it: the file name, with the frame number for multi-frame files
 * @param file        index of its file in the series' file list
 * @param frame       frame index within the file (0 for single-frame files)
 * @param position    Image Position (Patient): LPS position of the centre of the first pixel, mm
 * @param orientation Image Orientation (Patient): row then column direction cosines
 * @param pixelSpacing Pixel Spacing: distance between rows, then between columns, mm
 * @param slope       Rescale Slope
 * @param intercept   Rescale Intercept
 */
record Slice(String where, int file, int frame, int rows, int columns, double[] position, double[] orientation,
             double[] pixelSpacing, double slope, double intercept) {
}
