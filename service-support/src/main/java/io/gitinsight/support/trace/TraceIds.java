package io.gitinsight.support.trace;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Chooses a request's trace id: the caller's {@code X-Request-Id} when it is a sane token, else the
 * trace-id field of a W3C {@code traceparent}, else a new random id. Caller-supplied values are
 * validated because they end up in logs and response headers.
 */
public final class TraceIds {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final Pattern TRACEPARENT = Pattern
            .compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}(-.*)?");
    private static final String INVALID_TRACE = "0".repeat(32);

    private TraceIds() {
    }

    public static String choose(String requestId, String traceparent) {
        if (requestId != null && REQUEST_ID.matcher(requestId).matches()) {
            return requestId;
        }
        if (traceparent != null) {
            var matcher = TRACEPARENT.matcher(traceparent.trim());
            if (matcher.matches() && !matcher.group(1).equals(INVALID_TRACE)) {
                return matcher.group(1);
            }
        }
        return generate();
    }

    public static String generate() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
