package org.radiome.analysis.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable cohort table: one row per case, keyed by {@code case_id}, and named columns of text values
 * (an empty value is missing). Each column remembers the file it came from and each row's line in that
 * file, so that an error can name file, line and column without naming the patient.
 *
 * <p>Numbers are parsed on request ({@link #numeric}); a value that is not a number is an error, never a
 * silent NaN. Thread-safe: nothing changes after construction.
 */
public final class Table {
    /** The name of the key column that joins tables. */
    public static final String CASE_ID = "case_id";

    /** One column: its values in row order, its source file and the line of each row in that file. */
    record Column(String name, String source, String[] values, int[] lines) { }

    private final List<String> caseIds;
    private final Map<String, Column> columns;

    Table(List<String> caseIds, Map<String, Column> columns) {
        this.caseIds = List.copyOf(caseIds);
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        for (Column c : columns.values()) {
            if (c.values().length != caseIds.size()) throw new IllegalArgumentException("column " + c.name() + " has the wrong length");
        }
    }

    public int rowCount() { return caseIds.size(); }

    /** The case identifiers in row order (for output tables; never put them in messages). */
    public List<String> caseIds() { return caseIds; }

    /** Column names in order, {@code case_id} excluded. */
    public List<String> columnNames() { return List.copyOf(columns.keySet()); }

    public boolean hasColumn(String name) { return columns.containsKey(name); }

    /** The file a column came from. */
    public String sourceOf(String name) { return column(name).source(); }

    /** Names of the columns that came from the given source file, in order. */
    public List<String> columnsFrom(String source) {
        List<String> out = new ArrayList<>();
        for (Column c : columns.values()) if (c.source().equals(source)) out.add(c.name());
        return out;
    }

    /** The raw text of a column; an empty string is a missing value. */
    public String[] text(String name) { return column(name).values().clone(); }

    /** True where the column has a missing (empty) value. */
    public boolean isMissing(String name, int row) { return column(name).values()[row].isEmpty(); }

    /**
     * The column as doubles, NaN where the value is missing (empty). Callers drop such rows explicitly
     * ({@link #completeRows}); a value that is present but not a number throws, naming file, line and column.
     */
    public double[] numeric(String name) {
        Column c = column(name);
        double[] out = new double[c.values().length];
        for (int i = 0; i < out.length; i++) {
            String v = c.values()[i];
            if (v.isEmpty()) { out[i] = Double.NaN; continue; }
            out[i] = parse(v, c, i);
        }
        return out;
    }

    private static final java.util.regex.Pattern DECIMAL =
        java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * Whether a value is a number: a finite number in plain decimal or exponent form ({@code 12}, {@code -0.5},
     * {@code 1.2e-05}). Java would also take "1d", "0x1p3", "NaN" and "Infinity"; an overflow such as "1e999" is
     * not finite. The one rule for every table value read as a number.
     */
    public static boolean isNumber(String v) {
        return DECIMAL.matcher(v).matches() && Double.isFinite(Double.parseDouble(v));
    }

    private static double parse(String v, Column c, int row) {
        if (!isNumber(v)) {
            throw new TableException(c.source() + " line " + c.lines()[row] + ": column " + c.name()
                + ": '" + v + "' is not a number");
        }
        return Double.parseDouble(v);
    }

    /** The indices of the rows where none of the given columns is missing, in row order. */
    public int[] completeRows(List<String> names) {
        List<Column> cs = new ArrayList<>();
        for (String n : names) cs.add(column(n));
        int[] keep = new int[rowCount()];
        int k = 0;
        rows:
        for (int i = 0; i < rowCount(); i++) {
            for (Column c : cs) if (c.values()[i].isEmpty()) continue rows;
            keep[k++] = i;
        }
        return java.util.Arrays.copyOf(keep, k);
    }

    /** A copy holding only the given rows, in the given order. */
    public Table rows(int[] rows) {
        List<String> ids = new ArrayList<>(rows.length);
        for (int r : rows) ids.add(caseIds.get(r));
        Map<String, Column> out = new LinkedHashMap<>();
        for (Column c : columns.values()) {
            String[] v = new String[rows.length];
            int[] l = new int[rows.length];
            for (int i = 0; i < rows.length; i++) { v[i] = c.values()[rows[i]]; l[i] = c.lines()[rows[i]]; }
            out.put(c.name(), new Column(c.name(), c.source(), v, l));
        }
        return new Table(ids, out);
    }

    /** Throws naming the column and the tables present when a column is absent. */
    public void require(String name) {
        column(name);
    }

    Column column(String name) {
        Objects.requireNonNull(name, "column name");
        Column c = columns.get(name);
        if (c == null) {
            throw new TableException("no column '" + name + "' in " + String.join(", ", sources()));
        }
        return c;
    }

    /** The distinct source files, in order. */
    public List<String> sources() {
        List<String> out = new ArrayList<>();
        for (Column c : columns.values()) if (!out.contains(c.source())) out.add(c.source());
        return out;
    }
}
