package io.gitinsight.gateway.proxy;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;

/**
 * What the client is told when a backend fails: 503 when it cannot be reached at all, 504 when it did
 * not answer within the route's timeout, 502 when it broke off or answered garbage.
 */
record UpstreamFailure(int status, String message, Map<String, Object> details) {

    static UpstreamFailure of(Throwable failure, String backend, Duration timeout) {
        Throwable cause = rootOf(failure);
        if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                || cause instanceof UnknownHostException) {
            return new UpstreamFailure(503, backend + "-service is unavailable",
                    Map.of("service", backend, "reason", "unreachable"));
        }
        if (cause instanceof TimeoutException) {
            return new UpstreamFailure(504, backend + "-service did not answer within " + timeout.toMillis() + " ms",
                    Map.of("service", backend, "reason", "timeout", "timeout_ms", timeout.toMillis()));
        }
        return new UpstreamFailure(502, backend + "-service failed to answer",
                Map.of("service", backend, "reason", "bad_gateway"));
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
