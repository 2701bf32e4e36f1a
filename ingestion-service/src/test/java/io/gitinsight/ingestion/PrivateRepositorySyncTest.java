package io.gitinsight.ingestion;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.gitinsight.model.events.AnalysisProgress;
import io.gitinsight.model.events.AnalysisRequested;
import io.gitinsight.model.events.DataIngested;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.model.json.Json;
import io.gitinsight.testkit.AuthFake;
import io.gitinsight.testkit.BrokerProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Private repositories: the sync acts with the GitHub token of the user who asked (from auth-service) for
 * REST, GraphQL and the clone; without a usable token the job fails saying why and what to do.
 */
@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
@QuarkusTestResource(AuthFake.class)
class PrivateRepositorySyncTest {

    @Test
    void syncsAPrivateRepositoryWithTheTokenOfTheUserWhoAddedIt() throws Exception {
        String name = "secret-" + UUID.randomUUID().toString().substring(0, 8);
        UUID adder = UUID.randomUUID();
        OrgStubs.userToken(adder, "gho_adder");
        String basic = DumbHttpGit.basic("x-access-token", "gho_adder");
        String cloneUrl = DumbHttpGit.serve(SyncFixtures.gitRepository(3), "/acme/" + name + ".git", basic);
        // every REST answer needs the adder's token: without it the fake answers 404, as GitHub does
        SyncFixtures.stubRepository("acme", name, cloneUrl, 2, "Bearer gho_adder");
        UUID job = UUID.randomUUID();
        UUID repository = UUID.randomUUID();

        try (BrokerProbe data = BrokerProbe.bind("github.data.ingested")) {
            data.publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_REQUESTED, "corr", repository,
                    new AnalysisRequested(job, repository, "acme/" + name, null, null, null, adder)));
            List<DataIngested> batches = SyncJobTest.batchesOf(data, job);

            assertThat(batches.stream().mapToInt(b -> b.commits().size()).sum()).isEqualTo(3);
            assertThat(batches.stream().mapToInt(b -> b.issues().size()).sum()).isEqualTo(1);
        }
        // GraphQL was asked with the token too (the fake knows no GraphQL: REST took over)
        GitHubFake.server.verify(postRequestedFor(urlEqualTo("/graphql")).withHeader("Authorization",
                equalTo("Bearer gho_adder")));
        RequestPatternBuilder authenticatedRefs = getRequestedFor(urlPathEqualTo("/acme/" + name + ".git/info/refs"))
                .withHeader("Authorization", equalTo(basic));
        GitHubFake.server.verify(1, authenticatedRefs);

        // a push fetches the mirror with the same user's token
        ObjectNode push = (ObjectNode) Json.mapper().readTree(WebhookDeliveries.fixture("push/payload.json"));
        ((ObjectNode) push.get("repository")).put("full_name", "acme/" + name);
        WebhookDeliveries.send("push", WebhookDeliveries.newDeliveryId(), Json.mapper().writeValueAsBytes(push)).then()
                .statusCode(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (GitHubFake.server.findAll(authenticatedRefs).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        GitHubFake.server.verify(2, authenticatedRefs);
    }

    @Test
    void failsWithAClearMessageWhenNoTokenReachesAPrivateRepository() throws Exception {
        String name = "hidden-" + UUID.randomUUID().toString().substring(0, 8);
        UUID adder = UUID.randomUUID();
        OrgStubs.userWithoutGitHub(adder);
        Path origin = SyncFixtures.gitRepository(1);
        SyncFixtures.stubRepository("acme", name, origin.toUri().toString(), 2, "Bearer gho_someone_else");
        UUID job = UUID.randomUUID();
        UUID repository = UUID.randomUUID();

        try (BrokerProbe progress = BrokerProbe.bind("repository.analysis.progress")) {
            progress.publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_REQUESTED, "corr", repository,
                    new AnalysisRequested(job, repository, "acme/" + name, null, null, null, adder)));
            List<AnalysisProgress> stages = SyncJobTest.progressOf(progress, job, "failed");

            // the tests run without GITHUB_TOKEN: the fallback was anonymous
            assertThat(stages.get(stages.size() - 1).errorMessage()).isEqualTo("acme/" + name + " is private or does not "
                    + "exist (the user who added it has no GitHub connection; asked anonymously); the user who added it "
                    + "must reconnect GitHub");
        }
        GitHubFake.server.verify(1, getRequestedFor(urlPathEqualTo("/repos/acme/" + name)).withoutHeader("Authorization"));
    }
}
