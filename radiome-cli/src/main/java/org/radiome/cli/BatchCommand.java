package org.radiome.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.radiome.engine.batch.BatchExtractor;
import org.radiome.engine.batch.BatchOptions;
import org.radiome.engine.batch.BatchOutputs;
import org.radiome.engine.batch.BatchSummary;
import org.radiome.engine.batch.CaseExtraction;
import org.radiome.engine.batch.Manifest;
import org.radiome.engine.batch.ManifestException;
import org.radiome.engine.batch.NativeCaseExtraction;
import org.radiome.engine.batch.PyRadiomicsCaseExtraction;
import org.radiome.engine.journal.JournalException;
import org.radiome.engine.progress.ConsoleProgress;
import org.radiome.engine.settings.PyRadiomicsParamsReader;
import org.radiome.engine.settings.SettingsException;
import org.radiome.features.ExtractionSettings;
import org.radiome.features.pyradiomics.PyRadiomicsSettings;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radiome batch}: the features of every case of a manifest, in parallel and resumably. */
@Command(name = "batch",
        mixinStandardHelpOptions = true,
        description = {
            "Extracts the features of every case listed in a manifest into one table (CSV or Parquet),",
            "one row per case and ROI: case_id, roi, the manifest's other columns, then the features.",
            "Radiome's IBSI mode takes --settings; PyRadiomics-compatible mode takes --pyradiomics-params.",
            "",
            "The manifest is a CSV file with a header naming case_id, image and mask, optionally roi",
            "(a label; empty: every non-zero voxel, or every label with --all-rois) and series, and any",
            "other columns, which are copied to the output. Relative paths resolve against the",
            "manifest's folder.",
            "",
            "Cases run in parallel; finished cases are journalled in OUT.journal as they complete.",
            "After a crash or kill, the same command resumes: only missing cases are computed and the",
            "table is the same as that of an uninterrupted run. Failed cases are listed in",
            "OUT.errors.csv (case_id, file, reason); OUT.provenance.json records version, settings,",
            "input checksums and times."},
        footer = {"", "Example:",
            "  radiome batch --manifest cohort.csv --settings settings/native.yaml --out features.parquet",
            "",
            "Exit status: 0 when every case succeeded, 3 when some cases failed (the others are in the",
            "table; see OUT.errors.csv), 1 if the batch cannot run (bad manifest or settings, a journal",
            "of another command), 2 for a usage error."})
final class BatchCommand implements Callable<Integer> {
    /** Exit status when some cases failed and the others were written. */
    static final int SOME_CASES_FAILED = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--manifest", required = true, paramLabel = "CASES.csv", description = "The cases: case_id,image,mask[,roi][,series][,other columns…].")
    Path manifest;

    /** Exactly one of the two modes. */
    static final class Mode {
        @Option(names = "--settings", required = true, paramLabel = "FILE.yaml",
                description = "Extraction settings (see settings/ and the README), e.g. settings/native.yaml.")
        Path settings;

        @Option(names = "--pyradiomics-params", required = true, paramLabel = "PARAMS.yaml",
                description = "PyRadiomics-compatible mode: an ordinary PyRadiomics parameter file; columns named as PyRadiomics names them.")
        Path pyradiomicsParams;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv|OUT.parquet", description = "The feature table; its extension picks the format.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all available cores).")
    Integer threads;

    @Option(names = "--all-rois", description = "Every label of a mask as its own ROI (one row each), for rows with an empty roi.")
    boolean allRois;

    @Option(names = "--log-interval", paramLabel = "SECONDS", hidden = true, description = "Seconds between progress lines when not on a terminal (default: 10).")
    double logInterval = 10;

    @Override
    public Integer call() throws UserFacingException {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) throw new UserFacingException("--threads must be at least 1, was " + n, 2);
        BatchOutputs outputs;
        try {
            outputs = BatchOutputs.of(out);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), 2);
        }
        Manifest cases;
        try {
            cases = Manifest.read(manifest);
        } catch (ManifestException e) {
            throw new UserFacingException(e.getMessage());
        }
        CaseExtraction extraction = mode.settings != null ? nativeExtraction(mode.settings) : pyRadiomicsExtraction(mode.pyradiomicsParams);
        var err = spec.commandLine().getErr();
        err.println("radiome batch: " + cases.cases().size() + " cases from " + manifest + ", " + n + (n == 1 ? " thread" : " threads") + " -> " + out);
        err.flush();
        ConsoleProgress progress = new ConsoleProgress(err, System.console() != null, Duration.ofMillis((long) (logInterval * 1000)));
        BatchSummary summary;
        try {
            summary = BatchExtractor.run(cases, extraction, outputs, new BatchOptions(n, Version.current()), progress);
        } catch (ManifestException | JournalException e) {
            throw new UserFacingException(e.getMessage());
        } catch (IOException e) {
            throw new UserFacingException(out + ": cannot write: " + e.getMessage());
        }
        err.println("radiome batch: " + summary.rows() + " rows of " + (summary.cases() - summary.failures().size()) + " cases written to " + out
                + (summary.resumed() > 0 ? " (" + summary.resumed() + " cases resumed from the journal)" : ""));
        if (summary.failures().isEmpty()) return 0;
        err.println("radiome batch: " + summary.failures().size() + " of " + summary.cases() + " cases failed; see " + outputs.errors());
        return SOME_CASES_FAILED;
    }

    private CaseExtraction nativeExtraction(Path settings) throws UserFacingException {
        ExtractionSettings s = ExtractCommand.loadSettings(settings, null);
        return new NativeCaseExtraction(s, readText(settings), settings.toString(), allRois);
    }

    private CaseExtraction pyRadiomicsExtraction(Path params) throws UserFacingException {
        PyRadiomicsSettings s;
        try {
            s = PyRadiomicsParamsReader.read(params);
        } catch (SettingsException e) {
            throw new UserFacingException(e.getMessage());
        }
        return new PyRadiomicsCaseExtraction(s, readText(params), params.toString(), allRois);
    }

    private static String readText(Path file) throws UserFacingException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserFacingException(file + ": no such file");
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot read: " + e.getMessage());
        }
    }
}
