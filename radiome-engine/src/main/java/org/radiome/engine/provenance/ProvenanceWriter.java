package org.radiome.engine.provenance;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.radiome.engine.sink.AtomicFiles;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Streams a provenance file (JSON): first the run's description, a map written as given, then an
 * {@code inputs} array with one entry per case, written as they come so a cohort of any size needs
 * no memory. The file appears atomically on {@link #commit}; closing without committing leaves no
 * file.
 *
 * <p>Not thread-safe.
 */
public final class ProvenanceWriter implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path target;
    private final Path tmp;
    private final OutputStream stream;
    private final JsonGenerator json;
    private boolean committed;

    public ProvenanceWriter(Path target, Map<String, Object> run) throws IOException {
        this.target = target;
        this.tmp = AtomicFiles.tempBeside(target, ".tmp");
        this.stream = Files.newOutputStream(tmp);
        this.json = JSON.getFactory().createGenerator(stream, JsonEncoding.UTF8);
        json.useDefaultPrettyPrinter();
        json.writeStartObject();
        for (Map.Entry<String, Object> e : run.entrySet()) {
            json.writeFieldName(e.getKey());
            JSON.writeValue(json, e.getValue());
        }
        json.writeArrayFieldStart("inputs");
    }

    /** One case's entry: its id, status and inputs (role to file and checksum). */
    public void input(Map<String, Object> entry) throws IOException {
        JSON.writeValue(json, entry);
    }

    /** Finishes the document and moves it into place. */
    public void commit() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
        stream.close();
        AtomicFiles.commit(tmp, target);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (committed) return;
        json.close();
        stream.close();
        Files.deleteIfExists(tmp);
    }
}
