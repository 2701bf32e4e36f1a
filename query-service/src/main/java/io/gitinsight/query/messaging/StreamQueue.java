package io.gitinsight.query.messaging;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.smallrye.common.annotation.Identifier;

/**
 * The arguments of this replica's stream queue ({@code query.stream.<id>}, see application.properties). It
 * is durable so that events published while this replica reconnects to the broker (after a broker restart,
 * say) wait for it; a replica that went away leaves its queue behind, which the broker deletes once nobody
 * has consumed it for {@link #EXPIRES}. Until then it holds at most {@link #MAX_LENGTH} events, dropping the
 * oldest first: a live stream wants the latest.
 */
@ApplicationScoped
public class StreamQueue {

    static final Duration EXPIRES = Duration.ofMinutes(10);
    static final int MAX_LENGTH = 50_000;

    @Produces
    @Identifier("query-stream-queue")
    Map<String, Object> arguments() {
        // classic even where quorum is the broker's default queue type: a copy of the stream, not a record
        return Map.of("x-expires", EXPIRES.toMillis(), "x-max-length", MAX_LENGTH, "x-overflow", "drop-head",
                "x-queue-type", "classic");
    }
}
