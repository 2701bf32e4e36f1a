package io.gitinsight.analysis.metrics.people;

import java.time.Instant;
import java.util.List;

/**
 * One row of the contributors table (CONTRACT §2, {@code GET /repositories/{id}/contributors}):
 * {@code login} is the person's key (GitHub login when known, else their email). {@code commits} counts the
 * commits they authored or co-authored (merges included), {@code additions} and {@code deletions} only the
 * non-merge commits they authored; {@code firstCommit} and {@code lastCommit} are author dates of the commits
 * credited (null without any); {@code share} is of the people's commits (0 for a bot).
 */
public record Contributor(String login, String name, List<String> emails, boolean bot, int commits, long additions,
        long deletions, int prsOpened, int reviewsGiven, Instant firstCommit, Instant lastCommit, double share) {

    public Contributor {
        emails = List.copyOf(emails);
    }
}
