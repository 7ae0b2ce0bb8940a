package org.radiome.analysis.model;

/** What a model predicts. */
public enum Outcome {
    /** A 0/1 response; the model scores the probability of 1. */
    BINARY,
    /** Time to event with right censoring; the model scores a risk (larger = earlier event). */
    SURVIVAL
}
