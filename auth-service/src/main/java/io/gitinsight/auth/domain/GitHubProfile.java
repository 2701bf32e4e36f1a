package io.gitinsight.auth.domain;

import java.time.Instant;

/** What GitHub's {@code GET /user} tells us about the person logging in. */
public record GitHubProfile(long id, String login, String name, String email, String avatarUrl, String bio,
        String location, String company, Instant createdAt) {

    public GitHubProfile withEmail(String email) {
        return new GitHubProfile(id, login, name, email, avatarUrl, bio, location, company, createdAt);
    }
}
