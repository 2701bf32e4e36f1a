package io.gitinsight.query.service;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.gitinsight.model.json.Json;

/** Answers are cached as the bytes clients receive, serialized once in the contract's JSON dialect. */
public final class JsonBytes {

    private JsonBytes() {
    }

    public static byte[] of(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be serialized", e);
        }
    }
}
