package io.gitinsight.messaging;

import java.nio.charset.StandardCharsets;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The RabbitMQ connector hands JSON bodies over decoded; consumers read the envelope from its bytes either way. */
public final class MessageBodies {

    private MessageBodies() {
    }

    public static byte[] bytes(Object payload) {
        if (payload instanceof byte[] raw) {
            return raw;
        }
        if (payload instanceof JsonObject json) {
            return json.toBuffer().getBytes();
        }
        if (payload instanceof JsonArray json) {
            return json.toBuffer().getBytes();
        }
        if (payload instanceof Buffer buffer) {
            return buffer.getBytes();
        }
        return String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
    }
}
