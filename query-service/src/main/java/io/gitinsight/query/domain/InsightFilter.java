package io.gitinsight.query.domain;

import java.time.Instant;

/** {@code ?type=&since=} of the insight list and export; both optional. */
public record InsightFilter(String type, Instant since) {
}
