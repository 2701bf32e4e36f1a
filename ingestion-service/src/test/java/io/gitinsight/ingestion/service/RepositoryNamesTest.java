package io.gitinsight.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GitHub's naming rules for owners and repositories, as the lookup enforces them. */
class RepositoryNamesTest {

    @Test
    void acceptsWhatGitHubAccepts() {
        assertThat(RepositoryLookupService.OWNER.matcher("octocat").matches()).isTrue();
        assertThat(RepositoryLookupService.OWNER.matcher("my-org-2").matches()).isTrue();
        assertThat(RepositoryLookupService.OWNER.matcher("a".repeat(39)).matches()).isTrue();
        assertThat(RepositoryLookupService.NAME.matcher("Hello-World").matches()).isTrue();
        assertThat(RepositoryLookupService.NAME.matcher("repo.name_v2").matches()).isTrue();
        assertThat(RepositoryLookupService.NAME.matcher(".github").matches()).isTrue();
    }

    @Test
    void refusesWhatGitHubRefuses() {
        assertThat(RepositoryLookupService.OWNER.matcher("-octocat").matches()).isFalse();
        assertThat(RepositoryLookupService.OWNER.matcher("octo--cat").matches()).isFalse();
        assertThat(RepositoryLookupService.OWNER.matcher("octocat-").matches()).isFalse();
        assertThat(RepositoryLookupService.OWNER.matcher("a".repeat(40)).matches()).isFalse();
        assertThat(RepositoryLookupService.NAME.matcher(".").matches()).isFalse();
        assertThat(RepositoryLookupService.NAME.matcher("..").matches()).isFalse();
        assertThat(RepositoryLookupService.NAME.matcher("a b").matches()).isFalse();
        assertThat(RepositoryLookupService.NAME.matcher("x".repeat(101)).matches()).isFalse();
    }
}
