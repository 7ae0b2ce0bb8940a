package org.radiome.analysis.metrics;

import org.radiome.analysis.AnalysisException;

/** The Brier score (Brier 1950) of probabilities for a 0/1 response: mean (p_i - y_i)^2; 0 is perfect. Thread-safe. */
public final class Brier {
    private Brier() { }

    public static double score(double[] response, double[] probability) {
        if (response.length != probability.length) throw new IllegalArgumentException("response and probability differ in length");
        if (response.length == 0) throw new AnalysisException("the Brier score needs at least one case");
        double s = 0;
        for (int i = 0; i < response.length; i++) {
            double y = response[i], p = probability[i];
            if (y != 0 && y != 1) throw new AnalysisException("the response must be 0 or 1, found " + y);
            if (!(p >= 0 && p <= 1)) throw new AnalysisException("a predicted probability " + p + " lies outside [0, 1]");
            s += (p - y) * (p - y);
        }
        return s / response.length;
    }
}
