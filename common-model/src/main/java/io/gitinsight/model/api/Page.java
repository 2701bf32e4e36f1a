package io.gitinsight.model.api;

import java.util.List;

/** A list answer: {@code {"data": [...], "pagination": {...}}}. */
public record Page<T>(List<T> data, Pagination pagination) {

    public static <T> Page<T> of(List<T> data, long total, PageRequest request) {
        return new Page<>(List.copyOf(data), Pagination.of(total, request));
    }
}
