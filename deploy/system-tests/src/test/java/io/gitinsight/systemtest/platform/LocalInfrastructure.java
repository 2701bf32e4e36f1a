package io.gitinsight.systemtest.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The local PostgreSQL, Redis and RabbitMQ (deploy/local/ensure-infra.sh provides them), each with a space of
 * the system tests' own that is emptied before a run: the database {@value #DATABASE} (each service migrates
 * its schema into it at start-up), one Redis logical database, and the broker's {@link Broker#VIRTUAL_HOST}.
 * Module tests use gitinsight_test, Redis database 0 and the default virtual host, so both can run at once.
 */
public final class LocalInfrastructure {

    public static final String DATABASE = "gitinsight_system";
    static final String HOST = "127.0.0.1";
    static final int POSTGRES_PORT = 5432;
    static final int REDIS_PORT = 6379;
    static final int RABBITMQ_PORT = 5672;
    /** Far from 0, which every other test and a running platform use. */
    static final int REDIS_DATABASE = Integer.getInteger("gitinsight.system.redis-db", 13);

    private LocalInfrastructure() {
    }

    static void prepare(Broker broker) throws IOException, InterruptedException, SQLException, TimeoutException {
        emptyDatabase();
        flushRedis();
        broker.prepare();
    }

    static String databaseUrl() {
        return "postgresql://" + HOST + ":" + POSTGRES_PORT + "/" + DATABASE;
    }

    static String redisUrl() {
        return "redis://" + HOST + ":" + REDIS_PORT + "/" + REDIS_DATABASE;
    }

    /** Drops what an earlier run left: the services create their schemas again (Flyway). */
    private static void emptyDatabase() throws SQLException, IOException, InterruptedException {
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS auth, ingestion, analysis CASCADE");
        }
    }

    private static Connection connect() throws SQLException, IOException, InterruptedException {
        String url = "jdbc:" + databaseUrl();
        try {
            return DriverManager.getConnection(url, "gitinsight", "gitinsight");
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) {
                throw e;
            }
        }
        // the database is missing: the gitinsight role may not create databases, the postgres superuser may
        try {
            Commands.run(Duration.ofSeconds(30), "runuser", "-u", "postgres", "--", "psql", "-v", "ON_ERROR_STOP=1", "-c",
                    "CREATE DATABASE " + DATABASE + " OWNER gitinsight");
        } catch (IOException e) {
            throw new IOException("database " + DATABASE + " is missing and could not be created (run "
                    + "deploy/local/ensure-infra.sh as root): " + e.getMessage(), e);
        }
        return DriverManager.getConnection(url, "gitinsight", "gitinsight");
    }

    /** SELECT and FLUSHDB in Redis's own protocol: two commands do not warrant a client library. */
    private static void flushRedis() throws IOException {
        try (Socket socket = new Socket(HOST, REDIS_PORT)) {
            socket.setSoTimeout(5000);
            String db = Integer.toString(REDIS_DATABASE);
            String commands = "*2\r\n$6\r\nSELECT\r\n$" + db.length() + "\r\n" + db + "\r\n*1\r\n$7\r\nFLUSHDB\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(commands.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answers = readLine(in) + readLine(in);
            if (!answers.equals("+OK+OK")) {
                throw new IOException("Redis refused SELECT " + db + "/FLUSHDB: " + answers);
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
