package io.gitinsight.ingestion.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gitinsight.ingestion.config.IngestionConfig;
import io.gitinsight.support.error.ApiException;

class GitMirrorTest {

    @TempDir
    Path work;

    @Test
    void clonesOnceAndThenFetchesWhatIsNew() throws Exception {
        Path origin = Files.createDirectories(work.resolve("origin"));
        GitCli.run(origin, "init", "-q");
        Files.writeString(origin.resolve("a.txt"), "1\n");
        GitCli.run(origin, "add", "-A");
        GitCli.run(origin, "commit", "-q", "-m", "one");
        GitMirror mirror = new GitMirror(config(true));
        UUID id = UUID.randomUUID();

        try (Repository first = mirror.sync(id, origin.toUri().toString(), null)) {
            assertThat(first.resolve("refs/heads/main").getName()).isEqualTo(head(origin));
        }
        Files.writeString(origin.resolve("a.txt"), "1\n2\n");
        GitCli.run(origin, "commit", "-q", "-am", "two");

        try (Repository second = mirror.sync(id, origin.toUri().toString(), null)) {
            assertThat(second.resolve("refs/heads/main").getName()).isEqualTo(head(origin));
            assertThat(second.isBare()).isTrue();
        }
    }

    @Test
    void refusesLocalRepositoriesUnlessAllowed() {
        GitMirror strict = new GitMirror(config(false));

        assertThatThrownBy(() -> strict.checkedRemote("file:///srv/repo.git")).isInstanceOf(ApiException.class)
                .hasMessageContaining("GITINSIGHT_ALLOW_LOCAL_REPOS");
        assertThatThrownBy(() -> strict.checkedRemote("/srv/repo.git")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> strict.checkedRemote("../repo")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> strict.checkedRemote("git@github.com:octocat/Hello-World.git"))
                .hasMessageContaining("ssh");
        assertThatThrownBy(() -> strict.checkedRemote("ssh://git@github.com/octocat/Hello-World.git"))
                .hasMessageContaining("ssh");
        assertThat(strict.checkedRemote("https://github.com/octocat/Hello-World.git"))
                .isEqualTo("https://github.com/octocat/Hello-World.git");
        assertThat(new GitMirror(config(true)).checkedRemote("file:///srv/repo.git")).isEqualTo("file:///srv/repo.git");
    }

    @Test
    void sendsATokenAsGitHubsBasicCredentialToHttpRemotesOnly() {
        CredentialsProvider https = GitMirror.credentials("https://github.com/acme/secret.git", "gho_user");
        CredentialItem.Username user = new CredentialItem.Username();
        CredentialItem.Password password = new CredentialItem.Password();
        assertThat(https.get(new URIish(), user, password)).isTrue();

        assertThat(user.getValue()).isEqualTo("x-access-token");
        assertThat(new String(password.getValue())).isEqualTo("gho_user");
        assertThat(GitMirror.credentials("http://ghe.internal/acme/secret.git", "gho_user")).isNotNull();
        assertThat(GitMirror.credentials("https://github.com/acme/public.git", null)).isNull();
        assertThat(GitMirror.credentials("https://github.com/acme/public.git", " ")).isNull();
        assertThat(GitMirror.credentials("file:///srv/repo.git", "gho_user")).isNull();
        assertThat(GitMirror.credentials("/srv/repo.git", "gho_user")).isNull();
    }

    private IngestionConfig config(boolean allowLocal) {
        Path data = work.resolve("mirrors");
        return new IngestionConfig() {
            @Override
            public Path dataDir() {
                return data;
            }

            @Override
            public boolean allowLocalRepos() {
                return allowLocal;
            }

            @Override
            public int batchSize() {
                return 500;
            }

            @Override
            public long locMaxFileBytes() {
                return 8 << 20;
            }
        };
    }

    private static String head(Path repo) throws Exception {
        return GitCli.run(repo, "rev-parse", "HEAD").trim();
    }
}
