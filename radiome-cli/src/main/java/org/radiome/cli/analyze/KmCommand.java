package org.radiome.cli.analyze;

import java.util.ArrayList;
import java.util.List;

import org.radiome.analysis.survival.KaplanMeier;
import org.radiome.analysis.survival.LogRank;
import org.radiome.analysis.survival.SurvivalData;
import org.radiome.analysis.table.Table;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code radiome analyze km}: Kaplan-Meier curves per group and the log-rank test. */
@Command(name = "km", mixinStandardHelpOptions = true,
        description = {
            "Kaplan-Meier curves per group and the log-rank test.",
            "As survfit(Surv(T, E) ~ G, conf.type = \"log\") and survdiff(Surv(T, E) ~ G)."},
        footer = {"", "Example:",
            "  radiome analyze km --data clinical.csv --time os_time --event os_event --group stage"})
final class KmCommand extends AnalysisCommand {
    @Option(names = "--time", required = true, paramLabel = "T", description = "Survival or follow-up time.")
    String time;

    @Option(names = "--event", required = true, paramLabel = "E", description = "1 = event, 0 = censored.")
    String event;

    @Option(names = "--group", paramLabel = "G", description = "Grouping column (default: one group, 'all').")
    String group;

    @Override
    void analyse(Table table, ObjectNode root) {
        List<String> used = new ArrayList<>(List.of(time, event));
        if (group != null) used.add(group);
        for (String c : used) table.require(c);
        int[] rows = completeRows(table, used, root);
        SurvivalData all = Columns.survival(table, time, event, rows);
        Columns.Groups groups = group != null ? Columns.groups(table, group, rows)
            : new Columns.Groups(List.of("all"), new int[rows.length]);
        ObjectNode out = root.putObject("groups");
        for (int g = 0; g < groups.levels().size(); g++) {
            final int level = g;
            int[] members = java.util.stream.IntStream.range(0, rows.length).filter(i -> groups.index()[i] == level).toArray();
            KaplanMeier km = KaplanMeier.fit(all.subset(members));
            ObjectNode o = out.putObject(groups.levels().get(g));
            o.put("n", km.n());
            o.put("events", km.events());
            Columns.putArray(o, "time", km.time());
            Columns.putArray(o, "n_risk", km.nRisk());
            Columns.putArray(o, "n_event", km.nEvent());
            Columns.putArray(o, "n_censor", km.nCensor());
            Columns.putArray(o, "surv", km.surv());
            Columns.putArray(o, "std_err", km.stdErr());
            Columns.putArray(o, "std_err_cumhaz", km.stdErrCumHaz());
            Columns.putArray(o, "lower", km.lower());
            Columns.putArray(o, "upper", km.upper());
            Columns.putOrNull(o, "median", km.median());
            Columns.putOrNull(o, "median_lower", km.medianLower());
            Columns.putOrNull(o, "median_upper", km.medianUpper());
            if (km.surv()[km.surv().length - 1] == 0) {
                warn("group " + groups.levels().get(g) + ": survival reaches 0; std_err, lower and upper are null from there (NA in R)");
            }
        }
        if (groups.levels().size() > 1) {
            LogRank lr = LogRank.test(all, groups.index(), groups.levels().size());
            ObjectNode o = root.putObject("logrank");
            o.put("chisq", lr.chisq());
            o.put("df", lr.df());
            o.put("p", lr.p());
            ObjectNode obs = o.putObject("observed"), exp = o.putObject("expected");
            for (int g = 0; g < groups.levels().size(); g++) {
                obs.put(groups.levels().get(g), lr.observed()[g]);
                exp.put(groups.levels().get(g), lr.expected()[g]);
            }
        }
    }
}
