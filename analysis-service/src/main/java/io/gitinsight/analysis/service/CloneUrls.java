package io.gitinsight.analysis.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.analysis.config.AnalysisConfig;
import io.gitinsight.analysis.domain.TrackedRepository;
import io.gitinsight.support.error.ApiException;

/**
 * Plain git remotes: {@code https://}, {@code http://}, {@code git://}, {@code ssh://} and scp-like
 * {@code git@host:path} URLs. {@code file://} URLs and local paths only where the deployer allows them
 * ({@code GITINSIGHT_ALLOW_LOCAL_REPOS}, dev and test). The repository's name is the URL's last segment;
 * its full name is host and path (or the absolute path of a local repository), which keeps it unique.
 */
@ApplicationScoped
public class CloneUrls {

    private static final Pattern SCP_LIKE = Pattern.compile("[A-Za-z0-9._-]+@([A-Za-z0-9.-]+):([^\\s]+)");

    private final boolean allowLocal;

    public CloneUrls(AnalysisConfig config) {
        this.allowLocal = config.allowLocalRepos();
    }

    public TrackedRepository plainRemote(String cloneUrl) {
        String fullName = fullName(cloneUrl);
        String name = fullName.substring(fullName.lastIndexOf('/') + 1);
        if (name.isEmpty()) {
            throw invalid("names no repository");
        }
        return new TrackedRepository(UUID.randomUUID(), null, name, fullName, null, null, null, cloneUrl, null, 0, 0, 0,
                0, null, null, null, null, "pending", 24, false, null, null, false);
    }

    private String fullName(String cloneUrl) {
        var scp = SCP_LIKE.matcher(cloneUrl);
        if (scp.matches()) {
            return strip(scp.group(1) + "/" + scp.group(2));
        }
        if (cloneUrl.startsWith("/") || cloneUrl.startsWith("file:")) {
            return local(cloneUrl);
        }
        URI uri;
        try {
            uri = new URI(cloneUrl);
        } catch (URISyntaxException e) {
            throw invalid("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.matches("https?|git|ssh") || uri.getHost() == null || uri.getPath() == null
                || uri.getPath().length() < 2) {
            throw invalid("must be an https, http, git or ssh URL of a repository");
        }
        if (uri.getUserInfo() != null && uri.getUserInfo().contains(":")) {
            throw invalid("must not carry a password");
        }
        return strip(uri.getHost().toLowerCase(Locale.ROOT) + uri.getPath());
    }

    private String local(String cloneUrl) {
        if (!allowLocal) {
            throw invalid("is local: file:// and local paths are allowed only when GITINSIGHT_ALLOW_LOCAL_REPOS=true");
        }
        Path path;
        try {
            path = cloneUrl.startsWith("file:") ? Path.of(new URI(cloneUrl)) : Path.of(cloneUrl);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw invalid("is not a valid file URL");
        }
        if (!Files.isDirectory(path)) {
            throw invalid("names no directory on this machine");
        }
        return strip(path.toAbsolutePath().normalize().toString());
    }

    private static String strip(String name) {
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (trimmed.endsWith("/.git")) {
            trimmed = trimmed.substring(0, trimmed.length() - 5);
        }
        return trimmed.endsWith(".git") ? trimmed.substring(0, trimmed.length() - 4) : trimmed;
    }

    private static ApiException invalid(String why) {
        return ApiException.invalid("clone_url", "clone_url " + why);
    }
}
