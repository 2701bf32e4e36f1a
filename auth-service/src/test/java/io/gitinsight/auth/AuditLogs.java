package io.gitinsight.auth;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the database as it is, for assertions on what is (and is not) stored. */
final class AuditLogs {

    private AuditLogs() {
    }

    static Connection connect() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(url, "gitinsight", "gitinsight");
    }

    /** The actions recorded with this actor, oldest first. */
    static List<String> actionsOf(String userId) throws Exception {
        return strings("SELECT action FROM auth.audit_logs WHERE actor_id = ?::uuid ORDER BY created_at", userId);
    }

    static List<String> strings(String sql, String parameter) throws Exception {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            ResultSet rows = query.executeQuery();
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
