/**
 * Our NRRD reader ({@link org.radiome.image.nrrd.NrrdReader}), written against the teem "Definition of
 * NRRD File Format"; see {@link org.radiome.image.io} for why we do not use a library.
 */
package org.radiome.image.nrrd;
