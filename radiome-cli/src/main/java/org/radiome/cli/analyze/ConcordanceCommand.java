package org.radiome.cli.analyze;

import java.util.List;

import org.radiome.analysis.survival.Concordance;
import org.radiome.analysis.survival.SurvivalData;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code radiome analyze concordance}: Harrell's C of a risk score. */
@Command(name = "concordance", mixinStandardHelpOptions = true,
        description = {"Harrell's C of a risk score (larger means higher risk).",
            "As survival::concordance(Surv(T, E) ~ P, reverse = TRUE)."})
final class ConcordanceCommand extends AnalysisCommand {
    @Option(names = "--time", required = true, paramLabel = "T", description = "Survival or follow-up time.")
    String time;

    @Option(names = "--event", required = true, paramLabel = "E", description = "1 = event, 0 = censored.")
    String event;

    @Option(names = "--predictor", required = true, paramLabel = "P", description = "Risk score: larger means shorter survival.")
    String predictor;

    @Override
    void analyse(Table table, ObjectNode root) {
        List<String> used = List.of(time, event, predictor);
        for (String c : used) table.require(c);
        int[] rows = completeRows(table, used, root);
        SurvivalData data = Columns.survival(table, time, event, rows);
        Concordance c = Concordance.of(data, numeric(table, predictor, rows));
        root.put("n", data.size());
        root.put("events", data.events());
        root.put("concordance", c.concordance());
        root.put("var", c.variance());
        root.put("std", c.std());
        root.put("concordant", c.concordant());
        root.put("discordant", c.discordant());
        root.put("tied_x", c.tiedX());
        root.put("tied_y", c.tiedY());
        root.put("tied_xy", c.tiedXY());
    }
}
