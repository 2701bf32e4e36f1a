package io.gitinsight.systemtest.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.gitinsight.systemtest.github.Fixtures;

/** The gateway's HTTP API as a client sees it; {@code path} is relative to {@code /api/v1} unless it is absolute. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String gatewayUrl;

    public Api(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    public String url(String path) {
        return path.startsWith("http") ? path
                : gatewayUrl + (path.startsWith("/api/") || path.startsWith("/.well-known")
                        ? path
                        : "/api/v1" + path);
    }

    public ApiResponse get(String path, Caller caller) {
        return send("GET", path, null, caller, Map.of());
    }

    public ApiResponse post(String path, Object body, Caller caller) {
        return send("POST", path, body, caller, Map.of());
    }

    public ApiResponse put(String path, Object body, Caller caller) {
        return send("PUT", path, body, caller, Map.of());
    }

    public ApiResponse delete(String path, Caller caller) {
        return send("DELETE", path, null, caller, Map.of());
    }

    /** Any request; a {@code byte[]} body is sent as it is, anything else as JSON. */
    public ApiResponse send(String method, String path, Object body, Caller caller, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofByteArray(body instanceof byte[] raw ? raw : json(body)));
        }
        caller.headers().forEach(request::header);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(method, path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs until {@code done} holds for the answer; fails with the last answer after {@code timeout}. */
    public ApiResponse poll(String path, Caller caller, Duration timeout, Predicate<ApiResponse> done) {
        Instant deadline = Instant.now().plus(timeout);
        ApiResponse last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = get(path, caller);
                if (done.test(last)) {
                    return last;
                }
            } catch (UncheckedIOException e) {
                // a service restarting: asked again below
            }
            sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("GET " + path + " did not reach the expected state in " + timeout + "; last: " + last);
    }

    private static byte[] json(Object body) {
        try {
            return Fixtures.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
