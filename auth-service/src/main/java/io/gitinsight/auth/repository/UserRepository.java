package io.gitinsight.auth.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.auth.domain.GitHubProfile;
import io.gitinsight.auth.domain.User;
import io.gitinsight.model.security.Role;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class UserRepository {

    static final String COLUMNS = "id, github_id, username, name, email, avatar_url, bio, location, company, role, "
            + "github_created_at, created_at, last_login";

    private final Pool pool;

    public UserRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Inserts the GitHub account or refreshes its profile, in one statement so that two concurrent first
     * logins cannot create two users. The role is set only on insert; a known user keeps theirs.
     */
    public Uni<User> upsert(SqlClient db, GitHubProfile profile, Role roleIfNew, Instant loginAt) {
        String sql = "INSERT INTO auth.users (id, github_id, username, name, email, avatar_url, bio, location, "
                + "company, role, github_created_at, last_login) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
                + "ON CONFLICT (github_id) DO UPDATE SET username = EXCLUDED.username, name = EXCLUDED.name, "
                + "email = COALESCE(EXCLUDED.email, auth.users.email), avatar_url = EXCLUDED.avatar_url, "
                + "bio = EXCLUDED.bio, location = EXCLUDED.location, company = EXCLUDED.company, "
                + "github_created_at = EXCLUDED.github_created_at, last_login = EXCLUDED.last_login RETURNING " + COLUMNS;
        Tuple params = Tuple.tuple().addUUID(UUID.randomUUID()).addLong(profile.id()).addString(profile.login())
                .addString(profile.name()).addString(profile.email()).addString(profile.avatarUrl())
                .addString(profile.bio()).addString(profile.location()).addString(profile.company())
                .addString(roleIfNew.value()).addOffsetDateTime(utc(profile.createdAt())).addOffsetDateTime(utc(loginAt));
        return db.preparedQuery(sql).execute(params).map(rows -> map(rows.iterator().next()));
    }

    public Uni<User> findById(UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM auth.users WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    static User map(Row row) {
        return map(row, "");
    }

    /** {@code a, b} of {@code table} as {@code t.a AS pa, t.b AS pb}: columns of a join, told apart by prefix. */
    static String qualified(String columns, String table, String prefix) {
        return java.util.Arrays.stream(columns.split(", ")).map(c -> table + "." + c + " AS " + prefix + c)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Maps the user columns of a row, each named with {@code prefix} (for joins). */
    static User map(Row row, String prefix) {
        return new User(row.getUUID(prefix + "id"), row.getLong(prefix + "github_id"), row.getString(prefix + "username"),
                row.getString(prefix + "name"), row.getString(prefix + "email"), row.getString(prefix + "avatar_url"),
                row.getString(prefix + "bio"), row.getString(prefix + "location"), row.getString(prefix + "company"),
                Role.fromValue(row.getString(prefix + "role")).orElseThrow(),
                instant(row.getOffsetDateTime(prefix + "github_created_at")),
                instant(row.getOffsetDateTime(prefix + "created_at")), instant(row.getOffsetDateTime(prefix + "last_login")));
    }

    public Uni<java.util.List<User>> list(io.gitinsight.model.api.PageRequest page) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM auth.users ORDER BY created_at, id LIMIT $1 OFFSET $2")
                .execute(Tuple.of(page.pageSize(), page.offset())).map(rows -> {
                    java.util.List<User> users = new java.util.ArrayList<>();
                    rows.forEach(row -> users.add(map(row)));
                    return users;
                });
    }

    public Uni<Long> count() {
        return pool.query("SELECT count(*) AS n FROM auth.users").execute()
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Sets the role; answers the user as it was before, or null when there is no such user. */
    public Uni<Role> updateRole(SqlClient db, UUID id, Role role) {
        return db.preparedQuery("UPDATE auth.users u SET role = $2 FROM auth.users old "
                + "WHERE u.id = $1 AND old.id = u.id RETURNING old.role AS previous")
                .execute(Tuple.of(id, role.value()))
                .map(rows -> rows.size() == 0 ? null
                        : Role.fromValue(rows.iterator().next().getString("previous")).orElseThrow());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
