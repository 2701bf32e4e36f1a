package io.gitinsight.analysis.metrics.scores;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/** Reads a rules file strictly: a typo must fail startup, not silently score with half the rules. */
final class RulesParser {

    private static final TomlMapper TOML = new TomlMapper();
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("points", "dimensions");
    private static final Set<String> DIMENSION_KEYS = Set.of("kinds", "weight");

    private final String source;

    RulesParser(String source) {
        this.source = source;
    }

    Rules parse(String toml) {
        JsonNode root;
        try {
            root = TOML.readTree(toml);
        } catch (JacksonException e) {
            throw new RulesException(source, null, "is not valid TOML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (root == null || !root.isObject()) {
            throw fail(null, "must be a TOML document with a [dimensions.NAME] table");
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw fail(key, "is not a known key: expected [points] and [dimensions.NAME] tables");
            }
        });
        return new Rules(source, points(root.get("points")), dimensions(root.get("dimensions")));
    }

    private Map<ActivityKind, Double> points(JsonNode table) {
        Map<ActivityKind, Double> points = new EnumMap<>(ActivityKind.class);
        if (table == null) {
            return points;
        }
        if (!table.isObject()) {
            throw fail("points", "must be a table of kind = points");
        }
        table.fields().forEachRemaining(e -> points.put(kind("points." + e.getKey(), e.getKey()),
                positive("points." + e.getKey(), e.getValue())));
        return points;
    }

    private List<Dimension> dimensions(JsonNode table) {
        if (table == null || !table.isObject() || table.isEmpty()) {
            throw fail("dimensions", "must hold at least one [dimensions.NAME] table");
        }
        List<Dimension> dimensions = new ArrayList<>();
        Map<ActivityKind, String> owner = new HashMap<>();
        table.fields().forEachRemaining(e -> {
            String key = "dimensions." + e.getKey();
            if (e.getKey().isBlank() || !e.getValue().isObject()) {
                throw fail(key, "must be a table with kinds and weight");
            }
            e.getValue().fieldNames().forEachRemaining(k -> {
                if (!DIMENSION_KEYS.contains(k)) {
                    throw fail(key + "." + k, "is not a known key: a dimension has kinds and weight");
                }
            });
            Set<ActivityKind> kinds = kinds(key + ".kinds", e.getValue().get("kinds"));
            for (ActivityKind k : kinds) {
                String previous = owner.putIfAbsent(k, e.getKey());
                if (previous != null) {
                    throw fail(key + ".kinds", "lists '" + k.wireName() + "', already scored by dimension '"
                            + previous + "': each kind may count in one dimension only");
                }
            }
            dimensions.add(new Dimension(e.getKey(), kinds, positive(key + ".weight", e.getValue().get("weight"))));
        });
        return dimensions;
    }

    private Set<ActivityKind> kinds(String key, JsonNode node) {
        if (node == null) {
            throw fail(key, "is missing: list the kinds this dimension scores (" + ActivityKind.wireNames() + ")");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw fail(key, "must be a non-empty list of kinds (" + ActivityKind.wireNames() + ")");
        }
        Set<ActivityKind> kinds = new LinkedHashSet<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw fail(key, "must list kinds as strings, got " + element);
            }
            kinds.add(kind(key, element.asText()));
        }
        return kinds;
    }

    private ActivityKind kind(String key, String name) {
        return ActivityKind.fromWireName(name).orElseThrow(
                () -> fail(key, "names unknown kind '" + name + "': known kinds are " + ActivityKind.wireNames()));
    }

    private double positive(String key, JsonNode node) {
        if (node == null) {
            throw fail(key, "is missing: it must be a positive number");
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble()) || node.asDouble() <= 0) {
            throw fail(key, "must be a positive number, got " + node);
        }
        return node.asDouble();
    }

    private RulesException fail(String key, String problem) {
        return new RulesException(source, key, problem);
    }
}
