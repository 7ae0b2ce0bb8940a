package org.radiome.engine.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.radiome.engine.extract.ExtractionException;
import org.radiome.engine.extract.RoiResult;
import org.radiome.engine.journal.CaseRecord;
import org.radiome.engine.journal.Journal;
import org.radiome.engine.journal.JournalException;
import org.radiome.engine.progress.ProgressListener;
import org.radiome.engine.provenance.Checksums;
import org.radiome.engine.provenance.ProvenanceWriter;
import org.radiome.engine.sink.AtomicFiles;
import org.radiome.engine.sink.CsvRowWriter;
import org.radiome.engine.sink.ParquetConverter;
import org.radiome.features.FeatureSet;

/**
 * Extracts a whole cohort: every case of a {@link Manifest} through a {@link CaseExtraction}, in
 * parallel, resumably, with failures isolated.
 *
 * <ul>
 * <li><b>Parallel, bounded memory.</b> {@code threads} cases run at once; the next case is read only
 * when one has finished (a semaphore bounds the cases in memory to {@code threads}). When fewer
 * cases than threads remain, each case also gets a shared work-stealing pool for its feature
 * families, so the last cases of a cohort (or a cohort of one) still use every core.</li>
 * <li><b>Resumable, lossless.</b> Each finished case is written to the {@link Journal} and forced to
 * disk before the next one is admitted; nothing else holds results. Running the same command again
 * after a crash or {@code kill -9} computes only the cases missing from the journal. The table is
 * always assembled from the journal in manifest order, so an interrupted-and-resumed run writes
 * the same bytes as an uninterrupted one. The journal's fingerprint (Radiome version, extraction
 * mode and settings, manifest content) makes a changed command refuse the old journal instead of
 * mixing results. The journal is deleted when every case succeeded and kept otherwise, so that a
 * rerun retries only the failed cases.</li>
 * <li><b>Failures isolated.</b> A case whose extraction fails is listed in {@code OUT.errors.csv}
 * (case_id, file, reason) and left out of the table; the others are written.</li>
 * <li><b>Atomic outputs.</b> The table, the error list and the provenance are written beside their
 * targets and moved into place.</li>
 * </ul>
 *
 * <p>Each call owns its threads and files; concurrent calls must use different outputs.
 */
public final class BatchExtractor {
    private final Manifest manifest;
    private final CaseExtraction extraction;
    private final BatchOutputs outputs;
    private final BatchOptions options;
    private final ProgressListener progress;
    private final List<CaseFailure> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final AtomicInteger computed = new AtomicInteger();
    /**
     * The records this run computed, kept (up to {@link #KEEP_VALUES} feature values in all) so that the table and
     * the provenance are assembled without parsing them back from the journal three times over at the end — serial
     * work, ≈ 0.1 s for 60 cases and growing with the cohort. The journal holds the same doubles exactly (shortest
     * round-trip decimal), so the table is the same either way; beyond the budget, and for resumed cases, records are
     * read back from the journal.
     */
    private final Map<Integer, CaseRecord> kept = new ConcurrentHashMap<>();
    private final AtomicLong keptValues = new AtomicLong();
    private static final long KEEP_VALUES = 1L << 23; // 8 M doubles: 64 MiB

    private BatchExtractor(Manifest manifest, CaseExtraction extraction, BatchOutputs outputs, BatchOptions options,
            ProgressListener progress) {
        this.manifest = manifest;
        this.extraction = extraction;
        this.outputs = outputs;
        this.options = options;
        this.progress = progress;
    }

    /**
     * Runs the batch and writes the table, {@code OUT.errors.csv} (when cases failed) and
     * {@code OUT.provenance.json}.
     *
     * @throws JournalException  the journal belongs to another command or is damaged
     * @throws ManifestException a manifest column clashes with a feature column
     * @throws IOException       an output cannot be written (the journal keeps what was finished)
     */
    public static BatchSummary run(Manifest manifest, CaseExtraction extraction, BatchOutputs outputs, BatchOptions options,
            ProgressListener progress) throws IOException, JournalException, ManifestException {
        return new BatchExtractor(manifest, extraction, outputs, options, progress).run();
    }

    private BatchSummary run() throws IOException, JournalException, ManifestException {
        Instant started = Instant.now();
        String manifestSha = Checksums.sha256(manifest.file());
        List<String> caseIds = manifest.cases().stream().map(CaseTask::caseId).toList();
        try (Journal journal = Journal.open(outputs.journal(), fingerprint(manifestSha), caseIds)) {
            int resumed = journal.doneCount();
            List<CaseTask> pending = manifest.cases().stream().filter(t -> !journal.isDone(t.index())).toList();
            progress.started(caseIds.size(), resumed);
            try {
                computeAll(pending, journal);
            } finally {
                progress.finished();
            }
            if (fatal.get() != null) rethrowFatal();
            journal.sync();
            List<CaseFailure> failed = new ArrayList<>(failures);
            failed.sort(Comparator.comparingInt(CaseFailure::index));
            long rows = writeTable(journal);
            writeErrors(failed);
            writeProvenance(journal, failed, started, manifestSha, rows);
            BatchSummary summary = new BatchSummary(caseIds.size(), resumed, computed.get(), rows, failed);
            if (failed.isEmpty()) {
                journal.close();
                Files.deleteIfExists(outputs.journal());
            }
            return summary;
        }
    }

    /** Identifies what this run computes; a journal with another fingerprint is refused. */
    private String fingerprint(String manifestSha) {
        String text = "radiome-batch\nradiome_version=" + options.radiomeVersion() + "\n" + extraction.fingerprint()
                + "manifest_sha256=" + manifestSha + "\n";
        return Checksums.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private void computeAll(List<CaseTask> pending, Journal journal) throws IOException {
        int threads = options.threads();
        ExecutorService cases = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "radiome-case");
            t.setDaemon(true);
            return t;
        });
        ForkJoinPool insideCase = new ForkJoinPool(threads);
        Semaphore inMemory = new Semaphore(threads);
        try {
            for (int i = 0; i < pending.size() && fatal.get() == null; i++) {
                CaseTask task = pending.get(i);
                boolean tail = pending.size() - i < threads;
                inMemory.acquireUninterruptibly();
                cases.execute(() -> {
                    try {
                        if (fatal.get() == null) runCase(task, tail ? insideCase : null, journal);
                    } finally {
                        inMemory.release();
                    }
                });
            }
        } finally {
            cases.shutdown();
            awaitQuietly(cases);
            insideCase.shutdown();
        }
    }

    private void runCase(CaseTask task, ExecutorService insideCase, Journal journal) {
        Map<String, String> inputs = checksums(task);
        try {
            List<RoiResult> results = extraction.extract(task, insideCase);
            CaseRecord record = record(task, inputs, results);
            journal.append(record);
            keep(record);
            computed.incrementAndGet();
            progress.caseFinished(true);
        } catch (ExtractionException e) {
            fail(task, inputs, e.getMessage());
        } catch (IOException e) {
            fatal.compareAndSet(null, e); // the journal cannot be written: stop, keep what is journalled
        } catch (RuntimeException e) {
            fail(task, inputs, "internal error: " + e);
        } catch (Error e) {
            fatal.compareAndSet(null, e);
        }
    }

    private void fail(CaseTask task, Map<String, String> inputs, String message) {
        String file = "";
        String reason = message == null ? "unknown problem" : message;
        for (Path p : List.of(task.image(), task.mask())) {
            String prefix = p + ": ";
            if (reason.startsWith(prefix)) {
                file = p.toString();
                reason = reason.substring(prefix.length());
                break;
            }
        }
        failures.add(new CaseFailure(task.index(), task.caseId(), file, reason.replace('\n', ' '), inputs));
        computed.incrementAndGet();
        progress.caseFinished(false);
    }

    private static Map<String, String> checksums(CaseTask task) {
        Map<String, String> sums = new TreeMap<>();
        put(sums, "image", task.image());
        put(sums, "mask", task.mask());
        return sums;
    }

    private static void put(Map<String, String> sums, String role, Path file) {
        try {
            sums.put(role, Checksums.sha256(file));
        } catch (IOException e) {
            // unreadable: the extraction reports the problem
        }
    }

    private void keep(CaseRecord record) {
        long values = 0;
        for (CaseRecord.RoiValues roi : record.rois()) values += roi.values().length;
        if (keptValues.addAndGet(values) <= KEEP_VALUES) kept.put(record.index(), record);
        else keptValues.addAndGet(-values);
    }

    /** Case {@code index}'s record: from memory when this run computed it, else from the journal; null if not journalled. */
    private CaseRecord journalled(Journal journal, int index) throws IOException {
        CaseRecord r = kept.get(index);
        return r != null ? r : journal.read(index);
    }

    private static CaseRecord record(CaseTask task, Map<String, String> inputs, List<RoiResult> results) {
        List<CaseRecord.RoiValues> rois = new ArrayList<>(results.size());
        for (RoiResult r : results) {
            Map<String, FeatureSet.Entry> entries = r.features().entries();
            String[] tags = new String[entries.size()];
            double[] values = new double[entries.size()];
            int i = 0;
            for (FeatureSet.Entry e : entries.values()) {
                tags[i] = e.tag();
                values[i++] = e.value();
            }
            rois.add(new CaseRecord.RoiValues(r.roi(), tags, values));
        }
        return new CaseRecord(task.index(), task.caseId(), inputs, rois);
    }

    private void rethrowFatal() throws IOException {
        Throwable t = fatal.get();
        if (t instanceof IOException io) throw io;
        if (t instanceof Error err) throw err;
        throw new IllegalStateException(t);
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.DAYS)) break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    // ---- the table, assembled from the journal in manifest order ----

    private long writeTable(Journal journal) throws IOException, ManifestException {
        List<String> features = featureColumns(journal);
        List<String> columns = new ArrayList<>(List.of(Manifest.CASE_ID, Manifest.ROI));
        columns.addAll(manifest.passthroughColumns());
        Set<String> text = new HashSet<>(columns);
        for (String f : features) {
            if (text.contains(f)) throw new ManifestException(manifest.file(), "column " + f + " has the name of a feature; rename it");
        }
        columns.addAll(features);
        Path table = outputs.table();
        Path csv = AtomicFiles.tempBeside(table, ".csv.tmp");
        Path parquet = null;
        try {
            long rows = writeCsv(csv, journal, columns, features);
            if (outputs.format() == BatchOutputs.Format.PARQUET) {
                parquet = AtomicFiles.tempBeside(table, ".tmp");
                ParquetConverter.convert(csv, parquet, columns, text);
                AtomicFiles.commit(parquet, table);
            } else {
                AtomicFiles.commit(csv, table);
            }
            return rows;
        } finally {
            Files.deleteIfExists(csv);
            if (parquet != null) Files.deleteIfExists(parquet);
        }
    }

    /** The union of the journalled cases' feature tags, in first-seen order walking the manifest. */
    private List<String> featureColumns(Journal journal) throws IOException {
        Set<String> tags = new LinkedHashSet<>();
        for (CaseTask task : manifest.cases()) {
            CaseRecord r = journalled(journal, task.index());
            if (r == null) continue;
            for (CaseRecord.RoiValues roi : r.rois()) Collections.addAll(tags, roi.tags());
        }
        return new ArrayList<>(tags);
    }

    private long writeCsv(Path csv, Journal journal, List<String> columns, List<String> features) throws IOException {
        long rows = 0;
        Map<String, Integer> position = new LinkedHashMap<>();
        for (int i = 0; i < features.size(); i++) position.put(features.get(i), i);
        int fixed = columns.size() - features.size();
        try (CsvRowWriter out = new CsvRowWriter(csv)) {
            out.row(columns);
            for (CaseTask task : manifest.cases()) {
                CaseRecord r = journalled(journal, task.index());
                if (r == null) continue;
                for (CaseRecord.RoiValues roi : r.rois()) {
                    String[] cells = new String[columns.size()];
                    Arrays.fill(cells, "");
                    cells[0] = task.caseId();
                    cells[1] = roi.roi();
                    for (int i = 0; i < task.passthrough().size(); i++) cells[2 + i] = task.passthrough().get(i);
                    for (int i = 0; i < roi.tags().length; i++) {
                        cells[fixed + position.get(roi.tags()[i])] = CsvRowWriter.number(roi.values()[i]);
                    }
                    out.row(List.of(cells));
                    rows++;
                }
            }
        }
        return rows;
    }

    private void writeErrors(List<CaseFailure> failed) throws IOException {
        if (failed.isEmpty()) {
            Files.deleteIfExists(outputs.errors());
            return;
        }
        Path tmp = AtomicFiles.tempBeside(outputs.errors(), ".tmp");
        try {
            try (CsvRowWriter out = new CsvRowWriter(tmp)) {
                out.row(List.of("case_id", "file", "reason"));
                for (CaseFailure f : failed) out.row(List.of(f.caseId(), f.file(), f.reason()));
            }
            AtomicFiles.commit(tmp, outputs.errors());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void writeProvenance(Journal journal, List<CaseFailure> failed, Instant started, String manifestSha, long rows)
            throws IOException {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("radiome_version", options.radiomeVersion());
        run.put("command", "batch");
        run.put("started", started.toString());
        run.put("finished", Instant.now().toString());
        run.put("threads", options.threads());
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        host.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        host.put("processors", Runtime.getRuntime().availableProcessors());
        run.put("host", host);
        run.put("extraction", extraction.provenance());
        Map<String, Object> manifestInfo = new LinkedHashMap<>();
        manifestInfo.put("file", manifest.file().toAbsolutePath().normalize().toString());
        manifestInfo.put("sha256", manifestSha);
        run.put("manifest", manifestInfo);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("file", outputs.table().toAbsolutePath().normalize().toString());
        output.put("format", outputs.format().name().toLowerCase(Locale.ROOT));
        output.put("sha256", Checksums.sha256(outputs.table()));
        output.put("rows", rows);
        output.put("cases", manifest.cases().size());
        output.put("failed_cases", failed.size());
        if (!failed.isEmpty()) output.put("errors_file", outputs.errors().toAbsolutePath().normalize().toString());
        run.put("output", output);
        Map<Integer, CaseFailure> failedByIndex = new TreeMap<>();
        for (CaseFailure f : failed) failedByIndex.put(f.index(), f);
        try (ProvenanceWriter writer = new ProvenanceWriter(outputs.provenance(), run)) {
            for (CaseTask task : manifest.cases()) {
                CaseRecord r = journalled(journal, task.index());
                CaseFailure f = failedByIndex.get(task.index());
                Map<String, String> sums = r != null ? r.inputs() : f != null ? f.inputs() : Map.of();
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("case_id", task.caseId());
                if (task.roi() != null) entry.put("roi", task.roi());
                entry.put("status", r != null ? "ok" : "failed");
                entry.put("image", file(task.image(), sums.get("image")));
                entry.put("mask", file(task.mask(), sums.get("mask")));
                writer.input(entry);
            }
            writer.commit();
        }
    }

    private static Map<String, Object> file(Path path, String sha256) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", path.toString());
        m.put("sha256", sha256 == null ? "unreadable" : sha256);
        return m;
    }
}
