package org.radiome.cli.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.association.Correlation;
import org.radiome.analysis.association.MultipleTesting;
import org.radiome.analysis.association.TestResult;
import org.radiome.analysis.association.TwoSampleTests;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code radiome analyze associate}: univariate tests of every feature against every variable, with BH q-values. */
@Command(name = "associate", mixinStandardHelpOptions = true,
        description = {
            "Tests each feature against each variable and adjusts the p-values of the whole call.",
            "mann-whitney and welch compare the two groups of a two-level variable (for 0/1, the group",
            "coded 1 is the first sample, as wilcox.test(x[g == 1], x[g == 0])); spearman and pearson",
            "correlate two numeric columns. Missing values are dropped per test."},
        footer = {"", "Example:",
            "  radiome analyze associate --data features.csv --data genomics_mutations.csv:mut_ \\",
            "      --features all --with mut_KRAS --test mann-whitney --adjust bh"})
final class AssociateCommand extends AnalysisCommand {
    enum Test { mann_whitney, welch, spearman, pearson }

    @Option(names = "--features", required = true, split = ",", paramLabel = "COLS|all",
            description = "Feature columns; 'all' means every column of the first --data file.")
    List<String> features;

    @Option(names = "--with", required = true, split = ",", paramLabel = "COLS", description = "The variables to test against.")
    List<String> with;

    @Option(names = "--test", required = true, paramLabel = "TEST", converter = TestConverter.class,
            description = "mann-whitney, welch, spearman or pearson.")
    Test test;

    @Option(names = "--adjust", defaultValue = "bh", paramLabel = "bh|none", description = "Multiple-testing adjustment (default bh).")
    String adjust;

    static final class TestConverter implements picocli.CommandLine.ITypeConverter<Test> {
        @Override
        public Test convert(String value) {
            try {
                return Test.valueOf(value.replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not a test: use mann-whitney, welch, spearman or pearson");
            }
        }
    }

    @Override
    void analyse(Table table, ObjectNode root) {
        if (!adjust.equals("bh") && !adjust.equals("none")) throw new AnalysisException("--adjust must be bh or none, was " + adjust);
        List<String> feats = columns(table, features);
        List<String> vars = columns(table, with);
        root.put("test", test.name().replace('_', '-'));
        root.put("adjust", adjust);
        List<ObjectNode> results = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        for (String v : vars) {
            for (String f : feats) {
                if (f.equals(v)) continue;
                int[] rows = table.completeRows(List.of(f, v));
                double[] x = numeric(table, f, rows);
                if (isConstant(x)) {
                    warn("feature " + f + " is constant over the cases that have " + v + "; skipped");
                    continue;
                }
                String what = f + " vs " + v;
                TestResult r = switch (test) {
                    case pearson -> Correlation.pearson(x, numeric(table, v, rows), what);
                    case spearman -> Correlation.spearman(x, numeric(table, v, rows), what);
                    case mann_whitney, welch -> twoSample(table, f, v, rows, x, what);
                };
                ObjectNode o = JSON.createObjectNode();
                o.put("feature", f);
                o.put("variable", v);
                o.put("n", r.n());
                o.put("n_missing", table.rowCount() - rows.length);
                o.put("statistic", r.statistic());
                if (test == Test.welch || test == Test.pearson || test == Test.spearman) o.put("df", r.df());
                o.put("estimate", r.estimate());
                o.put("p", r.p());
                if (r.hasInterval()) o.putArray("ci95").add(r.ciLower()).add(r.ciUpper());
                results.add(o);
                ps.add(r.p());
            }
        }
        double[] p = ps.stream().mapToDouble(Double::doubleValue).toArray();
        double[] q = adjust.equals("bh") ? MultipleTesting.benjaminiHochberg(p) : p;
        ArrayNode arr = root.putArray("results");
        for (int i = 0; i < results.size(); i++) {
            results.get(i).put("q", q[i]);
            arr.add(results.get(i));
        }
    }

    private TestResult twoSample(Table table, String f, String v, int[] rows, double[] x, String what) {
        String[] text = table.text(v);
        TreeSet<String> levels = new TreeSet<>(AssociateCommand::compareLevels);
        for (int r : rows) levels.add(text[r]);
        if (levels.size() != 2) {
            throw new AnalysisException("variable " + v + " has " + levels.size() + " level" + (levels.size() == 1 ? "" : "s")
                + " " + levels + " among the cases with " + f + "; a two-sample test needs exactly 2");
        }
        String first = levels.last();
        int n1 = 0;
        for (int r : rows) if (text[r].equals(first)) n1++;
        double[] a = new double[n1], b = new double[rows.length - n1];
        for (int i = 0, ia = 0, ib = 0; i < rows.length; i++) {
            if (text[rows[i]].equals(first)) a[ia++] = x[i];
            else b[ib++] = x[i];
        }
        return test == Test.welch ? TwoSampleTests.welch(a, b, what) : TwoSampleTests.mannWhitney(a, b, what);
    }

    /** Numeric levels compare as numbers (so 0 < 1 < 10), others as text. */
    static int compareLevels(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static boolean isConstant(double[] x) {
        for (double d : x) if (d != x[0]) return false;
        return true;
    }
}
