package io.gitinsight.systemtest.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.systemtest.github.Fixtures;

/** One answer of the gateway: status, headers and body (JSON for nearly everything). */
public record ApiResponse(String method, String path, int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        try {
            return Fixtures.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(describe() + " is not JSON", e);
        }
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The contract's error code ({@code {"error": {"code": ...}}}), or null. */
    public String errorCode() {
        return json().path("error").path("code").asText(null);
    }

    public String describe() {
        String shown = body.length() > 600 ? body.substring(0, 600) + "…" : body;
        return method + " " + path + " → " + status + " " + shown;
    }

    @Override
    public String toString() {
        return describe();
    }
}
