package org.radiome.engine.batch;

import java.util.Map;

/**
 * A case that could not be extracted, as {@code OUT.errors.csv} reports it.
 *
 * @param file   the input file the problem is in, or empty when it is not one file's
 * @param reason the problem, in one line
 * @param inputs input role to SHA-256, for the inputs that could be read
 */
public record CaseFailure(int index, String caseId, String file, String reason, Map<String, String> inputs) {
    public CaseFailure {
        inputs = Map.copyOf(inputs);
    }
}
