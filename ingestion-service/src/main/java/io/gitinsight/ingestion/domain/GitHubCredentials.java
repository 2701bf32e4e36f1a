package io.gitinsight.ingestion.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The GitHub token a sync or an org import acts with, and whose it is: the user's own (private
 * repositories they can see), the server's ({@code GITHUB_TOKEN}), or none. Held in memory for one job
 * only; {@link #toString()} never prints the token.
 */
public record GitHubCredentials(String token, Source source) {

    public enum Source {
        USER,
        SERVER,
        ANONYMOUS;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static GitHubCredentials user(String token) {
        return new GitHubCredentials(token, Source.USER);
    }

    /** The server token when one is configured, else anonymous access. */
    public static GitHubCredentials server(Optional<String> serverToken) {
        return serverToken.filter(t -> !t.isBlank()).map(t -> new GitHubCredentials(t, Source.SERVER))
                .orElse(new GitHubCredentials(null, Source.ANONYMOUS));
    }

    @Override
    public String toString() {
        return "GitHubCredentials[source=" + source + ", token=" + (token == null ? "none" : "***") + "]";
    }
}
