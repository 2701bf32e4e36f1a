package io.gitinsight.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.systemtest.client.Caller;
import io.gitinsight.systemtest.github.RepositoryStubs;
import io.gitinsight.systemtest.platform.PlatformExtension;

/**
 * Fault drill 3: a GitHub that answers every resource with a 502 first, and two of them then with a secondary
 * rate limit. The sync retries through the 502s, waits out the limits, and completes with the same complete
 * data an undisturbed sync of the same repository collected.
 */
@Order(8)
@ExtendWith(PlatformExtension.class)
class FlakyGitHubDrillTest {

    static final Set<String> SECONDARY_LIMITED = Set.of("/pulls", "/deployments");

    @Test
    void aSyncThroughBadGatewaysAndSecondaryRateLimitsCompletesWithCompleteData(World world) {
        Analyses.Analyzed undisturbed = world.mainRepository();
        RepositoryStubs stubs = world.platform().github()
                .repository(world.repository("Flaky-GitHub", 900_000_002L, world.pristine().toUri().toString()));
        stubs.flaky(SECONDARY_LIMITED);
        Analyses analyses = new Analyses(world);
        Caller alice = world.alice().caller();
        String id = analyses.add(World.OWNER + "/Flaky-GitHub", alice).path("id").asText();
        // adding looked the repository up (through one 502): the sync meets every fault from the start
        stubs.resetFaults();

        JsonNode job = analyses.awaitJob(analyses.analyze(id, alice).path("id").asText());

        assertThat(job.path("error_message").isNull()).isTrue();
        for (String resource : stubs.resources()) {
            assertThat(stubs.statusesServed(resource)).as("GitHub's answers for " + resource).startsWith(
                    SECONDARY_LIMITED.contains(resource) ? new Integer[] { 502, 403, 200 } : new Integer[] { 502, 200 });
        }
        Analyses.assertSameFigures(analyses.metrics(id), undisturbed.metrics());
        JsonNode pulls = world.api().get("/repositories/" + id + "/pulls", world.reader()).json();
        assertThat(pulls.path("pagination").path("total").asInt()).isEqualTo(stubs.pullNumbers().size());
    }
}
