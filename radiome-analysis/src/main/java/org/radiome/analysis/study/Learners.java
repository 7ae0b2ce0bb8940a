package org.radiome.analysis.study;

import java.util.List;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.model.FittedModel;
import org.radiome.analysis.model.LambdaRule;
import org.radiome.analysis.model.Learner;
import org.radiome.analysis.model.ModelJson;
import org.radiome.analysis.model.PenalisedCox;
import org.radiome.analysis.model.PenalisedLogistic;
import org.radiome.analysis.model.RandomForest;

import com.fasterxml.jackson.databind.JsonNode;

/** The learners a study spec can name ({@code model.learner}), and their JSON form in model.json (the model package's ModelJson). */
public final class Learners {
    public static final List<String> NAMES = List.of(PenalisedLogistic.NAME, RandomForest.NAME, PenalisedCox.NAME);

    private Learners() { }

    /**
     * The spec's learner: penalised logistic or Cox regression (elastic net with {@code model.alpha}, lambda.min of
     * an inner {@code model.inner_folds}-fold CV over 100 lambdas down to lambda_max / 100), or the random forest
     * with the model package's defaults.
     */
    public static Learner forSpec(StudySpec spec) {
        StudySpec.ModelSpec m = spec.model();
        Learner l = switch (m.learner()) {
            case PenalisedLogistic.NAME -> new PenalisedLogistic(m.alpha(), m.innerFolds(), LambdaRule.MIN, 100, 0.01);
            case PenalisedCox.NAME -> new PenalisedCox(m.alpha(), m.innerFolds(), LambdaRule.MIN, 100, 0.01);
            case RandomForest.NAME -> RandomForest.defaults();
            default -> throw new StudyException(spec.file() + ": key 'model.learner' names '" + m.learner() + "', expected one of "
                + String.join(", ", NAMES));
        };
        if (!l.supports(spec.outcome().type())) {
            throw new StudyException(spec.file() + ": key 'model.learner': " + l.name() + " cannot fit a "
                + (spec.outcome().type() == org.radiome.analysis.model.Outcome.BINARY ? "binary" : "survival") + " outcome");
        }
        return l;
    }

    public static JsonNode write(FittedModel model) {
        return ModelJson.write(model);
    }

    public static FittedModel read(JsonNode json) {
        if (json == null) throw new StudyException("the model card has no final_model.learner");
        try {
            return ModelJson.read(json);
        } catch (AnalysisException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StudyException("final_model.learner cannot be read: " + e.getMessage());
        }
    }
}
