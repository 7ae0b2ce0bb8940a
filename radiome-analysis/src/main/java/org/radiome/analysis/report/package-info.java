/**
 * Study reports: {@link org.radiome.analysis.report.Plots} draws the figures of a radiomics study (volcano
 * and heatmap of associations, ROC, calibration, Kaplan–Meier with numbers at risk) as self-contained inline
 * SVG, and {@link org.radiome.analysis.report.HtmlReport} assembles them with text and tables into one
 * offline HTML file, written atomically.
 */
package org.radiome.analysis.report;
