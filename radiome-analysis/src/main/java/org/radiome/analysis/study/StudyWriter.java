package org.radiome.analysis.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.radiome.analysis.model.Outcome;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a study's tables and model card into its output folder, each file atomically. */
public final class StudyWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StudyWriter() { }

    /**
     * predictions.csv: per case the outcome, each repeat's outer fold and out-of-fold score, their mean
     * ({@code score}) and the final model's (apparent, not validated) score {@code final_score}.
     */
    public static List<String> predictions(Study.Result r) {
        StudyData d = r.data();
        int repeats = r.oof().length;
        List<String> lines = new ArrayList<>();
        StringBuilder h = new StringBuilder("case_id");
        h.append(d.outcome() == Outcome.BINARY ? "," + r.spec().outcome().column() : "," + r.spec().outcome().time() + "," + r.spec().outcome().event());
        for (int k = 1; k <= repeats; k++) h.append(",fold_").append(k).append(",score_").append(k);
        h.append(",score,final_score");
        lines.add(h.toString());
        for (int i = 0; i < d.size(); i++) {
            StringBuilder sb = new StringBuilder(d.caseIds().get(i));
            if (d.outcome() == Outcome.BINARY) sb.append(',').append((int) d.y()[i]);
            else sb.append(',').append(num(d.time()[i])).append(',').append(d.event()[i]);
            for (int k = 0; k < repeats; k++) sb.append(',').append(r.folds()[k][i]).append(',').append(r.oof()[k][i]);
            sb.append(',').append(r.score()[i]).append(',').append(r.finalScores()[i]);
            lines.add(sb.toString());
        }
        return lines;
    }

    /**
     * associations.csv: every feature-variable test of the spec's associations section ({@link Associations}):
     * {@code feature, variable, test, n, statistic, estimate, p, q}.
     */
    public static List<String> associations(Study.Result r) {
        List<String> lines = new ArrayList<>();
        lines.add("feature,variable,test,n,statistic,estimate,p,q");
        for (Associations.Result a : r.associations()) {
            lines.add(a.feature() + "," + a.variable() + "," + a.test() + "," + a.n() + "," + a.statistic() + "," + a.estimate() + "," + a.p()
                + "," + a.q());
        }
        return lines;
    }

    /** univariate.csv: the univariate test of every reproducible feature against the outcome on the whole (harmonised) cohort. */
    public static List<String> univariate(Study.Result r) {
        String test = r.data().outcome() == Outcome.BINARY ? "mann-whitney" : "cox";
        List<String> lines = new ArrayList<>();
        lines.add("feature,test,n,statistic,effect,p,q,selected");
        for (Selection.Association a : r.finalFit().univariate()) {
            lines.add(a.feature() + "," + test + "," + a.n() + "," + a.statistic() + "," + a.effect() + "," + a.p() + "," + a.q() + ","
                + r.finalFit().selected().contains(a.feature()));
        }
        return lines;
    }

    public static void writeLines(Path file, List<String> lines) {
        writeString(file, String.join("\n", lines) + "\n");
    }

    public static void writeJson(Path file, ObjectNode node) {
        try {
            writeString(file, JSON.writeValueAsString(node) + "\n");
        } catch (IOException e) {
            throw new StudyException(file + ": cannot write: " + e.getMessage());
        }
    }

    public static void writeString(Path file, String text) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StudyException(file + ": cannot write: " + e.getMessage());
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
