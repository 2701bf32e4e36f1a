package io.gitinsight.analysis.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Envelope ids a consumer has committed (CONTRACT §3: the envelope id is the idempotency key). Claimed in
 * the same transaction as the consumer's writes, so "processed" and "written" cannot disagree.
 */
@ApplicationScoped
public class ProcessedEventRepository {

    /** Answers true the first time, false for an envelope this consumer committed before. */
    public Uni<Boolean> claim(SqlClient client, UUID eventId, String consumer) {
        return client.preparedQuery("INSERT INTO analysis.processed_events (event_id, consumer) VALUES ($1, $2) "
                + "ON CONFLICT DO NOTHING").execute(Tuple.of(eventId, consumer)).map(rows -> rows.rowCount() == 1);
    }
}
