package org.radiome.analysis.model;

import java.util.Base64;
import java.util.List;

import org.radiome.analysis.AnalysisException;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

import com.google.protobuf.InvalidProtocolBufferException;

/**
 * A fitted {@link RandomForest}: a Tribuo ensemble that scores the probability of class 1. Tribuo sees the
 * features as {@code f0000, f0001, ...} (their column order), so a model never carries column names of the
 * training data inside its serialised form beyond {@link #features()}. Its persistent form is Tribuo's own
 * protobuf ({@link Model#serialize()}), base64-encoded ({@link #toBase64}); Tribuo reads it back without Java
 * deserialisation. Immutable; Tribuo models are safe to use for prediction from several threads.
 */
public final class ForestModel implements FittedModel {
    static final String POSITIVE = "1";

    private final List<String> features;
    private final Model<Label> model;

    ForestModel(List<String> features, Model<Label> model) {
        this.features = List.copyOf(features);
        this.model = model;
    }

    static String[] tribuoNames(int p) {
        String[] names = new String[p];
        for (int j = 0; j < p; j++) names[j] = String.format("f%04d", j);
        return names;
    }

    @Override
    public String learner() { return RandomForest.NAME; }

    @Override
    public Outcome outcome() { return Outcome.BINARY; }

    @Override
    public List<String> features() { return features; }

    /** The number of trees. */
    public int trees() {
        return model instanceof org.tribuo.ensemble.EnsembleModel<?> e ? e.getNumModels() : 1;
    }

    @Override
    public double[] predict(double[][] x) {
        Checks.predictable(x, features.size());
        List<Prediction<Label>> predictions = model.predict(RandomForest.examples(x, features.size()));
        double[] p = new double[x.length];
        for (int i = 0; i < p.length; i++) {
            Label one = predictions.get(i).getOutputScores().get(POSITIVE);
            p[i] = one == null ? 0 : one.getScore();
        }
        return p;
    }

    /** Tribuo's protobuf form of the model, base64 (RFC 4648). */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(model.serialize().toByteArray());
    }

    /** Reads {@link #toBase64()}'s output back. */
    @SuppressWarnings("unchecked")
    public static ForestModel fromBase64(List<String> features, String base64) {
        try {
            Model<?> m = Model.deserialize(ModelProto.parseFrom(Base64.getDecoder().decode(base64)));
            if (!m.validate(Label.class)) throw new AnalysisException("the stored forest is not a classification model");
            if (m.getFeatureIDMap().size() > features.size()) {
                throw new AnalysisException("the stored forest uses " + m.getFeatureIDMap().size() + " features but lists " + features.size());
            }
            return new ForestModel(features, (Model<Label>) m);
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            throw new AnalysisException("the stored forest cannot be read: " + e.getMessage());
        }
    }
}
