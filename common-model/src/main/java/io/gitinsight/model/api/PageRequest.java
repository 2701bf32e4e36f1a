package io.gitinsight.model.api;

/**
 * A validated {@code page}/{@code page_size} pair: page is 1-based, page_size within 1..100 (default
 * 20). Out-of-range values are refused, not clamped, so a client learns about its mistake.
 */
public record PageRequest(int page, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    public PageRequest {
        if (page < 1) {
            throw new InvalidParameterException("page", "page must be >= 1");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidParameterException("page_size", "page_size must be within 1.." + MAX_PAGE_SIZE);
        }
    }

    public static PageRequest of(Integer page, Integer pageSize) {
        return new PageRequest(page == null ? 1 : page, pageSize == null ? DEFAULT_PAGE_SIZE : pageSize);
    }

    /** The row offset of the first item of this page. */
    public long offset() {
        return (long) (page - 1) * pageSize;
    }
}
