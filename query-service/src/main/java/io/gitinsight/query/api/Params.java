package io.gitinsight.query.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gitinsight.model.api.InvalidParameterException;

/**
 * Validation of query parameters: a value outside what a parameter allows is a 400 naming the
 * parameter, never a silent default.
 */
final class Params {

    static final List<String> WINDOWS = List.of("30d", "90d", "180d", "all");
    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,4})d");

    private Params() {
    }

    /** {@code value} if it is one of {@code allowed} (case-insensitively), {@code fallback} when absent. */
    static String oneOf(String field, String value, String fallback, List<String> allowed) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        String normalized = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(normalized)) {
            throw new InvalidParameterException(field, field + " must be one of " + String.join(", ", allowed)
                    + ", was '" + abbreviate(value) + "'");
        }
        return normalized;
    }

    /** A time: ISO-8601 instant or offset date-time, or a date (its start, or its end when {@code endOfDay}). */
    static Instant time(String field, String value, boolean endOfDay) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(field, field
                    + " must be an ISO-8601 time (2024-01-15T10:30:00Z) or date (2024-01-15), was '" + abbreviate(value) + "'");
        }
    }

    /** A start: a time as {@link #time}, or {@code Nd} meaning N days before {@code now}. */
    static Instant since(String field, String value, Instant now) {
        if (value != null) {
            Matcher relative = RELATIVE.matcher(value);
            if (relative.matches()) {
                return now.minus(java.time.Duration.ofDays(Long.parseLong(relative.group(1))));
            }
        }
        return time(field, value, false);
    }

    static int range(String field, Integer value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new InvalidParameterException(field, field + " must be within " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    /** Free text: trimmed, null when blank, refused when longer than {@code max}. */
    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw new InvalidParameterException(field, field + " must be at most " + max + " characters");
        }
        return trimmed;
    }

    static String required(String field, String value, int max) {
        String text = text(field, value, max);
        if (text == null) {
            throw new InvalidParameterException(field, field + " is required");
        }
        return text;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
