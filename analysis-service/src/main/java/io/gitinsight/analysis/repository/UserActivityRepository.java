package io.gitinsight.analysis.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.analysis.metrics.scores.ActivityEvent;
import io.gitinsight.analysis.metrics.scores.ActivityKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A user's activity in the tracked repositories, from the stored facts: commits authored under any email
 * identity merging gave the login (contributors.emails), pull requests opened, reviews submitted, review
 * comments and issues opened.
 */
@ApplicationScoped
public class UserActivityRepository {

    private final Pool pool;

    public UserActivityRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ActivityEvent>> since(String login, Instant since) {
        Tuple args = Tuple.of(login, Sql.utc(since));
        return pool.preparedQuery("SELECT 'commit' AS kind, c.authored_at AS at, r.full_name FROM analysis.commits c "
                + "JOIN analysis.repositories r ON r.id = c.repository_id WHERE c.authored_at >= $2 AND lower(c.author_email) IN "
                + "(SELECT lower(e) FROM analysis.contributors k, unnest(k.emails) e WHERE lower(k.login) = lower($1) "
                + "AND NOT k.is_bot AND k.repository_id = c.repository_id) "
                + "UNION ALL SELECT 'pr', p.created_at, r.full_name FROM analysis.pull_requests p JOIN analysis.repositories r "
                + "ON r.id = p.repository_id WHERE lower(p.author) = lower($1) AND p.created_at >= $2 "
                + "UNION ALL SELECT CASE v.kind WHEN 'review' THEN 'review' ELSE 'comment' END, v.submitted_at, r.full_name "
                + "FROM analysis.reviews v JOIN analysis.repositories r ON r.id = v.repository_id "
                + "WHERE lower(v.reviewer) = lower($1) AND v.submitted_at >= $2 AND v.state <> 'PENDING' "
                + "UNION ALL SELECT 'issue', i.created_at, r.full_name FROM analysis.issues i JOIN analysis.repositories r "
                + "ON r.id = i.repository_id WHERE lower(i.author) = lower($1) AND i.created_at >= $2")
                .execute(args).map(rows -> {
                    List<ActivityEvent> events = new ArrayList<>();
                    rows.forEach(
                            row -> events.add(new ActivityEvent(ActivityKind.fromWireName(row.getString("kind")).orElseThrow(),
                                    Sql.instant(row, "at"), row.getString("full_name"))));
                    return events;
                });
    }

    /** Lowercased full names of every tracked repository (their activity is counted from the facts). */
    public Uni<Set<String>> trackedNames() {
        return pool.query("SELECT lower(full_name) AS n FROM analysis.repositories").execute()
                .map(rows -> {
                    Set<String> names = new java.util.HashSet<>();
                    rows.forEach(row -> names.add(row.getString("n")));
                    return names;
                });
    }
}
