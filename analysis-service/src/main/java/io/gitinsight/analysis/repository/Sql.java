package io.gitinsight.analysis.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/** Conversions between rows and records that every repository class needs. */
final class Sql {

    private Sql() {
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static <T> List<T> list(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> out = new ArrayList<>(rows.size());
        rows.forEach(row -> out.add(mapper.apply(row)));
        return out;
    }

    static <T> T first(RowSet<Row> rows, Function<Row, T> mapper) {
        return rows.size() == 0 ? null : mapper.apply(rows.iterator().next());
    }
}
