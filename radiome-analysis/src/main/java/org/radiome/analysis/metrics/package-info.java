/**
 * Performance of a fitted model on cases with known outcomes: discrimination (AUC with DeLong's interval,
 * Harrell's C), the Brier score, calibration (binned observed against predicted, logistic recalibration), risk
 * groups, and a seeded percentile bootstrap for an interval around any of them.
 */
package org.radiome.analysis.metrics;
