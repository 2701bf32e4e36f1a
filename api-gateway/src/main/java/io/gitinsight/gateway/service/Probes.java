package io.gitinsight.gateway.service;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** The shape of one entry of the system status: name, status, version, latency and, when down, why. */
final class Probes {

    private Probes() {
    }

    static JsonObject entry(String name, String status, String version, long latencyMillis) {
        return new JsonObject().put("name", name).put("status", status).put("version", version)
                .put("latency_ms", latencyMillis);
    }

    static JsonObject down(String name, Throwable failure) {
        return new JsonObject().put("name", name).put("status", "down").putNull("version").putNull("latency_ms")
                .put("error", reason(failure));
    }

    static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** The body as a JSON object, or null when it is not one. */
    static JsonObject json(Buffer body) {
        try {
            return body == null || body.length() == 0 ? null : body.toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }
}
