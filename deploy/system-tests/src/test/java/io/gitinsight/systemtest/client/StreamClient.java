package io.gitinsight.systemtest.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.systemtest.github.Fixtures;

/**
 * A WebSocket subscriber of one of the gateway's streams (JDK client), keeping every message it received in
 * order, and the close code when the server closes.
 */
public final class StreamClient implements AutoCloseable {

    private final List<JsonNode> messages = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    private StreamClient() {
    }

    /** Opens {@code path} (under /api/v1) at the gateway, waiting for the handshake. */
    public static StreamClient open(String gatewayUrl, String path, Caller caller) {
        StreamClient client = new StreamClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        caller.headers().forEach(builder::header);
        URI uri = URI.create(gatewayUrl.replaceFirst("^http", "ws") + "/api/v1" + path);
        try {
            client.socket = builder.buildAsync(uri, client.new Listener()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket " + uri + " did not open", e);
        }
        return client;
    }

    /** The first message (already received or yet to come) that {@code matches}; fails after {@code timeout}. */
    public JsonNode await(Predicate<JsonNode> matches, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (messages) {
            int seen = 0;
            while (true) {
                for (; seen < messages.size(); seen++) {
                    if (matches.test(messages.get(seen))) {
                        return messages.get(seen);
                    }
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("no matching message within " + timeout + "; received: " + messages);
                }
                try {
                    messages.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Every message received so far, in order. */
    public List<JsonNode> received() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** The server's close code, once it closed. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null);
        }
        if (socket != null) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message;
                try {
                    message = Fixtures.JSON.readTree(partial.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException("stream message is not JSON: " + partial, e);
                }
                partial.setLength(0);
                synchronized (messages) {
                    messages.add(message);
                    messages.notifyAll();
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
