package io.gitinsight.ingestion.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.ingestion.client.GitHubClient;
import io.gitinsight.ingestion.client.GitHubException;
import io.gitinsight.ingestion.client.RequestAccounting;
import io.gitinsight.ingestion.config.OrgConfig;
import io.gitinsight.ingestion.domain.Actor;
import io.gitinsight.ingestion.domain.DiscoveredRepository;
import io.gitinsight.ingestion.domain.GitHubCredentials;
import io.gitinsight.ingestion.domain.OrgImport;
import io.gitinsight.ingestion.domain.OrgMember;
import io.gitinsight.ingestion.repository.OrgImportRepository;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * Imports an organization (CONTRACT §2 "Org discovery"): its repositories ({@code type=all}) and members
 * (with owners marked {@code admin} and concealed memberships marked), every list read to its last page
 * with the caller's GitHub token. The request checks that GitHub knows the organization and answers at
 * once; the lists are read in the background (a large organization takes minutes) and replace the
 * previous import in one transaction when all of them arrived. A failed import leaves the previous one.
 */
@ApplicationScoped
public class OrgImportService {

    private static final Logger LOG = Logger.getLogger(OrgImportService.class);

    private record Discovered(List<DiscoveredRepository> repositories, List<OrgMember> members) {
    }

    private final GitHubClient github;
    private final GitHubTokenService tokens;
    private final OrgImportRepository imports;
    private final OrgConfig config;

    public OrgImportService(GitHubClient github, GitHubTokenService tokens, OrgImportRepository imports,
            OrgConfig config) {
        this.github = github;
        this.tokens = tokens;
        this.imports = imports;
        this.config = config;
    }

    /** The organization's key: GitHub logins are case-insensitive. A 400 for a name GitHub would refuse. */
    public static String key(String org) {
        if (org == null || !RepositoryLookupService.OWNER.matcher(org).matches()) {
            throw ApiException.invalid("org", "'" + org + "' is not a valid GitHub organization name");
        }
        return org.toLowerCase(Locale.ROOT);
    }

    /** Starts an import, or answers the one already running. */
    public Uni<OrgImport> start(String org, Actor actor) {
        String key = key(org);
        return tokens.forUser(actor.userId()).chain(credentials -> {
            RequestAccounting accounting = new RequestAccounting();
            return github.get("orgs/" + org, credentials.token(), accounting)
                    .onFailure(GitHubException.class)
                    .transform(e -> translate((GitHubException) e, org, credentials.source()))
                    .chain(response -> {
                        JsonNode found = response.body();
                        UUID attempt = UUID.randomUUID();
                        return imports.claim(key, found.path("login").asText(org), found.path("id").asLong(), attempt,
                                actor.userId(), Instant.now().minus(config.importTimeout())).invoke(current -> {
                                    if (attempt.equals(current.attemptId())) {
                                        run(current, credentials, accounting);
                                    }
                                });
                    });
        });
    }

    /** The organization's import, or a 404 saying to import it first. */
    public Uni<OrgImport> find(String org) {
        return imports.find(key(org)).map(found -> {
            if (found == null) {
                throw new ApiException(ErrorCode.NOT_FOUND, "the organization " + org + " was never imported: "
                        + "POST /orgs/" + org + "/import first", Map.of("org", org));
            }
            return found;
        });
    }

    private void run(OrgImport started, GitHubCredentials credentials, RequestAccounting accounting) {
        discover(started.login(), credentials.token(), accounting)
                .chain(found -> imports.complete(started.org(), started.attemptId(), credentials.source(),
                        found.repositories(), found.members()).invoke(
                                written -> LOG.infof(
                                        "org import of %s %s: %d repositories, %d members, GitHub %s (%s credentials)",
                                        started.login(), written ? "completed" : "superseded by a newer attempt",
                                        found.repositories().size(), found.members().size(), accounting.snapshot(),
                                        credentials.source().value())))
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("org import of %s failed: %s", started.login(), e.getMessage());
                    return imports.fail(started.org(), started.attemptId(), "import failed: " + e.getMessage());
                })
                .subscribe().with(ignored -> {
                }, e -> LOG.errorf(e, "org import of %s: its outcome could not be stored", started.login()));
    }

    private Uni<Discovered> discover(String login, String token, RequestAccounting accounting) {
        String org = "orgs/" + login;
        return Uni.combine().all()
                .unis(github.getAll(org + "/repos?type=all&per_page=100", token, accounting),
                        github.getAll(org + "/members?per_page=100", token, accounting),
                        github.getAll(org + "/members?role=admin&per_page=100", token, accounting),
                        github.getAll(org + "/public_members?per_page=100", token, accounting))
                .with((repos, members, admins, publics) -> new Discovered(repositories(repos),
                        members(members, admins, publics)));
    }

    /** One row per repository: a repository that moved between pages while they were read comes twice. */
    private static List<DiscoveredRepository> repositories(List<JsonNode> listed) {
        Map<Long, DiscoveredRepository> byId = new LinkedHashMap<>();
        listed.forEach(repo -> byId.put(repo.path("id").asLong(), DiscoveredRepository.of(repo)));
        return List.copyOf(byId.values());
    }

    /**
     * Members as the token sees them (a member's token: everyone; anyone else's: the public members),
     * owners marked {@code admin}, memberships not in the public list marked concealed.
     */
    private static List<OrgMember> members(List<JsonNode> all, List<JsonNode> admins, List<JsonNode> publics) {
        Set<Long> adminIds = ids(admins);
        Set<Long> publicIds = ids(publics);
        Map<Long, OrgMember> byId = new LinkedHashMap<>();
        for (List<JsonNode> list : List.of(all, publics)) {
            for (JsonNode user : list) {
                long id = user.path("id").asLong();
                byId.putIfAbsent(id, new OrgMember(id, user.path("login").asText(), text(user, "avatar_url"),
                        adminIds.contains(id) ? "admin" : "member", publicIds.contains(id)));
            }
        }
        return List.copyOf(byId.values());
    }

    private static Set<Long> ids(List<JsonNode> users) {
        Set<Long> ids = new HashSet<>();
        users.forEach(user -> ids.add(user.path("id").asLong()));
        return ids;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static Throwable translate(GitHubException e, String org, GitHubCredentials.Source source) {
        if (e.status() == 404) {
            return new ApiException(ErrorCode.NOT_FOUND, "GitHub has no organization " + org, Map.of("org", org));
        }
        if (e.status() == 401) {
            String whose = source == GitHubCredentials.Source.USER ? "your GitHub token: reconnect GitHub and import again"
                    : "the server's GITHUB_TOKEN";
            return new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, 502, "GitHub refused " + whose,
                    Map.of("org", org, "upstream", "github"), e);
        }
        return new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, 502, "GitHub could not be asked about " + org + ": "
                + e.getMessage(), Map.of("org", org, "upstream", "github"), e);
    }
}
