package io.gitinsight.ingestion.git;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.jboss.logging.Logger;

import io.gitinsight.ingestion.config.IngestionConfig;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ApiException;

/**
 * A bare mirror of each repository under {@code INGESTION_DATA_DIR}: cloned once from the API's
 * {@code clone_url}, fetched incrementally afterwards (branches force-updated, deleted ones pruned).
 * Only http(s) remotes are accepted; {@code file://} and local paths only when local repositories are
 * allowed. A token is sent as GitHub's {@code x-access-token} basic credential, never put in the URL.
 */
@ApplicationScoped
public class GitMirror {

    private static final Logger LOG = Logger.getLogger(GitMirror.class);

    private final IngestionConfig config;

    public GitMirror(IngestionConfig config) {
        this.config = config;
    }

    /** Clones or fetches the mirror of {@code repositoryId}; blocking, call it off the event loop. */
    public Repository sync(UUID repositoryId, String cloneUrl, String token) throws IOException {
        String remote = checkedRemote(cloneUrl);
        Path dir = config.dataDir().resolve(repositoryId + ".git");
        CredentialsProvider credentials = credentials(remote, token);
        try {
            if (Files.isDirectory(dir.resolve("objects"))) {
                try (Git git = Git.open(dir.toFile())) {
                    git.fetch().setRemote("origin").setRemoveDeletedRefs(true).setCredentialsProvider(credentials).call();
                }
            } else {
                Files.createDirectories(dir.getParent());
                LOG.infof("cloning %s into %s", redact(remote), dir);
                Git.cloneRepository().setURI(remote).setDirectory(dir.toFile()).setBare(true).setCloneAllBranches(true)
                        .setCredentialsProvider(credentials).call().close();
            }
        } catch (GitAPIException e) {
            throw new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, 502, "git could not fetch " + redact(remote) + ": "
                    + e.getMessage(), Map.of("clone_url", redact(remote)), e);
        }
        return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
    }

    /**
     * GitHub's basic credential for a token ({@code x-access-token} and the token as password), over
     * http(s) only: a local remote never receives it. Null means anonymous.
     */
    static CredentialsProvider credentials(String remote, String token) {
        String scheme = scheme(remote);
        if (token == null || token.isBlank() || !(scheme.equals("https") || scheme.equals("http"))) {
            return null;
        }
        return new UsernamePasswordCredentialsProvider("x-access-token", token);
    }

    /** The remote to clone, or a 400 naming why it is refused. */
    String checkedRemote(String cloneUrl) {
        if (cloneUrl == null || cloneUrl.isBlank()) {
            throw ApiException.invalid("clone_url", "clone_url is required");
        }
        String scheme = scheme(cloneUrl);
        if (scheme.equals("https") || scheme.equals("http")) {
            return cloneUrl;
        }
        boolean local = scheme.equals("file") || scheme.isEmpty();
        if (local && config.allowLocalRepos()) {
            return cloneUrl;
        }
        throw ApiException.invalid("clone_url", local
                ? "local repositories are refused unless GITINSIGHT_ALLOW_LOCAL_REPOS=true"
                : "only http(s) clone URLs are supported, not " + scheme);
    }

    private static String scheme(String url) {
        if (url.matches("[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            return URI.create(url.replace(" ", "%20")).getScheme().toLowerCase(Locale.ROOT);
        }
        // scp-like git@host:path is ssh; anything else is a local path
        return url.matches("[^/:]+@[^/:]+:.*") ? "ssh" : "";
    }

    private static String redact(String url) {
        return url.replaceAll("//[^/@]+@", "//***@");
    }
}
