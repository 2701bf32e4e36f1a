package io.gitinsight.ingestion.service;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.ingestion.client.GitHubClient;
import io.gitinsight.ingestion.client.GitHubException;
import io.gitinsight.ingestion.client.RequestAccounting;
import io.gitinsight.ingestion.domain.RepositoryMetadata;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * Whether GitHub knows a repository, and its metadata: what analysis-service asks before it adds one.
 * Names are checked against GitHub's rules first, so a malformed name never costs a request.
 */
@ApplicationScoped
public class RepositoryLookupService {

    /** GitHub logins: alphanumerics and single hyphens, at most 39 characters. */
    static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");
    /** Repository names: letters, digits, '.', '-', '_', at most 100, and neither "." nor "..". */
    static final Pattern NAME = Pattern.compile("(?!\\.{1,2}$)[A-Za-z0-9._-]{1,100}");

    private final GitHubClient github;

    public RepositoryLookupService(GitHubClient github) {
        this.github = github;
    }

    /** Refuses, with a 400 naming the part, what GitHub would not accept as {@code owner/name}. */
    public static void checkName(String owner, String name) {
        if (!OWNER.matcher(owner).matches()) {
            throw ApiException.invalid("owner", "'" + owner + "' is not a valid GitHub owner name");
        }
        if (!NAME.matcher(name).matches() || name.endsWith(".git")) {
            throw ApiException.invalid("name", "'" + name + "' is not a valid GitHub repository name");
        }
    }

    public Uni<RepositoryMetadata> lookup(String owner, String name) {
        checkName(owner, name);
        String fullName = owner + "/" + name;
        return github.get("repos/" + fullName, null, new RequestAccounting())
                .map(response -> RepositoryMetadata.of(response.body()))
                .onFailure(GitHubException.class).transform(e -> translate((GitHubException) e, fullName));
    }

    private static Throwable translate(GitHubException e, String fullName) {
        if (e.status() == 404) {
            return new ApiException(ErrorCode.REPOSITORY_NOT_FOUND, "GitHub has no repository " + fullName
                    + " (or it is private and no token grants access)", Map.of("full_name", fullName));
        }
        return new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, 502, "GitHub could not be asked about " + fullName
                + ": " + e.getMessage(), Map.of("full_name", fullName, "upstream", "github"), e);
    }
}
