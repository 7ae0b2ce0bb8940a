package org.radiome.engine.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads a YAML file as a tree, turning every problem into a one-line {@link SettingsException}. Thread-safe. */
final class YamlFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlFiles() {}

    /**
     * The document's root node, never null or missing.
     *
     * @param what how the file is named in messages, e.g. "settings file"
     */
    static JsonNode readTree(Path file, String what) throws SettingsException {
        if (!Files.isRegularFile(file)) throw new SettingsException(file, what + " not found");
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            throw new SettingsException(file, "not valid YAML: " + e.getOriginalMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new SettingsException(file, "cannot read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) throw new SettingsException(file, what + " is empty");
        return root;
    }
}
