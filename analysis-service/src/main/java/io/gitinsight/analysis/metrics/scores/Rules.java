package io.gitinsight.analysis.metrics.scores;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Scoring rules, read from a TOML file (the format is documented in {@code rules/default.toml}): dimensions in
 * the file's order, each with its kinds and weight, and the points each kind of event is worth (1 unless the file
 * says otherwise).
 */
public record Rules(String source, Map<ActivityKind, Double> points, List<Dimension> dimensions) {

    public static final String DEFAULT_RESOURCE = "/rules/default.toml";

    public Rules {
        points = Map.copyOf(points);
        dimensions = List.copyOf(dimensions);
    }

    /** The points one event of {@code kind} is worth. */
    public double pointsFor(ActivityKind kind) {
        return points.getOrDefault(kind, 1.0);
    }

    /** Reads and validates a rules file; any problem is a {@link RulesException} naming the file and key. */
    public static Rules load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulesException(file.toString(), null, "cannot be read: " + e, e);
        }
        return parse(text, file.toString());
    }

    /** The rules shipped with the service ({@code classpath:rules/default.toml}). */
    public static Rules defaults() {
        try (InputStream in = Rules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new RulesException("classpath:" + DEFAULT_RESOURCE, null, "is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new RulesException("classpath:" + DEFAULT_RESOURCE, null, "cannot be read: " + e, e);
        }
    }

    /** Parses rules from TOML text; {@code source} names it in error messages. */
    public static Rules parse(String toml, String source) {
        return new RulesParser(source).parse(toml);
    }
}
