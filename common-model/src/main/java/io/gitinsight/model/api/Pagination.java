package io.gitinsight.model.api;

/** The {@code pagination} object of every list answer (CONTRACT §2). */
public record Pagination(long total, int page, int pageSize, int totalPages, boolean hasNext, boolean hasPrev) {

    public static Pagination of(long total, PageRequest request) {
        int totalPages = (int) ((total + request.pageSize() - 1) / request.pageSize());
        return new Pagination(total, request.page(), request.pageSize(), totalPages, request.page() < totalPages,
                request.page() > 1);
    }
}
