package io.gitinsight.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.model.events.AnalysisProgress;
import io.gitinsight.model.events.AnalysisRequested;
import io.gitinsight.model.events.DataIngested;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.model.json.Json;
import io.gitinsight.testkit.BrokerProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A whole sync against a fake GitHub (GitHub's example payloads) and a real git repository cloned over
 * {@code file://}: what is published is read back from the real exchange.
 */
@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
class SyncJobTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void publishesEverythingInNumberedBatchesAndReportsProgress() throws Exception {
        Path origin = SyncFixtures.gitRepository(7);
        SyncFixtures.stubRepository("acme", "widgets", origin, 2);
        UUID job = UUID.randomUUID();
        UUID repository = UUID.randomUUID();

        try (BrokerProbe data = BrokerProbe.bind("github.data.ingested");
                BrokerProbe progress = BrokerProbe.bind("repository.analysis.progress")) {
            data.publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_REQUESTED, "corr", repository,
                    new AnalysisRequested(job, repository, "acme/widgets", null, null, null)));

            List<DataIngested> batches = batchesOf(data, job);
            List<AnalysisProgress> stages = progressOf(progress, job, "ingested");

            assertThat(batches).extracting(DataIngested::batchNumber).containsExactly(1, 2, 3);
            assertThat(batches).allSatisfy(b -> assertThat(b.batchCount()).isEqualTo(3));
            assertThat(batches.stream().mapToInt(b -> b.commits().size()).sum()).isEqualTo(7);
            assertThat(batches.stream().mapToInt(b -> b.pullRequests().size()).sum()).isEqualTo(1);
            // one review and one review comment (GraphQL is not stubbed: the fake answers 404 and REST is used)
            assertThat(batches.stream().mapToInt(b -> b.reviews().size()).sum()).isEqualTo(2);
            assertThat(batches.stream().mapToInt(b -> b.issues().size()).sum()).isEqualTo(1);
            assertThat(batches.stream().mapToInt(b -> b.releases().size()).sum()).isEqualTo(1);
            assertThat(batches.stream().mapToInt(b -> b.deployments().size()).sum()).isEqualTo(1);
            assertThat(batches.get(0).repository().get("full_name").asText()).isEqualTo("octocat/Hello-World");
            assertThat(batches.get(0).repository().get("languages").get("C").asInt()).isEqualTo(78769);
            assertThat(batches.get(0).commits().get(0).get("files").get(0).get("additions").asInt()).isEqualTo(1);
            assertThat(stages).extracting(AnalysisProgress::stage).containsSubsequence("metadata", "git_history",
                    "github", "publishing", "ingested");
            assertThat(stages.get(stages.size() - 1).github().get("rest_points")).isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void failsTheJobWhenGitHubCountsMoreThanWasCollected() throws Exception {
        Path origin = SyncFixtures.gitRepository(2);
        SyncFixtures.stubRepository("acme", "gappy", origin, 5);
        UUID job = UUID.randomUUID();
        UUID repository = UUID.randomUUID();

        try (BrokerProbe progress = BrokerProbe.bind("repository.analysis.progress")) {
            progress.publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_REQUESTED, "corr", repository,
                    new AnalysisRequested(job, repository, "acme/gappy", null, null, null)));

            List<AnalysisProgress> stages = progressOf(progress, job, "failed");

            assertThat(stages.get(stages.size() - 1).errorMessage()).contains("incomplete data for acme/gappy")
                    .contains("GitHub reports 5").contains("collected 2");
        }
    }

    @Test
    void deadLettersAMessageThatIsNotARequest() throws Exception {
        try (BrokerProbe probe = BrokerProbe.bind("no.such.key")) {
            while (probe.take("gitinsight.dlq") != null) {
                // start from an empty dead-letter queue
            }
            String marker = "poison-" + UUID.randomUUID();
            probe.publish("repository.analysis.requested", ("{\"not\": \"" + marker + "\"}").getBytes(StandardCharsets.UTF_8));

            long deadline = System.nanoTime() + WAIT.toNanos();
            String found = null;
            while (found == null && System.nanoTime() < deadline) {
                var message = probe.take("gitinsight.dlq");
                if (message != null && new String(message.getBody(), StandardCharsets.UTF_8).contains(marker)) {
                    found = marker;
                }
                Thread.sleep(50);
            }
            assertThat(found).isEqualTo(marker);
        }
    }

    @Test
    void fetchesTheMirrorWhenAPushArrivesForASyncedRepository() throws Exception {
        Path origin = SyncFixtures.gitRepository(1);
        SyncFixtures.stubRepository("acme", "pushed", origin, 2);
        UUID job = UUID.randomUUID();
        UUID repository = UUID.randomUUID();
        try (BrokerProbe progress = BrokerProbe.bind("repository.analysis.progress")) {
            progress.publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_REQUESTED, "corr", repository,
                    new AnalysisRequested(job, repository, "acme/pushed", null, null, null)));
            progressOf(progress, job, "ingested");
        }
        Files.writeString(origin.resolve("after-push.txt"), "new\n");
        io.gitinsight.ingestion.git.GitCliAccess.run(origin, "add", "-A");
        io.gitinsight.ingestion.git.GitCliAccess.run(origin, "commit", "-q", "-m", "pushed later");
        String pushedHead = io.gitinsight.ingestion.git.GitCliAccess.run(origin, "rev-parse", "HEAD").trim();
        ObjectNode push = (ObjectNode) Json.mapper().readTree(WebhookDeliveries.fixture("push/payload.json"));
        ((ObjectNode) push.get("repository")).put("full_name", "Acme/Pushed");

        WebhookDeliveries.send("push", WebhookDeliveries.newDeliveryId(), Json.mapper().writeValueAsBytes(push)).then()
                .statusCode(202);

        Path mirror = Path.of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("gitinsight.ingestion.data-dir", String.class)).resolve(repository + ".git");
        long deadline = System.nanoTime() + WAIT.toNanos();
        String mirroredHead = null;
        while (!pushedHead.equals(mirroredHead) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            try (var git = new org.eclipse.jgit.storage.file.FileRepositoryBuilder().setGitDir(mirror.toFile()).build()) {
                var ref = git.resolve("refs/heads/main");
                mirroredHead = ref == null ? null : ref.getName();
            }
        }
        assertThat(mirroredHead).isEqualTo(pushedHead);
    }

    static List<DataIngested> batchesOf(BrokerProbe probe, UUID job) throws Exception {
        List<DataIngested> batches = new ArrayList<>();
        while (batches.isEmpty() || batches.size() < batches.get(0).batchCount()) {
            DataIngested batch = EventEnvelope.fromJson(probe.next(WAIT).getBody()).payloadAs(DataIngested.class);
            if (batch.jobId().equals(job)) {
                batches.add(batch);
            }
        }
        return batches;
    }

    static List<AnalysisProgress> progressOf(BrokerProbe probe, UUID job, String last) throws Exception {
        List<AnalysisProgress> stages = new ArrayList<>();
        while (stages.isEmpty() || !stages.get(stages.size() - 1).stage().equals(last)) {
            AnalysisProgress progress = EventEnvelope.fromJson(probe.next(WAIT).getBody()).payloadAs(AnalysisProgress.class);
            if (progress.jobId().equals(job)) {
                stages.add(progress);
                assertThat(stages.size()).as("stages so far: " + stages).isLessThan(20);
            }
        }
        return stages;
    }
}
