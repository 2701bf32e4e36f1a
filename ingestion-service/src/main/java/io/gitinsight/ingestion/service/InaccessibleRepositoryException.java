package io.gitinsight.ingestion.service;

import io.gitinsight.ingestion.client.GitHubException;
import io.gitinsight.ingestion.domain.GitHubCredentials;
import io.gitinsight.model.events.AnalysisRequested;

/**
 * GitHub answers 404 (or 401) for a repository being synced: it is private and out of reach of the token
 * at hand, or it is gone. The message says whose token was tried and what the user can do about it.
 */
class InaccessibleRepositoryException extends RuntimeException {

    private InaccessibleRepositoryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code e} itself when it is about something else than reaching the repository. */
    static RuntimeException of(GitHubException e, AnalysisRequested request, GitHubCredentials credentials) {
        if (e.status() != 404 && e.status() != 401) {
            return e;
        }
        String asked = credentials.source() == GitHubCredentials.Source.SERVER ? "asked with the server token"
                : "asked anonymously";
        String why;
        if (credentials.source() == GitHubCredentials.Source.USER) {
            why = e.status() == 401 ? "GitHub refused the GitHub token of the user who added it"
                    : "the GitHub token of the user who added it does not reach it";
        } else if (request.requestedBy() != null) {
            why = "the user who added it has no GitHub connection; " + asked;
        } else {
            why = "no user's token applies to this run; " + asked;
        }
        return new InaccessibleRepositoryException(request.fullName() + " is private or does not exist (" + why
                + "); the user who added it must reconnect GitHub", e);
    }
}
