package io.gitinsight.query.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** The test database over plain JDBC: what the tests seed, and the rows they delete afterwards. */
public final class Db {

    static final String URL = "jdbc:" + System.getenv().getOrDefault("DB_URL", "postgresql://localhost:5432/gitinsight_test");
    static final String USER = System.getenv().getOrDefault("DB_USER", "gitinsight");
    static final String PASSWORD = System.getenv().getOrDefault("DB_PASSWORD", "gitinsight");

    private Db() {
    }

    /** Runs one statement; parameters are bound by type, {@code Instant} as timestamptz, jsonb as text casts. */
    public static int execute(String sql, Object... params) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                bind(statement, i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Deletes repositories and, by cascade, everything analysis keeps about them. */
    public static void deleteRepositories(UUID... ids) {
        for (UUID id : ids) {
            execute("DELETE FROM analysis.jobs WHERE repository_id = ?", id);
            execute("DELETE FROM analysis.repositories WHERE id = ?", id);
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof String[] array) {
            statement.setArray(index, statement.getConnection().createArrayOf("text", array));
        } else {
            statement.setObject(index, value);
        }
    }
}
