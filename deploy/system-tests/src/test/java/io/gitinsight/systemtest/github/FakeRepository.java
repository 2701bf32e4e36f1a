package io.gitinsight.systemtest.github;

import java.util.Map;

/**
 * A repository the fake GitHub serves: its name and id as GitHub knows them, where its git history is
 * cloned from (a local repository: the services run with {@code GITINSIGHT_ALLOW_LOCAL_REPOS=true}), its
 * default branch, and its bytes per language as GitHub's languages API reports them.
 */
public record FakeRepository(String owner, String name, long githubId, String cloneUrl, String defaultBranch,
        Map<String, Long> languages) {

    public String fullName() {
        return owner + "/" + name;
    }
}
