package io.gitinsight.query.repository;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads {@code analysis.follows}: which repositories a user's feed carries, which private ones they see. */
@ApplicationScoped
public class FollowRepository {

    private final Pool pool;
    private final DbQueries queries;

    public FollowRepository(Pool pool, DbQueries queries) {
        this.pool = pool;
        this.queries = queries;
    }

    /** The private repositories the user follows. */
    public Uni<List<UUID>> privateFollowedBy(UUID userId) {
        return queries.run("private-follows", () -> pool.preparedQuery("SELECT f.repository_id FROM analysis.follows f "
                + "JOIN analysis.repositories r ON r.id = f.repository_id AND r.is_private WHERE f.user_id = $1")
                .execute(Tuple.of(userId)).map(rows -> Rows.map(rows, row -> row.getUUID("repository_id"))));
    }

    public Uni<Set<UUID>> followedBy(UUID userId) {
        return queries.run("follows", () -> pool
                .preparedQuery("SELECT repository_id FROM analysis.follows WHERE user_id = $1")
                .execute(Tuple.of(userId)).map(rows -> {
                    Set<UUID> ids = new HashSet<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID("repository_id"));
                    }
                    return ids;
                }));
    }
}
