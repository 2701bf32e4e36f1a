package io.gitinsight.gateway.proxy;

import java.util.List;

import io.gitinsight.model.error.ErrorBody;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ErrorResponses;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The streaming reverse proxy: Vert.x's {@link HttpProxy}, which streams bodies both ways and drops
 * hop-by-hop headers (WebSocket upgrades go to {@link WebSocketTunnel}). This class picks the backend and
 * its timeout for each request, turns a backend that is down or slow into the contract's error body, and
 * removes from backend answers the headers the gateway itself owns (trace id, rate limits, CORS), so that
 * a client never sees them twice.
 */
public class BackendProxy {

    private static final List<String> GATEWAY_OWNED = List.of("X-Request-Id", "X-RateLimit-Limit",
            "X-RateLimit-Remaining", "X-RateLimit-Reset", "Access-Control-Allow-Origin",
            "Access-Control-Allow-Credentials", "Access-Control-Expose-Headers", "Access-Control-Allow-Methods",
            "Access-Control-Allow-Headers", "Access-Control-Max-Age");

    private final HttpProxy proxy;
    private final WebSocketTunnel webSockets;
    private final long connectTimeoutMillis;

    public BackendProxy(HttpClient client, long connectTimeoutMillis, WebSocketTunnel webSockets) {
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.webSockets = webSockets;
        // upgrades never reach HttpProxy (its failed upgrades have no body): WebSocketTunnel takes them
        this.proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client);
        proxy.origin(this::open);
        proxy.addInterceptor(new ErrorsAndOwnedHeaders());
    }

    void forward(BackendRequest request) {
        if (request.webSocket()) {
            webSockets.open(request);
        } else {
            proxy.handle(request);
        }
    }

    private Future<HttpClientRequest> open(ProxyContext context) {
        BackendRequest request = (BackendRequest) context.request().proxiedRequest();
        var backend = request.backend();
        RequestOptions options = new RequestOptions().setHost(backend.host()).setPort(backend.port())
                .setSsl(backend.ssl()).setConnectTimeout(connectTimeoutMillis);
        options.setIdleTimeout(request.timeout().toMillis());
        return context.client().request(options);
    }

    private static final class ErrorsAndOwnedHeaders implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> Future.succeededFuture(errorResponse(context, failure)));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            var headers = context.response().headers();
            GATEWAY_OWNED.forEach(headers::remove);
            return context.sendResponse();
        }

        private static ProxyResponse errorResponse(ProxyContext context, Throwable failure) {
            BackendRequest request = (BackendRequest) context.request().proxiedRequest();
            UpstreamFailure upstream = UpstreamFailure.of(failure, request.backend().name(), request.timeout());
            String body = ErrorResponses.toJson(ErrorBody.of(ErrorCode.UPSTREAM_UNAVAILABLE, upstream.message(),
                    upstream.details(), request.traceId()));
            ProxyResponse response = context.request().release().response().setStatusCode(upstream.status());
            response.headers().clear();
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
            return response.setBody(Body.body(Buffer.buffer(body)));
        }
    }
}
