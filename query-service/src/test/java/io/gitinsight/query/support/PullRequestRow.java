package io.gitinsight.query.support;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code analysis.pull_requests} with the phases analysis computed. */
public final class PullRequestRow {

    private final UUID repositoryId;
    private final int number;
    private String title = "Improve things";
    private String author = "ada";
    private String state = "open";
    private String headRef = "feature/things";
    private Instant createdAt = Instant.parse("2024-01-01T00:00:00Z");
    private Instant mergedAt;
    private Instant firstCommitAt;
    private Instant deployedAt;
    private Double coding;
    private Double pickup;
    private Double review;
    private Double deploy;
    private Double cycle;
    private Double firstReview;

    private PullRequestRow(UUID repositoryId, int number) {
        this.repositoryId = repositoryId;
        this.number = number;
    }

    public static PullRequestRow of(UUID repositoryId, int number) {
        return new PullRequestRow(repositoryId, number);
    }

    public PullRequestRow title(String value) {
        this.title = value;
        return this;
    }

    public PullRequestRow author(String value) {
        this.author = value;
        return this;
    }

    public PullRequestRow headRef(String value) {
        this.headRef = value;
        return this;
    }

    public PullRequestRow created(Instant at) {
        this.createdAt = at;
        return this;
    }

    /** Merged at {@code at} with these phases in hours; cycle = coding + pickup + review (+ deploy). */
    public PullRequestRow merged(Instant at, double codingHours, double pickupHours, double reviewHours) {
        this.state = "merged";
        this.mergedAt = at;
        this.coding = codingHours;
        this.pickup = pickupHours;
        this.review = reviewHours;
        this.cycle = codingHours + pickupHours + reviewHours;
        this.firstReview = pickupHours;
        this.firstCommitAt = createdAt.minusSeconds((long) (codingHours * 3600));
        return this;
    }

    public PullRequestRow deployed(Instant at) {
        this.deployedAt = at;
        this.deploy = (at.getEpochSecond() - mergedAt.getEpochSecond()) / 3600.0;
        this.cycle = cycle + deploy;
        return this;
    }

    public PullRequestRow closed() {
        this.state = "closed";
        return this;
    }

    public void insert() {
        Db.execute("""
                INSERT INTO analysis.pull_requests (repository_id, number, title, author, state, head_ref, base_ref,
                  created_at, merged_at, first_commit_at, deployed_at, coding_hours, pickup_hours, review_hours,
                  deploy_hours, cycle_time_hours, time_to_first_review_hours, additions, deletions)
                VALUES (?, ?, ?, ?, ?, ?, 'main', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 10, 2)""", repositoryId, number, title,
                author, state, headRef, createdAt, mergedAt, firstCommitAt, deployedAt, coding, pickup, review, deploy,
                cycle, firstReview);
    }
}
