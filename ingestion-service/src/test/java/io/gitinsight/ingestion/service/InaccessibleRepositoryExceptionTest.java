package io.gitinsight.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.gitinsight.ingestion.client.GitHubException;
import io.gitinsight.ingestion.domain.GitHubCredentials;
import io.gitinsight.model.events.AnalysisRequested;

class InaccessibleRepositoryExceptionTest {

    private static final GitHubException NOT_FOUND = new GitHubException(404, "GitHub answered 404");

    @Test
    void namesTheUsersTokenWhenItWasTriedAndRefused() {
        RuntimeException e = InaccessibleRepositoryException.of(new GitHubException(401, "Bad credentials"),
                request(UUID.randomUUID()), GitHubCredentials.user("gho_revoked"));

        assertThat(e.getMessage()).isEqualTo("acme/secret is private or does not exist (GitHub refused the GitHub token "
                + "of the user who added it); the user who added it must reconnect GitHub");
        assertThat(e.getMessage()).doesNotContain("gho_revoked");
    }

    @Test
    void saysWhatWasTriedWhenTheUserHasNoTokenOrNoUserWasNamed() {
        GitHubCredentials server = GitHubCredentials.server(Optional.of("ghs_server"));

        assertThat(InaccessibleRepositoryException.of(NOT_FOUND, request(UUID.randomUUID()), server).getMessage())
                .isEqualTo("acme/secret is private or does not exist (the user who added it has no GitHub connection; "
                        + "asked with the server token); the user who added it must reconnect GitHub");
        assertThat(InaccessibleRepositoryException.of(NOT_FOUND, request(null), GitHubCredentials.server(Optional.empty()))
                .getMessage()).contains("(no user's token applies to this run; asked anonymously)");
    }

    @Test
    void leavesOtherFailuresAsTheyAre() {
        GitHubException unavailable = new GitHubException(502, "GitHub answered 502 after 5 attempts");

        assertThat(InaccessibleRepositoryException.of(unavailable, request(null), GitHubCredentials.user("t")))
                .isSameAs(unavailable);
    }

    @Test
    void credentialsNeverPrintTheirToken() {
        assertThat(GitHubCredentials.user("gho_secret").toString()).isEqualTo("GitHubCredentials[source=USER, token=***]");
        assertThat(GitHubCredentials.server(Optional.of(" ")).source()).isEqualTo(GitHubCredentials.Source.ANONYMOUS);
    }

    private static AnalysisRequested request(UUID requestedBy) {
        return new AnalysisRequested(UUID.randomUUID(), UUID.randomUUID(), "acme/secret", null, null, null, requestedBy);
    }
}
