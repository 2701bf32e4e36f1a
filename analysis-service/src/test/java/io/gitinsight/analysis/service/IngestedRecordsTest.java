package io.gitinsight.analysis.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.analysis.IngestedData;
import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.Deployment;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Review;
import io.gitinsight.model.json.Json;

/** ingestion's shapes read into the engine's model, and what makes a record poison. */
class IngestedRecordsTest {

    @Test
    void readsACommitRecordWithItsOffsetCoAuthorsAndFiles() {
        ObjectNode json = IngestedData.commit("a".repeat(40), List.of("b".repeat(40)), "Mona", "mona@example.com",
                "2026-11-02T12:00:00+02:00", "Fix\n\nCo-authored-by: Hubot <hubot@example.com>", "src/A.java", 3, 1);
        json.withArray("co_authors").addObject().put("name", "Hubot").put("email", "hubot@example.com");
        ((ObjectNode) json.withArray("files").get(0)).put("old_path", "src/Old.java");

        Commit c = IngestedRecords.commit(json);

        assertThat(c.authoredAt().toInstant()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
        assertThat(c.authoredAt().getOffset().getTotalSeconds()).isEqualTo(7200);
        assertThat(c.coAuthors()).singleElement().satisfies(a -> assertThat(a.email()).isEqualTo("hubot@example.com"));
        assertThat(c.files()).singleElement().satisfies(f -> {
            assertThat(f.oldPath()).isEqualTo("src/Old.java");
            assertThat(f.additions()).isEqualTo(3);
        });
        assertThat(c.isMerge()).isFalse();
    }

    @Test
    void readsGitHubsPullRequestReviewAndDeploymentShapes() {
        PullRequest merged = IngestedRecords.pullRequest(IngestedData.pull(7, "carol", "2026-11-02T21:00:00Z",
                "2026-11-03T09:00:00Z", "4".repeat(40), "hotfix/login"));
        assertThat(merged.state()).isEqualTo("merged");
        assertThat(merged.author()).isEqualTo("carol");
        assertThat(merged.headRef()).isEqualTo("hotfix/login");
        PullRequest open = IngestedRecords.pullRequest(IngestedData.pull(8, "dan", "2026-11-04T00:00:00Z", null, null, "x"));
        assertThat(open.state()).isEqualTo("open");

        Review review = IngestedRecords.review(IngestedData.review(70, 7, "alice", "APPROVED", "2026-11-03T08:00:00Z"));
        assertThat(review.comment()).isFalse();
        ObjectNode comment = Json.mapper().createObjectNode().put("id", 5).put("pull_request_number", 7)
                .put("kind", "comment").put("created_at", "2026-11-03T07:00:00Z");
        comment.putObject("user").put("login", "bob");
        Review read = IngestedRecords.review(comment);
        assertThat(read.comment()).isTrue();
        assertThat(read.state()).isEqualTo("COMMENTED");
        assertThat(read.submittedAt()).isEqualTo(Instant.parse("2026-11-03T07:00:00Z"));

        Deployment d = IngestedRecords.deployment(IngestedData.deployment(9, "4".repeat(40), "2026-11-03T10:00:00Z",
                "failure", "2026-11-03T10:20:00Z"));
        assertThat(d.failed()).isTrue();
        assertThat(d.finishedAt()).contains(Instant.parse("2026-11-03T10:20:00Z"));
    }

    @Test
    void refusesRecordsWithoutTheirIdentityOrWithBadTimes() {
        assertThatThrownBy(() -> IngestedRecords.commit(Json.mapper().createObjectNode().put("message", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sha");
        ObjectNode badTime = IngestedData.commit("a".repeat(40), List.of(), "M", "m@x", "yesterday", "x");
        assertThatThrownBy(() -> IngestedRecords.commit(badTime)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authored_at");
        assertThatThrownBy(() -> IngestedRecords.pullRequest(Json.mapper().createObjectNode().put("title", "t")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IngestedRecords.review(Json.mapper().createObjectNode().put("id", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
