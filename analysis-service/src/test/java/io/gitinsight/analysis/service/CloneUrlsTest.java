package io.gitinsight.analysis.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gitinsight.analysis.config.AnalysisConfig;
import io.gitinsight.support.error.ApiException;

class CloneUrlsTest {

    private final CloneUrls remote = new CloneUrls(config(false));
    private final CloneUrls local = new CloneUrls(config(true));

    @Test
    void namesPlainRemotesByHostAndPath() {
        assertThat(remote.plainRemote("https://gitlab.com/group/sub/tool.git").fullName())
                .isEqualTo("gitlab.com/group/sub/tool");
        assertThat(remote.plainRemote("https://gitlab.com/group/sub/tool.git").name()).isEqualTo("tool");
        assertThat(remote.plainRemote("git@codeberg.org:team/lib.git").fullName()).isEqualTo("codeberg.org/team/lib");
        assertThat(remote.plainRemote("ssh://git@host.example/x/y").fullName()).isEqualTo("host.example/x/y");
        assertThat(remote.plainRemote("https://GitLab.com/a/b/").fullName()).isEqualTo("gitlab.com/a/b");
    }

    @Test
    void refusesWhatIsNotARemoteRepository() {
        for (String bad : List.of("ftp://host/x.git", "not a url", "https://host", "https://u:p@host/a/b.git", "mailto:x@y")) {
            assertThatThrownBy(() -> remote.plainRemote(bad)).as(bad).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).details()).containsEntry("field", "clone_url"));
        }
    }

    @Test
    void allowsLocalRepositoriesOnlyWhenTheDeployerDoes(@TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectory(dir.resolve(".git"));
        assertThatThrownBy(() -> remote.plainRemote(dir.toString())).isInstanceOf(ApiException.class)
                .hasMessageContaining("GITINSIGHT_ALLOW_LOCAL_REPOS");
        assertThatThrownBy(() -> remote.plainRemote(dir.toUri().toString())).isInstanceOf(ApiException.class);
        assertThat(local.plainRemote(dir.toString()).fullName()).isEqualTo(dir.toAbsolutePath().toString());
        assertThat(local.plainRemote(dir.resolve(".git").toString() + "/").fullName()).isEqualTo(dir.toString());
        assertThat(local.plainRemote(dir.toUri().toString()).name()).isEqualTo(dir.getFileName().toString());
        assertThatThrownBy(() -> local.plainRemote(dir.resolve("missing").toString())).isInstanceOf(ApiException.class)
                .hasMessageContaining("no directory");
    }

    static AnalysisConfig config(boolean allowLocal) {
        return config(allowLocal, null);
    }

    static AnalysisConfig config(boolean allowLocal, String rulesFile) {
        return new AnalysisConfig() {
            public boolean allowLocalRepos() {
                return allowLocal;
            }

            public Optional<List<String>> botIdentities() {
                return Optional.empty();
            }

            public String productionEnvironment() {
                return "production";
            }

            public Optional<String> rulesFile() {
                return Optional.ofNullable(rulesFile);
            }

            public int maxSinceDays() {
                return 180;
            }

            public Duration schedulerEvery() {
                return Duration.ofMinutes(5);
            }

            public Duration webhookDebounce() {
                return Duration.ofSeconds(2);
            }

            public Duration jobTimeout() {
                return Duration.ofHours(2);
            }
        };
    }
}
