package io.gitinsight.analysis.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.analysis.client.IngestionClient;
import io.gitinsight.analysis.config.AnalysisConfig;
import io.gitinsight.analysis.domain.Actor;
import io.gitinsight.analysis.domain.Job;
import io.gitinsight.analysis.metrics.model.Window;
import io.gitinsight.analysis.metrics.scores.ActivityEvent;
import io.gitinsight.analysis.metrics.scores.ActivityKind;
import io.gitinsight.analysis.metrics.scores.Rules;
import io.gitinsight.analysis.metrics.scores.ScoreReport;
import io.gitinsight.analysis.metrics.scores.Scorer;
import io.gitinsight.analysis.repository.JobRepository;
import io.gitinsight.analysis.repository.UserActivityRepository;
import io.gitinsight.analysis.repository.UserScoreRepository;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Per-user scores (CONTRACT §2 {@code /users/{login}/analyze}, {@code /scores}): the user's commits, pull
 * requests, reviews, issues and comments in the tracked repositories (from the stored facts) and in their
 * other public repositories (GitHub's public events, through ingestion; tracked repositories are skipped
 * there so nothing counts twice), scored per dimension of the rules for each window. The job runs in the
 * background; a job this service loses is failed by the scheduler's timeout.
 */
@ApplicationScoped
public class UserScoreService {

    private static final Logger LOG = Logger.getLogger(UserScoreService.class);
    static final List<String> WINDOWS = List.of("30d", "90d", "180d");
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,5})d");

    private final Pool pool;
    private final JobRepository jobs;
    private final UserActivityRepository activity;
    private final UserScoreRepository scores;
    private final IngestionClient ingestion;
    private final Rules rules;
    private final int maxSinceDays;
    private final JobMetrics metrics;

    public UserScoreService(Pool pool, JobRepository jobs, UserActivityRepository activity, UserScoreRepository scores,
            IngestionClient ingestion, Rules rules, AnalysisConfig config, JobMetrics metrics) {
        this.pool = pool;
        this.jobs = jobs;
        this.activity = activity;
        this.scores = scores;
        this.ingestion = ingestion;
        this.rules = rules;
        this.maxSinceDays = config.maxSinceDays();
        this.metrics = metrics;
    }

    public Uni<Job> analyze(String login, String since, String ruleSet, Actor actor) {
        checkLogin(login);
        int days = sinceDays(since);
        if (ruleSet != null && !ruleSet.equals("default")) {
            throw ApiException.invalid("rules", "rules must be 'default' (the rules of RULES_FILE, or the built-in ones)");
        }
        Instant from = Instant.now().minus(Duration.ofDays(days));
        return jobs.create(UUID.randomUUID(), "user", null, login, actor.userId(), from).chain(job -> {
            if (job == null) {
                return jobs.activeForUser(login).map(active -> {
                    throw new ApiException(ErrorCode.ANALYSIS_IN_PROGRESS, "an analysis of " + login + " is already running",
                            Map.of("job_id", active == null ? "" : active.id().toString()));
                });
            }
            run(job, login, from).subscribe().with(ok -> LOG.infof("scored %s", login),
                    e -> LOG.errorf(e, "scoring %s failed", login));
            return Uni.createFrom().item(job);
        });
    }

    private Uni<Void> run(Job job, String login, Instant since) {
        return pool.withTransaction(conn -> jobs.progress(conn, job.id(), "collecting", 20, 0, null, null))
                .chain(() -> collect(login, since))
                .chain(events -> pool.withTransaction(conn -> jobs.progress(conn, job.id(), "scoring", 80, events.size(),
                        (long) events.size(), null)).replaceWith(events))
                .chain(events -> {
                    Instant now = Instant.now();
                    Scorer scorer = new Scorer(rules);
                    List<ScoreReport> reports = WINDOWS.stream().map(w -> scorer.score(events, Window.of(w, now))).toList();
                    return scores.save(login, reports, since, rules.source(), job.id(), now);
                })
                .chain(() -> pool.withTransaction(conn -> jobs.complete(conn, job.id())))
                .invoke(() -> metrics.ended("user", "completed"))
                .onFailure().recoverWithUni(e -> pool.withTransaction(conn -> jobs.fail(conn, job.id(),
                        "scoring failed: " + e.getMessage())).invoke(() -> metrics.ended("user", "failed")).replaceWithVoid());
    }

    private Uni<List<ActivityEvent>> collect(String login, Instant since) {
        return activity.since(login, since).chain(tracked -> activity.trackedNames()
                .chain(names -> ingestion.userActivity(login, since).map(publicEvents -> {
                    List<ActivityEvent> all = new ArrayList<>(tracked);
                    all.addAll(untracked(publicEvents, names));
                    return all;
                })));
    }

    /** GitHub's public events of repositories GitInsight does not track (the others came from the facts). */
    static List<ActivityEvent> untracked(JsonNode activity, Set<String> tracked) {
        List<ActivityEvent> events = new ArrayList<>();
        for (JsonNode e : activity.path("events")) {
            String repository = e.path("repository").asText(null);
            if (repository == null || tracked.contains(repository.toLowerCase(Locale.ROOT))) {
                continue;
            }
            ActivityKind kind = ActivityKind.fromWireName(e.path("kind").asText()).orElse(null);
            if (kind == null) {
                continue;
            }
            Instant at = Instant.parse(e.path("occurred_at").asText());
            for (int i = 0; i < Math.max(1, e.path("count").asInt(1)); i++) {
                events.add(new ActivityEvent(kind, at, repository));
            }
        }
        return events;
    }

    public static void checkLogin(String login) {
        if (login == null || !LOGIN.matcher(login).matches()) {
            throw ApiException.invalid("login", "'" + login + "' is not a valid GitHub login");
        }
    }

    int sinceDays(String since) {
        if (since == null) {
            return maxSinceDays;
        }
        Matcher m = DAYS.matcher(since);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            throw ApiException.invalid("since", "since must be a number of days like 90d");
        }
        int days = Integer.parseInt(m.group(1));
        if (days > maxSinceDays) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "since may reach back " + maxSinceDays + " days at most",
                    Map.of("field", "since", "max_since_days", maxSinceDays));
        }
        return days;
    }
}
