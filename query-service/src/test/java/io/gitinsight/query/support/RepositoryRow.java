package io.gitinsight.query.support;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** A row of {@code analysis.repositories} with plausible defaults; {@link #insert()} writes it. */
public final class RepositoryRow {

    public final UUID id = UUID.randomUUID();
    public final long githubId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    public final String fullName;
    private String description = "a repository seeded by a test";
    private String language = "Java";
    private int stars;
    private Instant updatedAt = Instant.parse("2024-01-15T10:30:00Z");
    private Instant lastAnalyzed;
    private String status = "pending";
    private boolean isPrivate;

    private RepositoryRow(String fullName) {
        this.fullName = fullName;
    }

    public static RepositoryRow named(String fullName) {
        return new RepositoryRow(fullName);
    }

    public RepositoryRow description(String value) {
        this.description = value;
        return this;
    }

    public RepositoryRow language(String value) {
        this.language = value;
        return this;
    }

    public RepositoryRow stars(int value) {
        this.stars = value;
        return this;
    }

    public RepositoryRow updatedAt(Instant value) {
        this.updatedAt = value;
        return this;
    }

    public RepositoryRow analyzed(Instant at) {
        this.lastAnalyzed = at;
        this.status = "completed";
        return this;
    }

    /** Private at GitHub: only admins and its followers see it. */
    public RepositoryRow privateRepository() {
        this.isPrivate = true;
        return this;
    }

    public UUID insert() {
        String owner = fullName.substring(0, fullName.indexOf('/'));
        String name = fullName.substring(fullName.indexOf('/') + 1);
        Db.execute("""
                INSERT INTO analysis.repositories (id, github_id, name, full_name, owner, description, url, clone_url,
                  language, stars, forks, watchers, size_kb, default_branch, created_at, updated_at, last_analyzed,
                  analysis_status, is_private)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3, 5, 1234, 'main', ?, ?, ?, ?, ?)""", id, githubId, name, fullName,
                owner, description, "https://github.com/" + fullName, "https://github.com/" + fullName + ".git", language,
                stars, Instant.parse("2020-02-02T02:02:02Z"), updatedAt, lastAnalyzed, status, isPrivate);
        return id;
    }
}
