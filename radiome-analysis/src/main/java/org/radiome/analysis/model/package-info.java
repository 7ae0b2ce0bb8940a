/**
 * Predictive models as the study pipeline uses them: a {@link org.radiome.analysis.model.Learner} fits a
 * {@link org.radiome.analysis.model.FittedModel} on {@link org.radiome.analysis.model.TrainingData} (a binary
 * response or a survival outcome), and a fitted model scores new cases and writes itself as JSON so that
 * {@code analyze predict} can score cases later without refitting.
 */
package org.radiome.analysis.model;
