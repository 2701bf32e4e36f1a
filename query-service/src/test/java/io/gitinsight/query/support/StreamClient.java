package io.gitinsight.query.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.model.json.Json;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * A WebSocket subscriber for tests: connects to the service under test, keeps every message and the
 * close code. {@link #pause()} stops reading from the socket, which makes it a slow client.
 */
public final class StreamClient implements AutoCloseable {

    private final WebSocketClient client;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Short> closed = new CompletableFuture<>();
    private WebSocket socket;

    private StreamClient(Vertx vertx, int receiveBuffer) {
        WebSocketClientOptions options = new WebSocketClientOptions().setMaxMessageSize(1024 * 1024)
                .setMaxFrameSize(1024 * 1024);
        if (receiveBuffer > 0) {
            options.setReceiveBufferSize(receiveBuffer);
        }
        this.client = vertx.createWebSocketClient(options);
    }

    public static StreamClient connect(Vertx vertx, String path, String bearer) {
        return connect(vertx, path, bearer, 0);
    }

    /** @param receiveBuffer the socket's receive buffer in bytes (0: the system's), small for a slow client */
    public static StreamClient connect(Vertx vertx, String path, String bearer, int receiveBuffer) {
        StreamClient stream = new StreamClient(vertx, receiveBuffer);
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost").setPort(RestAssured.port)
                .setURI(path);
        if (bearer != null) {
            options.addHeader("Authorization", "Bearer " + bearer);
        }
        try {
            // handlers are set on the event loop as the handshake completes, before any frame is read
            stream.socket = stream.client.connect(options).map(socket -> {
                try {
                    socket.closeHandler(ignored -> stream.closed.complete(socket.closeStatusCode()));
                    socket.textMessageHandler(stream.messages::add);
                } catch (IllegalStateException closedAlready) {
                    // the server closed it before the handlers were on: the code is known already
                    stream.closed.complete(socket.closeStatusCode());
                }
                return socket;
            }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open " + path, e);
        }
        return stream;
    }

    /** The next message, or an assertion failure when none comes within the timeout. */
    public JsonNode next(Duration timeout) {
        try {
            String text = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new AssertionError("no stream message within " + timeout);
            }
            return Json.mapper().readTree(text);
        } catch (InterruptedException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whatever arrives within {@code window}. */
    public List<String> drain(Duration window) {
        List<String> out = new ArrayList<>();
        try {
            Thread.sleep(window.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        messages.drainTo(out);
        return out;
    }

    public int received() {
        return messages.size();
    }

    /** The close code the server sent, waiting for it. */
    public int closeCode(Duration timeout) {
        try {
            Short code = closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return code == null ? -1 : code;
        } catch (Exception e) {
            throw new AssertionError("the stream was not closed within " + timeout);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    public void pause() {
        socket.pause();
    }

    public void resume() {
        socket.resume();
    }

    @Override
    public void close() {
        if (!closed.isDone() && !socket.isClosed()) {
            socket.close();
        }
        client.close();
    }
}
