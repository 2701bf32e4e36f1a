package io.gitinsight.deploy.kubernetes;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The part of JSON Patch (RFC 6902) the overlays use: {@code add}, {@code replace}, {@code remove} and
 * {@code test}, on paths whose parent exists. Anything else is refused rather than guessed at.
 */
final class JsonPatch {

    private JsonPatch() {
    }

    /** Applies the operations in order to {@code target}, in place. */
    static void apply(JsonNode operations, ObjectNode target) {
        if (!operations.isArray()) {
            throw new KustomizeException("a patch must be a list of JSON Patch operations: " + operations);
        }
        for (JsonNode op : operations) {
            String name = op.path("op").asText();
            String path = op.path("path").asText();
            JsonPointer pointer = JsonPointer.compile(path);
            JsonNode parent = target.at(pointer.head());
            String last = pointer.last().getMatchingProperty();
            switch (name) {
                case "add" -> add(parent, last, op.required("value").deepCopy(), path);
                case "replace" -> {
                    requireExisting(target, pointer, path);
                    set(parent, last, op.required("value").deepCopy());
                }
                case "remove" -> {
                    requireExisting(target, pointer, path);
                    if (parent instanceof ArrayNode array) {
                        array.remove(Integer.parseInt(last));
                    } else {
                        ((ObjectNode) parent).remove(last);
                    }
                }
                case "test" -> {
                    if (!target.at(pointer).equals(op.required("value"))) {
                        throw new KustomizeException("test failed at " + path + ": found " + target.at(pointer)
                                + ", expected " + op.get("value"));
                    }
                }
                default -> throw new KustomizeException("unsupported JSON Patch operation: " + name);
            }
        }
    }

    private static void add(JsonNode parent, String last, JsonNode value, String path) {
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            if (last.equals("-")) {
                array.add(value);
            } else {
                array.insert(Integer.parseInt(last), value);
            }
        } else {
            throw new KustomizeException("no object or list to add " + path + " to");
        }
    }

    private static void set(JsonNode parent, String last, JsonNode value) {
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static void requireExisting(JsonNode target, JsonPointer pointer, String path) {
        if (target.at(pointer).isMissingNode()) {
            throw new KustomizeException("nothing at " + path);
        }
    }
}
