package io.gitinsight.analysis.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.gitinsight.model.events.AnalysisRequested;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.testkit.BrokerProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class AnalysisSchedulerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    AnalysisScheduler scheduler;

    @Inject
    Pool pool;

    @Test
    void reanalyzesIncrementallyOnceTheIntervalHasPassedAndNotBefore() throws Exception {
        Instant now = Instant.now();
        Instant lastRun = now.minus(Duration.ofHours(7));
        UUID due = repository(lastRun, 6);
        UUID notDue = repository(lastRun, 8);
        try (BrokerProbe probe = BrokerProbe.bind("repository.analysis.requested")) {
            scheduler.runOnce(now).await().atMost(WAIT);

            AnalysisRequested request = null;
            for (EventEnvelope e : probe.drain(Duration.ofSeconds(1))) {
                AnalysisRequested r = e.payloadAs(AnalysisRequested.class);
                assertThat(r.repositoryId()).isNotEqualTo(notDue);
                if (r.repositoryId().equals(due)) {
                    request = r;
                }
            }
            assertThat(request).isNotNull();
            // incremental: only what changed since the last analysis
            assertThat(request.since()).isEqualTo(lastRun.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            assertThat(activeJobs(due)).isEqualTo(1);
            assertThat(activeJobs(notDue)).isZero();

            // the next round finds the job running and starts no second one
            scheduler.runOnce(now).await().atMost(WAIT);
            assertThat(activeJobs(due)).isEqualTo(1);
        }
    }

    @Test
    void failsAJobThatStoppedMoving() {
        UUID repo = repository(null, 24);
        UUID job = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO analysis.jobs (id, kind, repository_id, status, stage, created_at, started_at) "
                + "VALUES ($1, 'repository', $2, 'running', 'github', $3, $3)")
                .execute(Tuple.of(job, repo, Instant.now().minus(Duration.ofHours(3)).atOffset(ZoneOffset.UTC)))
                .await().atMost(WAIT);

        scheduler.runOnce(Instant.now()).await().atMost(WAIT);

        var row = pool.preparedQuery("SELECT status, error_message FROM analysis.jobs WHERE id = $1").execute(Tuple.of(job))
                .await().atMost(WAIT).iterator().next();
        assertThat(row.getString("status")).isEqualTo("failed");
        assertThat(row.getString("error_message")).isEqualTo("the job made no progress for 120 minutes");
    }

    private UUID repository(Instant lastAnalyzed, int intervalHours) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO analysis.repositories (id, name, full_name, clone_url, last_analyzed, "
                + "analysis_interval_hours, analysis_status) VALUES ($1, 'r', $2, 'https://git.example.org/r.git', $3, $4, $5)")
                .execute(Tuple.of(id, "sched/" + id, lastAnalyzed == null ? null : lastAnalyzed.atOffset(ZoneOffset.UTC),
                        intervalHours, lastAnalyzed == null ? "pending" : "completed"))
                .await().atMost(WAIT);
        return id;
    }

    private long activeJobs(UUID repo) {
        return pool
                .preparedQuery(
                        "SELECT count(*) FROM analysis.jobs WHERE repository_id = $1 AND status IN ('queued', 'running')")
                .execute(Tuple.of(repo)).await().atMost(WAIT).iterator().next().getLong(0);
    }
}
