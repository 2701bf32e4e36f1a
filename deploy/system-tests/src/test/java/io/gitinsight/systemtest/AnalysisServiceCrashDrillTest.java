package io.gitinsight.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.systemtest.client.Api;
import io.gitinsight.systemtest.client.Caller;
import io.gitinsight.systemtest.github.RepositoryStubs;
import io.gitinsight.systemtest.platform.Broker;
import io.gitinsight.systemtest.platform.Platform;
import io.gitinsight.systemtest.platform.PlatformExtension;
import io.gitinsight.systemtest.platform.ServiceProcess;

/**
 * Fault drill 1: analysis-service dies (SIGKILL) while an analysis is under way. Ingestion goes on and
 * publishes the data into the durable queue, where it waits; analysis-service started again takes it, the
 * job completes with the numbers an undisturbed analysis of the same history gave, and nothing is left in
 * the queues or parked on the dead-letter queue.
 */
@Order(6)
@ExtendWith(PlatformExtension.class)
class AnalysisServiceCrashDrillTest {

    /** Long enough for the kill to land while ingestion still talks to GitHub. */
    static final Duration SLOW_GITHUB = Duration.ofSeconds(4);

    private ServiceProcess analysis;

    @Test
    void aKilledAnalysisServiceFinishesTheJobWithTheSameNumbersAfterARestart(World world) throws Exception {
        Analyses.Analyzed undisturbed = world.mainRepository();
        RepositoryStubs stubs = world.platform().github()
                .repository(world.repository("Crash-Drill", 900_000_001L, world.pristine().toUri().toString()));
        stubs.slow("/releases", SLOW_GITHUB);
        Analyses analyses = new Analyses(world);
        Caller alice = world.alice().caller();
        String id = analyses.add(World.OWNER + "/Crash-Drill", alice).path("id").asText();
        String jobId = analyses.analyze(id, alice).path("id").asText();

        // the sync has reached GitHub's lists (the slow releases among them): the job is running
        world.api().poll("/jobs/" + jobId, world.reader(), Duration.ofSeconds(30),
                r -> r.json().path("stage").asText().equals("github"));
        analysis = world.platform().service(Platform.ANALYSIS);
        analysis.kill();
        assertThat(analysis.running()).isFalse();

        // ingestion finishes regardless; its batches wait for the dead consumer in the durable queue
        Broker broker = world.platform().broker();
        long waiting = awaitDepth(broker, "analysis.data-ingested", Duration.ofSeconds(30));
        assertThat(waiting).isPositive();
        assertThat(world.api().get("/jobs/" + jobId, world.reader()).status()).isIn(502, 503, 504);

        analysis.start();
        analysis.awaitReady(Duration.ofSeconds(90));
        JsonNode job = analyses.awaitJob(jobId);

        assertThat(job.path("error_message").isNull()).isTrue();
        Analyses.assertSameFigures(analyses.metrics(id), undisturbed.metrics());
        for (String queue : Broker.QUEUES) {
            broker.awaitEmpty(queue, Duration.ofSeconds(30));
        }
        assertThat(broker.depth(Broker.DEAD_LETTER_QUEUE)).isZero();
    }

    /** A failed drill must not leave analysis-service dead for the journeys after it. */
    @AfterEach
    void analysisServiceRuns() throws Exception {
        if (analysis != null && !analysis.running()) {
            analysis.start();
            analysis.awaitReady(Duration.ofSeconds(90));
        }
    }

    static long awaitDepth(Broker broker, String queue, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long depth = 0;
        while (Instant.now().isBefore(deadline) && (depth = broker.depth(queue)) == 0) {
            Api.sleep(Duration.ofMillis(200));
        }
        return depth;
    }
}
