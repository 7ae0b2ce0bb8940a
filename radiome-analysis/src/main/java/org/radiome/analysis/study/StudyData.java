package org.radiome.analysis.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.radiome.analysis.model.Outcome;
import org.radiome.analysis.table.CsvTables;
import org.radiome.analysis.table.Table;

/**
 * The analysis-ready cohort of a study: the joined tables reduced to the cases with every used value, the
 * candidate features that passed the reproducibility filter ({@code x[feature][case]}), the outcome, the batch
 * and covariate columns for harmonisation, and the subgroup label of each case for the bias audit. Keeps what
 * was dropped and why (counts only: case identifiers never leave {@link #caseIds}). {@code variables} are the
 * spec's association variables ({@code variableValues[v][case]}, NaN where missing) and {@code kmTime} /
 * {@code kmEvent} the survival columns of the report's Kaplan-Meier plot (NaN where missing; null when none):
 * these never enter the model and a case missing them stays in the study. {@code modelCovariates} are the
 * spec's {@code model.covariates} ({@code modelCovariateText[c][case]}), coded per training fold by
 * {@link ModelCovariates}.
 */
public record StudyData(List<String> caseIds, List<String> features, double[][] x, Outcome outcome, double[] y, double[] time,
                        int[] event, String[] batch, List<String> covariates, String[][] covariateText,
                        Map<String, String[]> subgroups, Cohort cohort, Reproducibility.Result reproducibility,
                        List<String> variables, double[][] variableValues, double[] kmTime, double[] kmEvent,
                        List<String> modelCovariates, String[][] modelCovariateText) {

    /** One input file with its checksum. */
    public record Source(String file, String prefix, String sha256, int rows, int unmatched) { }

    /**
     * What the cohort was built from and what it lost: rows in no table join, and rows dropped because a used
     * column had no value (per column; a row missing several is counted under each).
     */
    public record Cohort(List<Source> sources, int joinedRows, int droppedByJoin, int droppedMissing,
                         Map<String, Integer> missingByColumn, int candidateFeatures) { }

    public int size() { return caseIds.size(); }

    /** Loads the spec's tables and builds the study cohort. */
    public static StudyData load(StudySpec spec) {
        List<CsvTables.Source> sources = new ArrayList<>();
        for (StudySpec.DataTable t : spec.data()) sources.add(new CsvTables.Source(t.file(), t.prefix()));
        CsvTables.Joined joined = CsvTables.readAndJoin(sources);
        Table table = joined.table();
        if (table.rowCount() == 0) throw new StudyException("the data tables share no case_id");

        List<String> candidates = candidateFeatures(spec, table);
        List<String> outcomeCols = spec.outcome().columns();
        for (String c : outcomeCols) requireColumn(spec, table, c, "outcome");
        List<String> context = new ArrayList<>();
        if (spec.harmonisation() != null) {
            requireColumn(spec, table, spec.harmonisation().batch(), "harmonisation.batch");
            context.add(spec.harmonisation().batch());
            for (String c : spec.harmonisation().covariates()) {
                requireColumn(spec, table, c, "harmonisation.covariates");
                context.add(c);
            }
        }
        for (String c : spec.model().covariates()) {
            requireColumn(spec, table, c, "model.covariates");
            if (!context.contains(c)) context.add(c);
        }
        StudySpec.SubgroupSpec sg = spec.subgroups();
        if (sg.sex() != null) requireColumn(spec, table, sg.sex(), "subgroups.sex");
        if (sg.site() != null) requireColumn(spec, table, sg.site(), "subgroups.site");
        if (sg.age() != null) requireColumn(spec, table, sg.age(), "subgroups.age");
        List<String> variables = associationVariables(spec, table);
        String kmTimeCol = spec.report().time(), kmEventCol = spec.report().event();
        if (spec.outcome().type() == Outcome.BINARY && kmTimeCol != null) {
            requireColumn(spec, table, kmTimeCol, "report.survival.time");
            requireColumn(spec, table, kmEventCol, "report.survival.event");
        }
        candidates.removeAll(outcomeCols);
        candidates.removeAll(context);
        candidates.removeAll(variables);
        if (kmTimeCol != null) candidates.removeAll(List.of(kmTimeCol, kmEventCol));
        if (candidates.isEmpty()) throw new StudyException(spec.file() + ": key 'features' selects no feature column");

        Reproducibility.Result repro = null;
        List<String> features = candidates;
        if (spec.reproducibility() != null) {
            repro = Reproducibility.filter(spec.reproducibility(), candidates);
            features = repro.kept();
            if (features.isEmpty()) {
                throw new StudyException("no feature reaches " + spec.reproducibility().icc() + " >= " + spec.reproducibility().minIcc()
                    + " (key 'reproducibility.min_icc')");
            }
        }

        List<String> used = new ArrayList<>(features);
        used.addAll(outcomeCols);
        used.addAll(context);
        Map<String, Integer> missing = new LinkedHashMap<>();
        for (String c : used) {
            int m = 0;
            for (int i = 0; i < table.rowCount(); i++) if (table.isMissing(c, i)) m++;
            if (m > 0) missing.put(c, m);
        }
        int[] rows = table.completeRows(used);
        if (rows.length < 10) throw new StudyException("only " + rows.length + " cases have every feature and outcome value; a study needs more");
        Table t = table.rows(rows);

        double[][] x = new double[features.size()][];
        for (int f = 0; f < x.length; f++) x[f] = t.numeric(features.get(f));
        double[] y = null, time = null;
        int[] event = null;
        if (spec.outcome().type() == Outcome.BINARY) {
            y = t.numeric(spec.outcome().column());
            int ones = 0;
            for (double v : y) {
                if (v != 0 && v != 1) throw new StudyException("outcome column " + spec.outcome().column() + " must be 0 or 1, found " + v);
                if (v == 1) ones++;
            }
            if (ones < 2 || ones > y.length - 2) {
                throw new StudyException("outcome column " + spec.outcome().column() + " needs both classes; it has " + ones + " of " + y.length + " cases coded 1");
            }
        } else {
            time = t.numeric(spec.outcome().time());
            double[] e = t.numeric(spec.outcome().event());
            event = new int[e.length];
            int events = 0;
            for (int i = 0; i < e.length; i++) {
                if (!(time[i] >= 0)) throw new StudyException("survival time column " + spec.outcome().time() + " has a negative value " + time[i]);
                if (e[i] != 0 && e[i] != 1) throw new StudyException("event column " + spec.outcome().event() + " must be 0 or 1, found " + e[i]);
                event[i] = (int) e[i];
                events += event[i];
            }
            if (events < 2) throw new StudyException("event column " + spec.outcome().event() + " has " + events + " events; a survival study needs more");
        }
        String[] batch = null;
        List<String> covariates = List.of();
        String[][] covText = new String[0][];
        if (spec.harmonisation() != null) {
            batch = t.text(spec.harmonisation().batch());
            covariates = spec.harmonisation().covariates();
            covText = new String[covariates.size()][];
            for (int c = 0; c < covText.length; c++) covText[c] = t.text(covariates.get(c));
        }
        Map<String, String[]> subgroups = new LinkedHashMap<>();
        if (sg.sex() != null) subgroups.put("sex", labels(t.text(sg.sex())));
        if (sg.age() != null) subgroups.put("age", ageBands(t, sg.age(), sg.ageCuts()));
        if (sg.site() != null) subgroups.put("site", labels(t.text(sg.site())));

        List<Source> described = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            CsvTables.Input in = joined.inputs().get(i);
            described.add(new Source(in.file(), in.prefix(), in.sha256(), in.rows(), in.unmatched()));
        }
        Cohort cohort = new Cohort(described, table.rowCount(), joined.droppedRows(), table.rowCount() - rows.length, missing,
            candidates.size());
        double[][] values = new double[variables.size()][];
        for (int v = 0; v < values.length; v++) values[v] = t.numeric(variables.get(v));
        double[] kmTime = null, kmEvent = null;
        if (spec.outcome().type() == Outcome.BINARY && kmTimeCol != null) {
            kmTime = t.numeric(kmTimeCol);
            kmEvent = t.numeric(kmEventCol);
            for (int i = 0; i < kmTime.length; i++) {
                if (kmTime[i] < 0) throw new StudyException("report.survival.time column " + kmTimeCol + " has a negative value " + kmTime[i]);
                if (!Double.isNaN(kmEvent[i]) && kmEvent[i] != 0 && kmEvent[i] != 1) {
                    throw new StudyException("report.survival.event column " + kmEventCol + " must be 0 or 1, found " + kmEvent[i]);
                }
            }
        }
        return new StudyData(t.caseIds(), List.copyOf(features), x, spec.outcome().type(), y, time, event, batch, covariates, covText,
            subgroups, cohort, repro, List.copyOf(variables), values, kmTime, kmEvent, spec.model().covariates(),
            spec.model().covariates().stream().map(t::text).toArray(String[][]::new));
    }

    /** The association section's variables: {@code with} as named, then the numeric columns of {@code tables} (others skipped). */
    static List<String> associationVariables(StudySpec spec, Table t) {
        StudySpec.AssociationSpec a = spec.associations();
        if (a == null) return List.of();
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String c : a.with()) {
            requireColumn(spec, t, c, "associations.with");
            t.numeric(c); // a value that is not a number is an error naming file, line and column
            out.add(c);
        }
        for (int index : a.tables()) {
            for (String c : t.columnsFrom(t.sources().get(index))) {
                try {
                    t.numeric(c);
                    out.add(c);
                } catch (org.radiome.analysis.table.TableException e) {
                    // a text column (sex, site ...) of a listed table is not an association variable
                }
            }
        }
        out.removeAll(spec.outcome().columns());
        return new ArrayList<>(out);
    }

    private static void requireColumn(StudySpec spec, Table t, String column, String key) {
        if (!t.hasColumn(column)) {
            throw new StudyException(spec.file() + ": key '" + key + "' names column '" + column + "', which is in none of the data tables");
        }
    }

    static List<String> candidateFeatures(StudySpec spec, Table t) {
        StudySpec.FeatureSpec f = spec.features();
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (f.columns() != null) {
            for (String c : f.columns()) {
                requireColumn(spec, t, c, "features.columns");
                out.add(c);
            }
        } else if (f.prefix() != null) {
            for (String c : t.columnNames()) if (c.startsWith(f.prefix())) out.add(c);
            if (out.isEmpty()) throw new StudyException(spec.file() + ": key 'features.prefix': no column starts with '" + f.prefix() + "'");
        } else {
            out.addAll(t.columnsFrom(t.sources().get(f.table())));
        }
        for (String c : f.exclude()) {
            requireColumn(spec, t, c, "features.exclude");
            out.remove(c);
        }
        return new ArrayList<>(out);
    }

    private static String[] labels(String[] text) {
        String[] out = new String[text.length];
        for (int i = 0; i < text.length; i++) out[i] = text[i].isEmpty() ? "(missing)" : text[i];
        return out;
    }

    /** Age bands "<c1", "[c1,c2)", …, ">=ck"; a missing age is "(missing)". */
    static String[] ageBands(Table t, String column, double[] cuts) {
        double[] age = t.numeric(column);
        String[] out = new String[age.length];
        for (int i = 0; i < age.length; i++) out[i] = Double.isNaN(age[i]) ? "(missing)" : band(age[i], cuts);
        return out;
    }

    static String band(double age, double[] cuts) {
        if (cuts.length == 0) return "all";
        if (age < cuts[0]) return "<" + fmt(cuts[0]);
        for (int k = 1; k < cuts.length; k++) if (age < cuts[k]) return "[" + fmt(cuts[k - 1]) + "," + fmt(cuts[k]) + ")";
        return ">=" + fmt(cuts[cuts.length - 1]);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Rows {@code rows} of the feature matrix, feature-major: {@code out[f][i] = x[f][rows[i]]}. */
    double[][] features(int[] rows) {
        double[][] out = new double[x.length][rows.length];
        for (int f = 0; f < x.length; f++) for (int i = 0; i < rows.length; i++) out[f][i] = x[f][rows[i]];
        return out;
    }
}
