package io.gitinsight.analysis.metrics.trends;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** A trend's bucket size. Buckets are UTC calendar periods: days, ISO weeks (from Monday), months (from day 1). */
public enum Interval {
    DAY,
    WEEK,
    MONTH;

    public static Interval parse(String name) {
        for (Interval i : values()) {
            if (i.wireName().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown interval '" + name + "': day, week or month");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The start (UTC midnight) of the bucket holding {@code t}. */
    public Instant bucketStart(Instant t) {
        LocalDate day = t.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate start = switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The start of the bucket after the one starting at {@code bucketStart}. */
    public Instant next(Instant bucketStart) {
        LocalDate start = bucketStart.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate next = switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
        return next.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
