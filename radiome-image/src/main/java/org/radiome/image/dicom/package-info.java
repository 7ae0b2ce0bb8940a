/**
 * DICOM input: image series (CT, MR, PET in SUVbw; single-frame files or enhanced multi-frame images),
 * RT Structure Sets and Segmentations as ROIs on an image grid, and Segmentations written from masks.
 *
 * <p>Parsing, transfer syntaxes and decompression are PixelMed's (Debian {@code libpixelmed-java}; codecs:
 * PixelMed's JPEG lossless, TwelveMonkeys JPEG, jai-imageio JPEG 2000). This is the only package that
 * uses PixelMed: its public types ({@link org.radiome.image.dicom.DicomSeriesReader},
 * {@link org.radiome.image.dicom.DicomSeries}, {@link org.radiome.image.dicom.RtStruct},
 * {@link org.radiome.image.dicom.DicomSeg}, {@link org.radiome.image.dicom.DicomSegWriter},
 * {@link org.radiome.image.dicom.DicomFiles}) speak in Radiome's {@code Volume}, {@code Grid} and
 * {@code Mask}; {@code DicomObject} wraps PixelMed's attribute lists for the rest of the package.
 *
 * <p>Written here by hand, because PixelMed does not do it: stacking slices into a grid with the checks
 * radiomics needs ({@code SliceStack}), the SUVbw conversion ({@code PetSuv}, after PS3.3 C.8.9 and the
 * QIBA vendor-neutral rules), and contour rasterisation ({@code ContourRasteriser}). PixelMed converts no
 * contours to masks; {@code java.awt.geom.Path2D} can test single points, but one test per voxel costs
 * voxels × edges and its boundary rule is not ours to document, so the rasteriser is a scan-line even–odd
 * fill at voxel centres whose rule the README states.
 *
 * <p>Errors are {@link org.radiome.image.io.ImageReadException}s naming the file (and frame or ROI) and
 * the problem in one line.
 */
package org.radiome.image.dicom;
