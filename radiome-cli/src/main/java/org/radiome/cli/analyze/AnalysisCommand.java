package org.radiome.cli.analyze;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.table.CsvTables;
import org.radiome.analysis.table.Table;
import org.radiome.cli.UserFacingException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every {@code analyze} subcommand shares: the {@code --data} tables joined on case_id, the JSON
 * document with its {@code data} block (what was read and what the join dropped), warnings, and the
 * mapping of bad input to one line on stderr.
 */
abstract class AnalysisCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv[:PREFIX]",
            description = "A table with a case_id column; repeat for more, inner-joined on case_id. "
                + "PREFIX is put before every other column name of that file.")
    List<String> data;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Write the JSON here (default: standard output).")
    Path out;

    private final List<String> warnings = new ArrayList<>();

    /** Adds the analysis' results to {@code root}. */
    abstract void analyse(Table table, ObjectNode root);

    /** Whether the first table may hold several rows per case (long format). */
    boolean repeatedCases() { return false; }

    @Override
    public Integer call() throws UserFacingException {
        ObjectNode root = JSON.createObjectNode();
        root.put("analysis", spec.name());
        try {
            List<CsvTables.Source> sources = data.stream().map(CsvTables.Source::parse).toList();
            CsvTables.Joined joined = CsvTables.readAndJoin(sources, repeatedCases());
            if (joined.table().rowCount() == 0) throw new AnalysisException("the --data tables share no case_id");
            root.set("data", describe(joined));
            analyse(joined.table(), root);
        } catch (AnalysisException e) {
            throw new UserFacingException(e.getMessage());
        }
        if (!warnings.isEmpty()) {
            ArrayNode w = root.putArray("warnings");
            PrintWriter err = spec.commandLine().getErr();
            for (String s : warnings) {
                w.add(s);
                err.println("radiome analyze " + spec.name() + ": warning: " + s);
            }
        }
        requireFinite(root, "");
        write(root);
        return 0;
    }

    void warn(String message) { warnings.add(message); }

    private static ObjectNode describe(CsvTables.Joined joined) {
        ObjectNode d = JSON.createObjectNode();
        ArrayNode tables = d.putArray("tables");
        for (CsvTables.Input in : joined.inputs()) {
            ObjectNode t = tables.addObject();
            t.put("file", in.file());
            t.put("prefix", in.prefix());
            t.put("rows", in.rows());
            t.put("unmatched_rows", in.unmatched());
        }
        d.put("joined_rows", joined.table().rowCount());
        d.put("dropped_by_join", joined.droppedRows());
        return d;
    }

    /** Rows with a value in every named column; reports the rest under {@code rows_used} / {@code dropped_missing}. */
    static int[] completeRows(Table t, List<String> columns, ObjectNode root) {
        int[] rows = t.completeRows(columns);
        root.put("rows_used", rows.length);
        root.put("dropped_missing", t.rowCount() - rows.length);
        return rows;
    }

    /** Expands {@code all} to every column of the first --data file, else checks that each named column exists. */
    static List<String> columns(Table t, List<String> names) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String n : names) {
            if (n.equals("all")) out.addAll(t.columnsFrom(t.sources().get(0)));
            else { t.require(n); out.add(n); }
        }
        return List.copyOf(out);
    }

    /** A value column picked out at the given rows. */
    static double[] numeric(Table t, String column, int[] rows) {
        double[] all = t.numeric(column);
        double[] v = new double[rows.length];
        for (int i = 0; i < rows.length; i++) v[i] = all[rows[i]];
        return v;
    }

    private void write(ObjectNode root) throws UserFacingException {
        try {
            String text = JSON.writeValueAsString(root) + System.lineSeparator();
            if (out == null) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            } else {
                Files.writeString(out, text);
            }
        } catch (IOException e) {
            throw new UserFacingException((out == null ? "standard output" : out.toString()) + ": cannot write: " + e.getMessage());
        }
    }

    /** A non-finite number in the output is a defect in Radiome, never something to hand on silently. */
    private static void requireFinite(JsonNode node, String path) {
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            throw new IllegalStateException("non-finite value at " + path);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                requireFinite(e.getValue(), path + "." + e.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) requireFinite(node.get(i), path + "[" + i + "]");
        }
    }
}
