package org.radiome.engine.journal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The append-only record of finished cases that makes a batch resumable.
 *
 * <p>Format: JSON Lines, UTF-8. The first line identifies the run:
 * {@code {"format":"radiome-batch-journal","version":1,"fingerprint":"<sha256>","cases":N}}; each
 * further line is one finished case:
 * {@code {"index":3,"case_id":"p04","inputs":{"image":"<sha256>",…},"rois":[{"roi":"1","features":{"morph_volume":1234.5,…}}]}}.
 * Feature values are JSON numbers written with Java's shortest round-tripping decimal, so they read
 * back as the same doubles; NaN and infinities are the strings {@code "NaN"}, {@code "Inf"},
 * {@code "-Inf"}.
 *
 * <p>Durability (group commit): {@link #append} hands the encoded record to the journal's writer
 * thread and returns at once; the writer writes every record waiting with one write and forces them to
 * disk ({@code fsync}) together. Workers therefore never wait for the disk — an fsync takes 4–9 ms on a
 * local disk here and far longer on network storage, and with an fsync per record every worker queued
 * behind it. A record is durable once {@link #sync} or {@link #close} returns; a process killed before
 * that loses only records not yet written, whose cases are then computed again on resume. Each record
 * is a whole line: a process killed in the middle of a write leaves at most a torn last line;
 * {@link #open} drops it (truncating the file to the last complete record) and the case is computed again. Damage anywhere else, a journal of
 * another command (fingerprint), or a record naming another case than the manifest is an error:
 * results of different runs are never mixed silently.
 *
 * <p>Memory: only each record's position is kept; {@link #read} fetches a record from disk.
 *
 * <p>An open journal holds an exclusive lock on its file (released on {@link #close} or process
 * death), so two runs never write one journal.
 *
 * <p>Thread-safe: records are encoded by the appending thread, written by one writer thread;
 * {@link #read} uses positional reads.
 */
public final class Journal implements Closeable {
    private static final String FORMAT = "radiome-batch-journal";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final List<String> caseIds;
    private final long[] offsets;
    private final int[] lengths;
    private int done;

    /** Group commit (see the class comment); all guarded by {@code this}. */
    private record Pending(int index, byte[] line) {}
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final boolean[] appended;
    private Thread writer;
    private boolean writing;
    private boolean closing;
    private IOException writeFailure;

    private Journal(Path file, FileChannel channel, List<String> caseIds) {
        this.file = file;
        this.channel = channel;
        this.caseIds = caseIds;
        this.offsets = new long[caseIds.size()];
        this.lengths = new int[caseIds.size()];
        this.appended = new boolean[caseIds.size()];
        Arrays.fill(offsets, -1);
    }

    /**
     * Opens the journal of a run, creating it if absent, else checking it and recovering its records.
     *
     * @param fingerprint identifies what the run computes (settings, manifest, mode, version)
     * @param caseIds     the manifest's case ids, by index
     */
    public static Journal open(Path file, String fingerprint, List<String> caseIds) throws IOException, JournalException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Journal journal = new Journal(file, channel, List.copyOf(caseIds));
        try {
            lock(file, channel);
            journal.recover(fingerprint);
        } catch (IOException | JournalException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return journal;
    }

    /** One run per journal: a second process (or a second run in this one) on the same output is refused. */
    private static void lock(Path file, FileChannel channel) throws IOException, JournalException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) throw new JournalException(file, "in use by another radiome batch writing the same output");
    }

    private void recover(String fingerprint) throws IOException, JournalException {
        long validEnd = 0;
        int lineNumber = 0;
        boolean header = false;
        String badLine = null;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long position = 0;
            for (int b; (b = in.read()) >= 0; ) {
                position++;
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                lineNumber++;
                byte[] bytes = line.toByteArray();
                line.reset();
                if (badLine != null) {
                    throw new JournalException(file, "damaged at line " + badLine + " (" + lineNumber
                            + " lines in all); it cannot be resumed: delete it to start over");
                }
                JsonNode node = parse(bytes);
                if (node == null) {
                    badLine = Integer.toString(lineNumber);
                    continue;
                }
                if (!header) {
                    checkHeader(node, fingerprint);
                    header = true;
                } else {
                    recordPosition(node, lineNumber, validEnd, bytes.length + 1);
                }
                validEnd = position;
            }
        }
        // A torn last line (unterminated, or terminated but unparseable) is the trace of a killed write.
        if (channel.size() != validEnd) channel.truncate(validEnd);
        if (!header) {
            writeFully(ByteBuffer.wrap(headerLine(fingerprint)), 0);
            channel.force(true);
        }
    }

    private static JsonNode parse(byte[] line) {
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void checkHeader(JsonNode node, String fingerprint) throws JournalException {
        if (!FORMAT.equals(node.path("format").asText()) || node.path("version").asInt() != VERSION) {
            throw new JournalException(file, "not a Radiome batch journal (version " + VERSION + ")");
        }
        if (!fingerprint.equals(node.path("fingerprint").asText()) || node.path("cases").asInt(-1) != caseIds.size()) {
            throw new JournalException(file, "journal of a different batch (the settings, the manifest, the options or the"
                    + " Radiome version changed); delete it to start over, or run the original command to resume it");
        }
    }

    private void recordPosition(JsonNode node, int lineNumber, long offset, int length) throws JournalException {
        int index = node.path("index").asInt(-1);
        String caseId = node.path("case_id").asText(null);
        if (index < 0 || index >= caseIds.size() || !caseIds.get(index).equals(caseId)) {
            throw new JournalException(file, "line " + lineNumber + " records a case that is not in the manifest at that position");
        }
        if (offsets[index] >= 0) return; // recorded twice: both copies are the same computation; keep the first
        offsets[index] = offset;
        lengths[index] = length;
        done++;
    }

    private byte[] headerLine(String fingerprint) throws JsonProcessingException {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("version", VERSION);
        node.put("fingerprint", fingerprint);
        node.put("cases", caseIds.size());
        return line(JSON.writeValueAsBytes(node));
    }

    private static byte[] line(byte[] json) {
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }

    public Path file() { return file; }

    public synchronized boolean isDone(int index) { return offsets[index] >= 0; }

    public synchronized int doneCount() { return done; }

    /**
     * Hands one finished case to the writer thread and returns without waiting for the disk (see the class
     * comment); durable after {@link #sync}.
     *
     * @throws IOException an earlier write of this journal failed (nothing more is accepted)
     */
    public void append(CaseRecord record) throws IOException {
        int index = record.index();
        if (!caseIds.get(index).equals(record.caseId())) throw new IllegalArgumentException("case " + record.caseId() + " is not case " + index);
        byte[] line = encode(record); // outside the lock: appending threads encode in parallel
        synchronized (this) {
            if (writeFailure != null) throw failure();
            if (closing) throw new IllegalStateException(file + ": journal closed");
            if (offsets[index] >= 0 || appended[index]) throw new IllegalStateException("case " + index + " is already journalled");
            appended[index] = true;
            queue.add(new Pending(index, line));
            if (writer == null) {
                writer = new Thread(this::writeLoop, "radiome-journal");
                writer.setDaemon(true);
                writer.start();
            }
            notifyAll();
        }
    }

    /** Waits until every record appended so far is on disk. */
    public synchronized void sync() throws IOException {
        boolean interrupted = false;
        try {
            while ((!queue.isEmpty() || writing) && writeFailure == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the records are on their way; finish waiting, then restore the flag
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
        if (writeFailure != null) throw failure();
    }

    /** The writer thread: all waiting records in one write and one fsync, until closed and drained. */
    private void writeLoop() {
        while (true) {
            List<Pending> batch;
            synchronized (this) {
                while (queue.isEmpty() && !closing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // only close() ends the writer: it must not drop appended records
                    }
                }
                if (queue.isEmpty()) return;
                batch = new ArrayList<>(queue);
                queue.clear();
                writing = true;
            }
            long offset = -1;
            IOException failure = null;
            try {
                offset = channel.size();
                int total = 0;
                for (Pending p : batch) total += p.line().length;
                ByteBuffer lines = ByteBuffer.allocate(total);
                for (Pending p : batch) lines.put(p.line());
                writeFully(lines.flip(), offset);
                channel.force(false);
            } catch (IOException e) {
                failure = e;
            } catch (RuntimeException | Error e) { // never leave sync() waiting on a writer that died
                failure = new IOException(e.toString(), e);
            }
            synchronized (this) {
                writing = false;
                if (failure != null) {
                    writeFailure = failure; // these cases are not journalled: a resumed run computes them again
                    queue.clear();
                } else {
                    for (Pending p : batch) {
                        offsets[p.index()] = offset;
                        lengths[p.index()] = p.line().length;
                        offset += p.line().length;
                        done++;
                    }
                }
                notifyAll();
                if (failure != null) return;
            }
        }
    }

    private IOException failure() {
        return new IOException(file + ": cannot write the journal: " + writeFailure.getMessage(), writeFailure);
    }

    /** The record of case {@code index}, read back from disk; null if the case is not journalled. */
    public CaseRecord read(int index) throws IOException {
        long offset;
        int length;
        synchronized (this) {
            if (appended[index] && offsets[index] < 0) sync();
            offset = offsets[index];
            length = lengths[index];
        }
        if (offset < 0) return null;
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) throw new IOException(file + ": ends inside a record");
        }
        return decode(JSON.readTree(buffer.array()));
    }

    private void writeFully(ByteBuffer buffer, long offset) throws IOException {
        while (buffer.hasRemaining()) channel.write(buffer, offset + buffer.position());
    }

    /** Writes every appended record to disk, stops the writer thread and closes the file. */
    @Override
    public void close() throws IOException {
        Thread w;
        try {
            sync();
        } finally {
            synchronized (this) {
                closing = true;
                notifyAll();
                w = writer;
            }
            if (w != null) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            channel.close();
        }
    }

    static byte[] encode(CaseRecord record) throws JsonProcessingException {
        ObjectNode node = JSON.createObjectNode();
        node.put("index", record.index());
        node.put("case_id", record.caseId());
        ObjectNode inputs = node.putObject("inputs");
        new TreeMap<>(record.inputs()).forEach(inputs::put);
        ArrayNode rois = node.putArray("rois");
        for (CaseRecord.RoiValues r : record.rois()) {
            ObjectNode roi = rois.addObject();
            roi.put("roi", r.roi());
            ObjectNode features = roi.putObject("features");
            for (int i = 0; i < r.tags().length; i++) {
                double v = r.values()[i];
                if (Double.isNaN(v)) features.put(r.tags()[i], "NaN");
                else if (Double.isInfinite(v)) features.put(r.tags()[i], v > 0 ? "Inf" : "-Inf");
                else features.put(r.tags()[i], v);
            }
        }
        return line(JSON.writeValueAsBytes(node));
    }

    static CaseRecord decode(JsonNode node) {
        Map<String, String> inputs = new TreeMap<>();
        node.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().asText()));
        List<CaseRecord.RoiValues> rois = new ArrayList<>();
        for (JsonNode roi : node.path("rois")) {
            JsonNode features = roi.path("features");
            String[] tags = new String[features.size()];
            double[] values = new double[features.size()];
            int i = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = features.fields(); it.hasNext(); i++) {
                Map.Entry<String, JsonNode> e = it.next();
                tags[i] = e.getKey();
                values[i] = value(e.getValue());
            }
            rois.add(new CaseRecord.RoiValues(roi.path("roi").asText(), tags, values));
        }
        return new CaseRecord(node.path("index").asInt(), node.path("case_id").asText(), inputs, rois);
    }

    private static double value(JsonNode v) {
        if (v.isNumber()) return v.doubleValue();
        return switch (v.asText()) {
            case "NaN" -> Double.NaN;
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException("not a feature value: " + v);
        };
    }
}
