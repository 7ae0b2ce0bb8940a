package org.radiome.analysis.model;

import java.util.ArrayList;
import java.util.List;

import org.radiome.analysis.AnalysisException;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A random forest for a binary response (Breiman 2001), trained by Tribuo (Oracle Labs, Apache-2.0): bootstrap
 * samples, one CART tree per sample on the Gini index, a random share of the features considered at each split,
 * and the forest's probability of class 1 the mean of the trees' leaf class distributions (Tribuo's
 * {@link FullyWeightedVotingCombiner}, as scikit-learn's {@code predict_proba}). Survival forests are not
 * supported ({@code supports(SURVIVAL)} is false): Tribuo has none. Immutable and thread-safe: a new Tribuo
 * trainer is built per fit from {@code seed}, so the same data and seed give the same forest.
 *
 * @param trees             number of trees (randomForest's ntree, default 500)
 * @param maxDepth          largest tree depth ({@link Integer#MAX_VALUE} for unlimited)
 * @param featureFraction   share of the features tried at each split; NaN for floor(sqrt(p)) / p as
 *                          randomForest's default mtry for classification
 * @param minLeafCases      smallest number of cases in a child node (Tribuo's minChildWeight with unit weights)
 */
public record RandomForest(int trees, int maxDepth, double featureFraction, int minLeafCases) implements Learner {
    public static final String NAME = "random-forest";

    /**
     * Tribuo's bagging trainer logs one INFO line per tree through java.util.logging; a study would print
     * thousands of them on stderr. Its logger is quietened to warnings once, and held here so the setting is
     * not lost with a garbage-collected logger.
     */
    private static final java.util.logging.Logger TRIBUO_BAGGING = quiet("org.tribuo.ensemble.BaggingTrainer");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    public RandomForest {
        if (trees < 1) throw new IllegalArgumentException("a forest needs at least one tree, was " + trees);
        if (maxDepth < 1) throw new IllegalArgumentException("tree depth must be >= 1, was " + maxDepth);
        if (!Double.isNaN(featureFraction) && !(featureFraction > 0 && featureFraction <= 1)) {
            throw new IllegalArgumentException("feature fraction must lie in (0, 1], was " + featureFraction);
        }
        if (minLeafCases < 1) throw new IllegalArgumentException("min leaf cases must be >= 1, was " + minLeafCases);
    }

    /** 500 unlimited-depth trees, sqrt(p) features per split, at least one case per leaf (randomForest's defaults). */
    public static RandomForest defaults() {
        return new RandomForest(500, Integer.MAX_VALUE, Double.NaN, 1);
    }

    @Override
    public String name() { return NAME; }

    @Override
    public boolean supports(Outcome outcome) { return outcome == Outcome.BINARY; }

    @Override
    public ForestModel fit(TrainingData data, long seed) {
        if (data.outcome() != Outcome.BINARY) throw new AnalysisException(NAME + " fits a binary outcome only, not " + data.outcome());
        Checks.trainable(data, NAME);
        int p = data.features().size();
        double fraction = Double.isNaN(featureFraction) ? Math.max(1, Math.floor(Math.sqrt(p))) / p : featureFraction;
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("radiome training data", factory), factory);
        String[] names = ForestModel.tribuoNames(p);
        for (int i = 0; i < data.caseCount(); i++) {
            dataset.add(new ArrayExample<>(new Label(data.y()[i] == 1 ? ForestModel.POSITIVE : "0"), names, data.x()[i]));
        }
        CARTClassificationTrainer tree = new CARTClassificationTrainer(maxDepth, minLeafCases, 0.0f, (float) fraction, false,
            new GiniIndex(), seed);
        RandomForestTrainer<Label> trainer = new RandomForestTrainer<>(tree, new FullyWeightedVotingCombiner(), trees, seed);
        assert TRIBUO_BAGGING.getLevel() == java.util.logging.Level.WARNING;
        Model<Label> model = trainer.train(dataset);
        return new ForestModel(data.features(), model);
    }

    /** Tribuo examples for the rows of x, features named as in training. */
    static List<Example<Label>> examples(double[][] x, int p) {
        String[] names = ForestModel.tribuoNames(p);
        List<Example<Label>> out = new ArrayList<>(x.length);
        for (double[] row : x) out.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, row));
        return out;
    }
}
