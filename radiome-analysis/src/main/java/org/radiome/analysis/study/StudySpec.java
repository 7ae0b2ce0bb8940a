package org.radiome.analysis.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.radiome.analysis.model.Outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A study specification, read from YAML (every key documented in README.md, "analyze study"). Relative
 * file paths are resolved against the spec file's folder. Unknown keys and bad values are errors naming the
 * key, so a typo never silently falls back to a default. {@code sha256} is the spec file's, of the bytes read.
 */
public record StudySpec(Path file, String name, long seed, List<DataTable> data, OutcomeSpec outcome, FeatureSpec features,
                        SubgroupSpec subgroups, ReproducibilitySpec reproducibility, HarmonisationSpec harmonisation,
                        SelectionSpec selection, ModelSpec model, ValidationSpec validation, AssociationSpec associations,
                        ReportSpec report, String sha256) {

    /** One input table, joined on case_id; {@code prefix} goes before each of its other column names. */
    public record DataTable(Path file, String prefix) { }

    /** A binary response column, or a survival time and 0/1 event column. */
    public record OutcomeSpec(Outcome type, String column, String time, String event) {
        /** The outcome columns. */
        public List<String> columns() {
            return type == Outcome.BINARY ? List.of(column) : List.of(time, event);
        }
    }

    /**
     * The candidate features: {@code columns} by name, or every column starting with {@code prefix}, or
     * every column of the data table with index {@code table} ({@code all}); minus {@code exclude}.
     */
    public record FeatureSpec(List<String> columns, String prefix, int table, List<String> exclude) { }

    /** Columns for the bias audit (each may be null); age is cut into bands at {@code ageCuts}. */
    public record SubgroupSpec(String sex, String site, String age, double[] ageCuts, int minCases, int minPerClass) { }

    /** Test-retest filter: features with ICC ({@code icc} = ICC1, ICC2 or ICC3) at least {@code minIcc}. */
    public record ReproducibilitySpec(Path table, String prefix, String repeatColumn, String icc, double minIcc) { }

    /** ComBat across {@code batch}, preserving {@code covariates}; fitted inside each training fold. */
    public record HarmonisationSpec(String batch, List<String> covariates) { }

    /** Feature selection inside each training fold. */
    public record SelectionSpec(double qMax, int fallbackTop, double maxAbsCorrelation, boolean lasso, String lassoLambda,
                                int lassoFolds, int lassoPathLength) { }

    /**
     * The learner ({@link #learner} by name), its inner CV folds, for the penalised learners the elastic-net alpha,
     * and clinical {@code covariates} that enter the model beside the selected features, never subject to selection.
     */
    public record ModelSpec(String learner, int innerFolds, double alpha, List<String> covariates) { }

    /** Nested cross-validation: {@code folds} outer folds, {@code repeats} times; {@code bootstrap} resamples for CIs. */
    public record ValidationSpec(int folds, int repeats, int bootstrap) { }

    /**
     * Imaging-to-variable associations on the whole cohort: every kept feature against each variable in
     * {@code with} and each numeric column of the data tables with index in {@code tables}; {@code test} is
     * {@code auto} (Mann-Whitney for 0/1 variables, Spearman otherwise), {@code mann-whitney} or {@code spearman};
     * BH q-values over all the section's tests, significant at {@code qMax}.
     */
    public record AssociationSpec(List<String> with, List<Integer> tables, String test, double qMax) { }

    /**
     * Report settings: survival columns for a Kaplan-Meier plot of a binary study's predicted risk groups (null
     * when not given; a survival study uses its outcome), and the number of equal-size risk groups (2 cuts at
     * the median, 3 at the tertiles, ...).
     */
    public record ReportSpec(String time, String event, int riskGroups) { }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Reads and validates a spec file. */
    public static StudySpec read(Path file) {
        JsonNode root;
        String sha256;
        try {
            byte[] bytes = Files.readAllBytes(file);
            sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            // strict UTF-8, as Files.readString
            root = YAML.readTree(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        } catch (NoSuchFileException e) {
            throw new StudyException(file + ": spec file not found");
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new StudyException(file + (line > 0 ? " line " + line : "") + ": not valid YAML: " + msg);
        } catch (IOException e) {
            throw new StudyException(file + ": cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new StudyException(file + ": the spec must be a YAML mapping of keys");
        return parse(root, file, sha256);
    }

    /** The spec in {@code root}, read from {@code file} whose bytes have the SHA-256 {@code sha256} (provenance). */
    static StudySpec parse(JsonNode root, Path file, String sha256) {
        Path base = file.toAbsolutePath().getParent();
        Keys top = new Keys(root, "", file);
        top.allow("name", "seed", "data", "outcome", "features", "subgroups", "reproducibility", "harmonisation", "selection",
            "model", "validation", "associations", "report");
        String name = top.text("name", "study");
        long seed = top.integer("seed", 2026, Long.MIN_VALUE, Long.MAX_VALUE);

        JsonNode dataNode = top.required("data");
        if (!dataNode.isArray() || dataNode.isEmpty()) throw top.error("data", "must be a list of tables (each 'file' and optional 'prefix')");
        List<DataTable> data = new ArrayList<>();
        for (int i = 0; i < dataNode.size(); i++) {
            Keys t = top.child(dataNode.get(i), "data[" + i + "]");
            t.allow("file", "prefix");
            data.add(new DataTable(base.resolve(t.requiredText("file")), t.text("prefix", "")));
        }

        Keys o = top.child(top.required("outcome"), "outcome");
        o.allow("type", "column", "time", "event");
        String type = o.requiredText("type");
        OutcomeSpec outcome = switch (type) {
            case "binary" -> {
                o.forbid("time", "event");
                yield new OutcomeSpec(Outcome.BINARY, o.requiredText("column"), null, null);
            }
            case "survival" -> {
                o.forbid("column");
                yield new OutcomeSpec(Outcome.SURVIVAL, null, o.requiredText("time"), o.requiredText("event"));
            }
            default -> throw o.error("type", "must be binary or survival, was '" + type + "'");
        };

        FeatureSpec features;
        JsonNode fNode = top.required("features");
        if (fNode.isTextual()) {
            if (!fNode.asText().equals("all")) throw top.error("features", "must be 'all' or a mapping (columns, prefix, table, exclude)");
            features = new FeatureSpec(null, null, 0, List.of());
        } else {
            Keys f = top.child(fNode, "features");
            f.allow("columns", "prefix", "table", "exclude");
            int given = (f.has("columns") ? 1 : 0) + (f.has("prefix") ? 1 : 0) + (f.has("table") ? 1 : 0);
            if (given != 1) throw top.error("features", "give exactly one of columns, prefix or table");
            int table = (int) f.integer("table", 0, 0, data.size() - 1);
            features = new FeatureSpec(f.has("columns") ? f.strings("columns") : null, f.has("prefix") ? f.requiredText("prefix") : null,
                table, f.has("exclude") ? f.strings("exclude") : List.of());
        }

        // sections with defaults: an absent section reads as an empty one, so each default is written once, below
        Keys sg = top.section("subgroups");
        sg.allow("sex", "site", "age", "age_cuts", "min_cases", "min_per_class");
        double[] cuts = sg.has("age_cuts") ? sg.numbers("age_cuts") : new double[] {60, 70};
        for (int i = 1; i < cuts.length; i++) {
            if (!(cuts[i] > cuts[i - 1])) throw sg.error("age_cuts", "must increase");
        }
        SubgroupSpec subgroups = new SubgroupSpec(sg.text("sex", null), sg.text("site", null), sg.text("age", null), cuts,
            (int) sg.integer("min_cases", 30, 1, Integer.MAX_VALUE), (int) sg.integer("min_per_class", 10, 1, Integer.MAX_VALUE));

        ReproducibilitySpec repro = null;
        if (top.has("reproducibility")) {
            Keys r = top.child(top.node("reproducibility"), "reproducibility");
            r.allow("table", "prefix", "repeat_column", "icc", "min_icc");
            String icc = r.text("icc", "ICC3").toUpperCase(Locale.ROOT);
            if (!Set.of("ICC1", "ICC2", "ICC3").contains(icc)) throw r.error("icc", "must be ICC1, ICC2 or ICC3, was '" + icc + "'");
            repro = new ReproducibilitySpec(base.resolve(r.requiredText("table")), r.text("prefix", ""), r.text("repeat_column", "repeat"),
                icc, r.number("min_icc", 0.75, -1, 1));
        }

        HarmonisationSpec harm = null;
        if (top.has("harmonisation")) {
            Keys h = top.child(top.node("harmonisation"), "harmonisation");
            h.allow("method", "batch", "covariates");
            String method = h.text("method", "combat");
            if (!method.equals("combat")) throw h.error("method", "must be combat, was '" + method + "'");
            harm = new HarmonisationSpec(h.requiredText("batch"), h.has("covariates") ? h.strings("covariates") : List.of());
        }

        Keys sel = top.section("selection");
        sel.allow("q_max", "fallback_top", "max_abs_correlation", "lasso", "lasso_lambda", "lasso_folds", "lasso_path_length");
        String rule = sel.text("lasso_lambda", "1se");
        if (!rule.equals("1se") && !rule.equals("min")) throw sel.error("lasso_lambda", "must be 1se or min, was '" + rule + "'");
        double qMax = sel.number("q_max", 0.1, 0, 1);
        if (!(qMax > 0)) throw sel.error("q_max", "must be above 0");
        SelectionSpec selection = new SelectionSpec(qMax, (int) sel.integer("fallback_top", 10, 1, Integer.MAX_VALUE),
            sel.number("max_abs_correlation", 0.9, 0, 1), sel.bool("lasso", true), rule,
            (int) sel.integer("lasso_folds", 5, 3, 20), (int) sel.integer("lasso_path_length", 30, 2, 200));

        Keys m = top.section("model");
        m.allow("learner", "inner_folds", "alpha", "covariates");
        List<String> covariates = m.has("covariates") ? m.strings("covariates") : List.of();
        if (new java.util.HashSet<>(covariates).size() < covariates.size()) throw m.error("covariates", "names a column twice");
        ModelSpec model = new ModelSpec(m.text("learner", outcome.type() == Outcome.BINARY ? "penalised-logistic" : "penalised-cox"),
            (int) m.integer("inner_folds", 5, 3, 20), m.number("alpha", 0.5, 0, 1), covariates);

        Keys v = top.section("validation");
        v.allow("folds", "repeats", "bootstrap");
        ValidationSpec validation = new ValidationSpec((int) v.integer("folds", 5, 2, 50), (int) v.integer("repeats", 2, 1, 100),
            (int) v.integer("bootstrap", 1000, 100, 100_000));

        AssociationSpec associations = null;
        if (top.has("associations")) {
            Keys a = top.child(top.node("associations"), "associations");
            a.allow("with", "tables", "test", "q_max");
            if (!a.has("with") && !a.has("tables")) throw top.error("associations", "needs 'with' (columns) or 'tables' (data table indices)");
            List<Integer> tables = new ArrayList<>();
            if (a.has("tables")) {
                for (double d : a.numbers("tables")) {
                    if (d != Math.rint(d) || d < 0 || d >= data.size()) throw a.error("tables", "must list indices of data tables, 0 to " + (data.size() - 1));
                    tables.add((int) d);
                }
            }
            String test = a.text("test", "auto");
            if (!Set.of("auto", "mann-whitney", "spearman").contains(test)) throw a.error("test", "must be auto, mann-whitney or spearman, was '" + test + "'");
            associations = new AssociationSpec(a.has("with") ? a.strings("with") : List.of(), List.copyOf(tables), test,
                a.number("q_max", 0.05, Double.MIN_VALUE, 1));
        }

        Keys r = top.section("report");
        r.allow("survival", "risk_groups");
        String time = outcome.time(), event = outcome.event();
        if (r.has("survival")) {
            if (outcome.type() == Outcome.SURVIVAL) throw r.error("survival", "does not apply: the outcome is already survival");
            Keys sv = r.child(r.node("survival"), "survival");
            sv.allow("time", "event");
            time = sv.requiredText("time");
            event = sv.requiredText("event");
        }
        int groups = 2;
        if (r.has("risk_groups")) {
            JsonNode g = r.node("risk_groups");
            groups = switch (g.asText()) {
                case "median" -> 2;
                case "tertiles" -> 3;
                case "quartiles" -> 4;
                default -> {
                    if (!g.isIntegralNumber() || g.asInt() < 2 || g.asInt() > 10) {
                        throw r.error("risk_groups", "must be median, tertiles, quartiles or a number of equal-size groups from 2 to 10, was '" + g.asText() + "'");
                    }
                    yield g.asInt();
                }
            };
        }
        ReportSpec report = new ReportSpec(time, event, groups);
        return new StudySpec(file, name, seed, List.copyOf(data), outcome, features, subgroups, repro, harm, selection, model, validation,
            associations, report, sha256);
    }

    /** Key access on one YAML mapping, with errors that name the full key path. */
    static final class Keys {
        private final JsonNode node;
        private final String path;
        private final Path file;

        Keys(JsonNode node, String path, Path file) {
            this.node = node;
            this.path = path;
            this.file = file;
            if (node == null || !node.isObject()) throw new StudyException(file + ": key '" + path + "' must be a mapping of keys");
        }

        Keys child(JsonNode n, String key) {
            return new Keys(n, full(key), file);
        }

        /** The mapping under {@code key}, or an empty one when the key is absent (its settings then all take their defaults). */
        Keys section(String key) {
            return child(has(key) ? node(key) : YAML.createObjectNode(), key);
        }

        String full(String key) { return path.isEmpty() ? key : path + "." + key; }

        StudyException error(String key, String problem) {
            return new StudyException(file + ": key '" + full(key) + "' " + problem);
        }

        void allow(String... keys) {
            Set<String> ok = Set.of(keys);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!ok.contains(k)) throw error(k, "is not a known key (expected one of " + String.join(", ", keys) + ")");
            }
        }

        void forbid(String... keys) {
            for (String k : keys) if (has(k)) throw error(k, "does not apply here");
        }

        boolean has(String key) { return node.has(key) && !node.get(key).isNull(); }

        JsonNode node(String key) { return node.get(key); }

        JsonNode required(String key) {
            if (!has(key)) throw error(key, "is missing");
            return node.get(key);
        }

        String requiredText(String key) {
            JsonNode n = required(key);
            if (!n.isValueNode() || n.asText().isBlank()) throw error(key, "must be a non-empty text");
            return n.asText();
        }

        String text(String key, String fallback) {
            return has(key) ? requiredText(key) : fallback;
        }

        long integer(String key, long fallback, long min, long max) {
            if (!has(key)) return fallback;
            JsonNode n = node.get(key);
            if (!n.isIntegralNumber()) throw error(key, "must be an integer, was '" + n.asText() + "'");
            long v = n.asLong();
            if (v < min || v > max) throw error(key, "must lie in [" + min + ", " + max + "], was " + v);
            return v;
        }

        double number(String key, double fallback, double min, double max) {
            if (!has(key)) return fallback;
            JsonNode n = node.get(key);
            if (!n.isNumber()) throw error(key, "must be a number, was '" + n.asText() + "'");
            double v = n.asDouble();
            if (!(v >= min && v <= max)) throw error(key, "must lie in [" + min + ", " + max + "], was " + v);
            return v;
        }

        boolean bool(String key, boolean fallback) {
            if (!has(key)) return fallback;
            JsonNode n = node.get(key);
            if (!n.isBoolean()) throw error(key, "must be true or false, was '" + n.asText() + "'");
            return n.asBoolean();
        }

        List<String> strings(String key) {
            JsonNode n = required(key);
            if (n.isTextual()) return List.of(n.asText());
            if (!n.isArray() || n.isEmpty()) throw error(key, "must be a list of column names");
            List<String> out = new ArrayList<>();
            for (JsonNode e : n) {
                if (!e.isValueNode() || e.asText().isBlank()) throw error(key, "must be a list of column names");
                out.add(e.asText());
            }
            return List.copyOf(out);
        }

        double[] numbers(String key) {
            JsonNode n = required(key);
            if (!n.isArray()) throw error(key, "must be a list of numbers");
            double[] out = new double[n.size()];
            for (int i = 0; i < out.length; i++) {
                if (!n.get(i).isNumber()) throw error(key, "must be a list of numbers");
                out[i] = n.get(i).asDouble();
            }
            return out;
        }
    }
}
