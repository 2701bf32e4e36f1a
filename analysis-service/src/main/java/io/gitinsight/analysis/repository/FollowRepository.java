package io.gitinsight.analysis.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Who follows which repository. Both operations answer whether anything changed. */
@ApplicationScoped
public class FollowRepository {

    private final Pool pool;

    public FollowRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Boolean> follow(SqlClient client, UUID userId, UUID repositoryId) {
        return client.preparedQuery("INSERT INTO analysis.follows (user_id, repository_id) VALUES ($1, $2) "
                + "ON CONFLICT DO NOTHING").execute(Tuple.of(userId, repositoryId)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> follows(UUID userId, UUID repositoryId) {
        return pool.preparedQuery("SELECT 1 FROM analysis.follows WHERE user_id = $1 AND repository_id = $2")
                .execute(Tuple.of(userId, repositoryId)).map(rows -> rows.size() == 1);
    }

    public Uni<Boolean> unfollow(SqlClient client, UUID userId, UUID repositoryId) {
        return client.preparedQuery("DELETE FROM analysis.follows WHERE user_id = $1 AND repository_id = $2")
                .execute(Tuple.of(userId, repositoryId)).map(rows -> rows.rowCount() == 1);
    }
}
