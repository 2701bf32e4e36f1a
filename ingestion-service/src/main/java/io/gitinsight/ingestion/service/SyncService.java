package io.gitinsight.ingestion.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.ingestion.client.GitHubClient;
import io.gitinsight.ingestion.client.GitHubException;
import io.gitinsight.ingestion.client.RequestAccounting;
import io.gitinsight.ingestion.domain.GitHubCredentials;
import io.gitinsight.ingestion.domain.RepositoryMetadata;
import io.gitinsight.ingestion.domain.TipTree;
import io.gitinsight.ingestion.git.GitMirror;
import io.gitinsight.ingestion.git.HistoryReader;
import io.gitinsight.ingestion.git.TreeReader;
import io.gitinsight.ingestion.repository.SyncJobRepository;
import io.gitinsight.messaging.EventPublisher;
import io.gitinsight.model.events.AnalysisProgress;
import io.gitinsight.model.events.AnalysisRequested;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.model.json.Json;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * One sync job, the collect stage of the pipeline: GitHub metadata and languages, the git history from
 * the mirror (incrementally from the last synced head) and the files at its tip with their line counts, pull requests, reviews,
 * issues, releases and
 * deployments; then a completeness check against GitHub's own count, and {@code github.data.ingested}
 * in numbered batches, with {@code repository.analysis.progress} along the way. A gap fails the job
 * with a message saying what is missing instead of "succeeding" with partial data.
 */
@ApplicationScoped
public class SyncService {

    private static final Logger LOG = Logger.getLogger(SyncService.class);

    private final GitHubClient github;
    private final GitHubTokenService tokens;
    private final GitHubCollector collector;
    private final GitMirror mirror;
    private final SyncJobRepository jobs;
    private final EventPublisher publisher;
    private final int batchSize;
    private final long locMaxFileBytes;

    public SyncService(GitHubClient github, GitHubTokenService tokens, GitHubCollector collector, GitMirror mirror,
            SyncJobRepository jobs, EventPublisher publisher, io.gitinsight.ingestion.config.IngestionConfig config) {
        this.github = github;
        this.tokens = tokens;
        this.collector = collector;
        this.mirror = mirror;
        this.jobs = jobs;
        this.publisher = publisher;
        this.batchSize = config.batchSize();
        this.locMaxFileBytes = config.locMaxFileBytes();
    }

    /** Runs the job; completes when everything is published (or the failure is reported). */
    public Uni<Void> run(AnalysisRequested request) {
        return jobs.start(request.jobId(), request.repositoryId()).chain(fresh -> {
            if (!fresh) {
                LOG.infof("job %s already completed: redelivery ignored", request.jobId());
                return Uni.createFrom().voidItem();
            }
            RequestAccounting accounting = new RequestAccounting();
            return tokens.forUser(request.requestedBy())
                    .chain(credentials -> collect(request, credentials, accounting))
                    .chain(batches -> publishAll(request, batches, accounting))
                    .onFailure().recoverWithUni(e -> fail(request, e, accounting));
        });
    }

    private Uni<List<BatchItems>> collect(AnalysisRequested request, GitHubCredentials credentials,
            RequestAccounting accounting) {
        String fullName = request.fullName();
        String token = credentials.token();
        Uni<ObjectNode> metadata = fullName == null ? Uni.createFrom().nullItem()
                : progress(request, "metadata", 5, 0, null, accounting)
                        .chain(() -> repository(request, credentials, accounting));
        return metadata.chain(repo -> progress(request, "git_history", 15, 0, null, accounting)
                .chain(() -> history(request, repo, token))
                .chain(git -> {
                    ObjectNode tree = Json.mapper().valueToTree(git.tree());
                    // all of history: analysis forgets the commits this sync did not send (a force-push's)
                    tree.put("full_history", git.fullHistory());
                    if (fullName == null) {
                        return Uni.createFrom().item(BatchItems.split(repo, tree, git.commits(), null, batchSize));
                    }
                    return progress(request, "github", 45, git.commits().size(), null, accounting)
                            .chain(() -> collector.collect(fullName, request.since(), token, accounting))
                            .call(collected -> request.since() == null
                                    ? checkComplete(fullName, collected, token, accounting)
                                    : Uni.createFrom().voidItem())
                            .map(collected -> BatchItems.split(repo, tree, git.commits(), collected, batchSize));
                }));
    }

    private Uni<ObjectNode> repository(AnalysisRequested request, GitHubCredentials credentials,
            RequestAccounting accounting) {
        String fullName = request.fullName();
        return github.get("repos/" + fullName, credentials.token(), accounting)
                .onFailure(GitHubException.class)
                .transform(e -> InaccessibleRepositoryException.of((GitHubException) e, request, credentials))
                .chain(repo -> github.get("repos/" + fullName + "/languages", credentials.token(), accounting)
                        .map(languages -> {
                            ObjectNode node = (ObjectNode) Json.mapper().valueToTree(RepositoryMetadata.of(repo.body()));
                            node.set("languages", languages.body());
                            return node;
                        }));
    }

    /**
     * {@code token} reaches the mirror only with a {@code clone_url} that GitHub's API gave: a plain git
     * remote never receives a GitHub token.
     */
    private Uni<HistoryResult> history(AnalysisRequested request, ObjectNode repo, String token) {
        boolean fromGitHub = repo != null && repo.hasNonNull("clone_url");
        String cloneUrl = fromGitHub ? repo.get("clone_url").asText() : request.cloneUrl();
        String cloneToken = fromGitHub ? token : null;
        String branch = request.defaultBranch() != null ? request.defaultBranch()
                : repo != null && repo.hasNonNull("default_branch") ? repo.get("default_branch").asText() : null;
        Uni<SyncJobRepository.SyncState> previous = request.since() == null ? Uni.createFrom().nullItem()
                : jobs.state(request.repositoryId());
        return previous.chain(state -> Uni.createFrom().item(() -> readHistory(request, cloneUrl, cloneToken, branch, state))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                // a push fetches mirrors by full name, with a GitHub token: only for a clone URL GitHub gave
                .call(result -> jobs.saveState(request.repositoryId(), fromGitHub ? request.fullName() : null, cloneUrl,
                        result.branch(), result.head(), request.requestedBy()));
    }

    /**
     * What the mirror gave: the history since the previous head ({@code fullHistory}: all of it, the first
     * time, after a branch change or a force-push), and the files at the tip (always all).
     */
    private record HistoryResult(String branch, String head, List<JsonNode> commits, TipTree tree, boolean fullHistory) {
    }

    private HistoryResult readHistory(AnalysisRequested request, String cloneUrl, String token, String branch,
            SyncJobRepository.SyncState previous) {
        try (Repository git = mirror.sync(request.repositoryId(), cloneUrl, token)) {
            String ref = branch != null ? "refs/heads/" + branch : git.exactRef("HEAD").getTarget().getName();
            ObjectId head = git.resolve(ref);
            if (head == null) {
                throw new IllegalStateException("branch " + ref + " does not exist in " + cloneUrl);
            }
            HistoryReader history = new HistoryReader(git);
            ObjectId previousHead = previous == null || !previous.branch().equals(ref) ? null
                    : git.resolve(previous.headSha());
            ObjectId since = history.continues(previousHead, head) ? previousHead : null;
            List<JsonNode> commits = new ArrayList<>();
            history.read(head, since, c -> commits.add(Json.mapper().valueToTree(c)));
            TipTree tree = new TreeReader(git, locMaxFileBytes).read(ref, head);
            return new HistoryResult(ref, head.getName(), commits, tree, since == null);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the history of " + cloneUrl + " failed", e);
        }
    }

    /**
     * GitHub's {@code open_issues_count} counts open issues and open pull requests; a full sync must have
     * collected exactly that many (the metadata is read again: an unchanged repository costs a free 304).
     */
    private Uni<Void> checkComplete(String fullName, GitHubCollector.Collected collected, String token,
            RequestAccounting accounting) {
        long open = collected.issues().stream().filter(i -> "open".equals(i.path("state").asText())).count()
                + collected.pullRequests().stream().filter(p -> "open".equals(p.path("state").asText())).count();
        return github.get("repos/" + fullName, token, accounting).invoke(repo -> {
            long expected = repo.body().path("open_issues_count").asLong();
            if (expected != open) {
                throw new IncompleteSyncException("incomplete data for " + fullName + ": GitHub reports " + expected
                        + " open issues and pull requests, the sync collected " + open);
            }
        }).replaceWithVoid();
    }

    private Uni<Void> publishAll(AnalysisRequested request, List<BatchItems> batches, RequestAccounting accounting) {
        int total = batches.stream().mapToInt(BatchItems::size).sum();
        Uni<Void> chain = progress(request, "publishing", 80, 0, (long) total, accounting);
        for (int i = 0; i < batches.size(); i++) {
            int number = i + 1;
            BatchItems batch = batches.get(i);
            chain = chain.chain(() -> publisher.publish(EventEnvelope.of(EventType.GITHUB_DATA_INGESTED,
                    request.jobId().toString(), request.repositoryId(),
                    batch.toEvent(request.jobId(), request.repositoryId(), number, batches.size()))));
        }
        return chain.chain(() -> jobs.finish(request.jobId(), "completed", total, null, accounting.snapshot()))
                .chain(() -> progress(request, "ingested", 100, total, (long) total, accounting));
    }

    private Uni<Void> fail(AnalysisRequested request, Throwable e, RequestAccounting accounting) {
        String message = e instanceof IncompleteSyncException || e instanceof InaccessibleRepositoryException ? e.getMessage()
                : "sync failed: " + e.getMessage();
        LOG.warnf("job %s failed: %s", request.jobId(), message);
        AnalysisProgress failed = new AnalysisProgress(request.jobId(), "failed", 100, 0, null, message,
                accounting.snapshot());
        return jobs.finish(request.jobId(), "failed", 0, message, accounting.snapshot())
                .chain(() -> publisher.publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_PROGRESS,
                        request.jobId().toString(), request.repositoryId(), failed)));
    }

    private Uni<Void> progress(AnalysisRequested request, String stage, int percent, long done, Long total,
            RequestAccounting accounting) {
        Map<String, Long> spent = accounting.snapshot();
        return jobs.stage(request.jobId(), stage, spent).chain(() -> publisher.publish(EventEnvelope.of(
                EventType.REPOSITORY_ANALYSIS_PROGRESS, request.jobId().toString(), request.repositoryId(),
                new AnalysisProgress(request.jobId(), stage, percent, done, total, null, spent))));
    }

    /** A sync that would leave data missing. */
    static class IncompleteSyncException extends RuntimeException {
        IncompleteSyncException(String message) {
            super(message);
        }
    }
}
