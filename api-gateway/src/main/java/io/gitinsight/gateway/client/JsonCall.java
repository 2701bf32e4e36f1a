package io.gitinsight.gateway.client;

import java.time.Duration;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.RequestOptions;

/** One small request of the gateway's own with a deadline, answered with its status, headers and body. */
public record JsonCall(int status, MultiMap headers, Buffer body, long latencyMillis) {

    public static Future<JsonCall> send(HttpClient client, RequestOptions options, Duration timeout, Buffer body) {
        long start = System.nanoTime();
        options.setIdleTimeout(timeout.toMillis()).setConnectTimeout(timeout.toMillis());
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(b -> new JsonCall(response.statusCode(), response.headers(), b,
                        (System.nanoTime() - start) / 1_000_000)));
    }

    public static Future<JsonCall> get(HttpClient client, RequestOptions options, Duration timeout) {
        return send(client, options, timeout, null);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
