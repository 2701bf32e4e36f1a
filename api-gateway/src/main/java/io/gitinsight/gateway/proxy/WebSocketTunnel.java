package io.gitinsight.gateway.proxy;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.gitinsight.model.error.ErrorBody;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ErrorResponses;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetSocket;

/**
 * WebSocket upgrades: the client's handshake goes to the backend, and once the backend switches protocols
 * (101) the two connections are joined byte for byte, with back-pressure both ways, until either side
 * closes. Vert.x's {@code HttpProxy} tunnels upgrades too, but answers every failed one with a bare status
 * and no body; here a backend that is down, slow to shake hands or refusing the upgrade is answered like
 * any other request: 503/504/502 {@code UPSTREAM_UNAVAILABLE}, or the backend's own refusal, in the
 * contract's error body.
 */
public final class WebSocketTunnel {

    /** The backend's handshake headers the client needs to complete its own. */
    private static final Set<String> HANDSHAKE_HEADERS = Set.of("upgrade", "connection", "sec-websocket-accept",
            "sec-websocket-protocol", "sec-websocket-extensions");

    private final Vertx vertx;
    private final HttpClient client;
    private final long connectTimeoutMillis;
    private final int max;
    /** Handshakes under way and tunnels open: each holds a connection of {@code client}'s pool. */
    private final AtomicInteger open = new AtomicInteger();

    /** {@code client}: a pool of its own, of at least {@code max} connections. */
    public WebSocketTunnel(Vertx vertx, HttpClient client, long connectTimeoutMillis, int max, MeterRegistry registry) {
        this.vertx = vertx;
        this.client = client;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.max = max;
        Gauge.builder("gitinsight.gateway.websockets.open", open, AtomicInteger::get)
                .description("WebSockets this gateway tunnels to a backend now (handshakes included)")
                .register(registry);
    }

    void open(BackendRequest request) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            request.resume();
            request.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
            send(request, 503, Buffer.buffer(ErrorResponses.toJson(ErrorBody.of(ErrorCode.UPSTREAM_UNAVAILABLE,
                    "this gateway holds its maximum of " + max + " WebSockets; try again shortly (or another replica)",
                    Map.of("service", request.backend().name(), "reason", "websocket_limit", "max_websockets", max),
                    request.traceId()))));
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                open.decrementAndGet();
            }
        };
        handshake(request, release);
    }

    private void handshake(BackendRequest request, Runnable release) {
        var backend = request.backend();
        RequestOptions options = new RequestOptions().setHost(backend.host()).setPort(backend.port())
                .setSsl(backend.ssl()).setConnectTimeout(connectTimeoutMillis).setMethod(HttpMethod.GET)
                .setURI(request.uri()).setHeaders(request.headers());
        AtomicBoolean settled = new AtomicBoolean();
        AtomicReference<HttpClientRequest> handshake = new AtomicReference<>();
        // the handshake has the route's deadline; the WebSocket after it lives as long as its subscriber wants
        long deadline = vertx.setTimer(request.timeout().toMillis(), id -> {
            if (settled.compareAndSet(false, true)) {
                HttpClientRequest pending = handshake.get();
                if (pending != null) {
                    pending.reset();
                    pending.connection().close();
                }
                release.run();
                request.resume();
                fail(request, new TimeoutException("no handshake within " + request.timeout().toMillis() + " ms"));
            }
        });
        client.request(options).compose(upstream -> {
            handshake.set(upstream);
            request.endHandler(end -> upstream.end());
            request.resume();
            return upstream.connect().onFailure(failure -> upstream.reset(0, failure));
        }).onComplete(answer -> {
            vertx.cancelTimer(deadline);
            if (!settled.compareAndSet(false, true)) {
                // answered after the deadline, which the client was told already: the connection goes, whatever
                // the answer (a pool slot must not stay with a half-upgraded connection)
                HttpClientRequest late = handshake.get();
                if (late != null) {
                    late.connection().close();
                }
                return;
            }
            if (answer.failed()) {
                release.run();
                request.resume();
                fail(request, answer.cause());
            } else if (answer.result().statusCode() == 101) {
                join(request, answer.result(), release);
            } else {
                release.run();
                refuse(request, answer.result());
            }
        });
    }

    private static void join(BackendRequest request, HttpClientResponse switched, Runnable release) {
        HttpServerResponse response = request.response();
        response.setStatusCode(101);
        switched.headers().forEach(header -> {
            if (HANDSHAKE_HEADERS.contains(header.getKey().toLowerCase())) {
                response.headers().add(header.getKey(), header.getValue());
            }
        });
        NetSocket backendSide = switched.netSocket();
        request.toNetSocket().onSuccess(clientSide -> {
            clientSide.pipeTo(backendSide);
            backendSide.pipeTo(clientSide);
            clientSide.closeHandler(v -> backendSide.close());
            backendSide.closeHandler(v -> {
                release.run();
                clientSide.close();
            });
        }).onFailure(failure -> {
            release.run();
            backendSide.close();
        });
    }

    /**
     * The backend answered the handshake without switching: its error body goes to the client as it is when
     * it is one (JSON), otherwise the status is put into the contract's error body.
     */
    private static void refuse(BackendRequest request, HttpClientResponse refusal) {
        refusal.body().onComplete(body -> {
            // a handshake answered without switching leaves its connection half-upgraded: it is not reused
            refusal.request().connection().close();
            int status = refusal.statusCode();
            String contentType = refusal.getHeader(HttpHeaders.CONTENT_TYPE);
            boolean json = contentType != null && contentType.startsWith("application/json");
            if (body.succeeded() && json && body.result().length() > 0) {
                send(request, status, body.result());
                return;
            }
            // a backend that answers a handshake with anything but an error (a redirect, a 200) is broken
            int answered = status >= 400 ? status : 502;
            String message = request.backend().name() + "-service refused the WebSocket upgrade with " + status;
            send(request, answered, Buffer.buffer(ErrorResponses.toJson(ErrorBody.of(ErrorCode.forStatus(answered),
                    message, Map.of("service", request.backend().name(), "status", status), request.traceId()))));
        });
    }

    private static void fail(BackendRequest request, Throwable failure) {
        UpstreamFailure upstream = UpstreamFailure.of(failure, request.backend().name(), request.timeout());
        send(request, upstream.status(), Buffer.buffer(ErrorResponses.toJson(ErrorBody.of(
                ErrorCode.UPSTREAM_UNAVAILABLE, upstream.message(), upstream.details(), request.traceId()))));
    }

    private static void send(BackendRequest request, int status, Buffer body) {
        HttpServerResponse response = request.response();
        if (response.headWritten()) {
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
