package io.gitinsight.query.domain;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /metrics/overview}: the rollup across tracked repositories. Git totals add up each
 * repository's whole history ({@code all} snapshots); a person active in two repositories counts in
 * both. Most active is by commits in the last 90 days.
 */
public record Overview(Totals totals, List<Language> perLanguage, List<Active> mostActive) {

    public record Totals(long repositories, long analyzed, long commits, long loc, long additions, long deletions,
            long pullRequestsMerged, long contributors) {
    }

    public record Language(String language, long repositories, long loc) {
    }

    public record Active(UUID id, String fullName, String language, @JsonProperty("commits_90d") long commits90d) {
    }
}
