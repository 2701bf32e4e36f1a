package io.gitinsight.query.domain;

/** The orders of {@code GET /repositories?sort=}, each with a tie-breaker so that paging is stable. */
public enum RepositorySort {
    STARS("stars DESC, id"),
    UPDATED("updated_at DESC NULLS LAST, id"),
    NAME("lower(full_name), id");

    private final String orderBy;

    RepositorySort(String orderBy) {
        this.orderBy = orderBy;
    }

    public String orderBy() {
        return orderBy;
    }
}
