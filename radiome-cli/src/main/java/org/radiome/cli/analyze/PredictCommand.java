package org.radiome.cli.analyze;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.radiome.analysis.AnalysisException;
import org.radiome.analysis.study.Learners;
import org.radiome.analysis.study.Predictor;
import org.radiome.analysis.study.StudyWriter;
import org.radiome.analysis.table.CsvTables;
import org.radiome.cli.UserFacingException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radiome analyze predict}: scores new cases with a study's model.json. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Scores new cases with the final model of 'analyze study' (its model.json): the same joins and",
            "prefixes, the same ComBat harmonisation for cases of the sites the model knows, the selected features.",
            "Writes case_id,score,risk_group (the risk group by the model's risk_cuts: low/high, or low/intermediate/high, ...)."},
        footer = {"", "Example:",
            "  radiome analyze predict --model /tmp/study/model.json --data new_features.csv --data new_clinical.csv --out scores.csv"})
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "model.json", description = "The model card written by 'analyze study'.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv[:PREFIX]",
            description = "A table with a case_id column; repeat for more, inner-joined on case_id, with the prefixes used in the study.")
    List<String> data;

    @Option(names = "--out", paramLabel = "scores.csv", description = "Write the scores here (default: standard output).")
    Path out;

    @Override
    public Integer call() throws UserFacingException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            JsonNode card;
            try {
                card = new ObjectMapper().readTree(Files.readString(model));
            } catch (NoSuchFileException e) {
                throw new UserFacingException(model + ": file not found");
            } catch (JsonProcessingException e) {
                throw new UserFacingException(model + ": not valid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new UserFacingException(model + ": cannot read: " + e.getMessage());
            }
            Predictor p = Predictor.read(card, model.toString(), Learners::read);
            CsvTables.Joined joined = CsvTables.readAndJoin(data.stream().map(CsvTables.Source::parse).toList());
            if (joined.table().rowCount() == 0) throw new AnalysisException("the --data tables share no case_id");
            Predictor.Scores s = p.score(joined.table());
            List<String> lines = new ArrayList<>();
            lines.add("case_id,score,risk_group");
            for (int i = 0; i < s.score().length; i++) lines.add(s.caseIds().get(i) + "," + s.score()[i] + "," + s.riskGroup()[i]);
            if (out == null) {
                PrintWriter o = spec.commandLine().getOut();
                lines.forEach(o::println);
                o.flush();
            } else {
                StudyWriter.writeLines(out, lines);
            }
            String skipped = s.skipped() == 0 ? "" : "; " + s.skipped() + " not scored for a missing value " + s.missingByColumn();
            err.println("radiome analyze predict: scored " + s.score().length + " cases" + (joined.droppedRows() > 0
                ? " (" + joined.droppedRows() + " rows in only some tables)" : "") + skipped);
        } catch (AnalysisException e) {
            throw new UserFacingException(e.getMessage());
        }
        return 0;
    }
}
