package io.gitinsight.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** YAML files and multi-document streams as Jackson trees. */
public final class Yaml {

    public static final YAMLMapper MAPPER = new YAMLMapper();

    private Yaml() {
    }

    /** Every non-empty document of a file, in order. */
    public static List<JsonNode> documents(Path file) {
        try {
            return documents(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static List<JsonNode> documents(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        // one root value per document (a reader's readValues would unwrap a document that is a list)
        try (JsonParser parser = MAPPER.createParser(yaml)) {
            while (parser.nextToken() != null) {
                JsonNode doc = MAPPER.readTree(parser);
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("invalid YAML", e);
        }
        return docs;
    }

    /** A file holding exactly one document. */
    public static JsonNode document(Path file) {
        List<JsonNode> docs = documents(file);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + docs.size() + " documents, expected one");
        }
        return docs.get(0);
    }
}
