package io.gitinsight.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.ingestion.git.GitCliAccess;
import io.gitinsight.model.events.AnalysisRequested;
import io.gitinsight.model.events.DataIngested;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.testkit.BrokerProbe;
import io.quarkus.test.junit.QuarkusTest;

/** The files at the branch tip ride on batch 1 of every sync, full or incremental. */
@QuarkusTest
class SyncTreeTest {

    private static final String MAIN_JAVA = """
            package demo;

            /** Entry point. */
            public class Main {
                public static void main(String[] args) {
                    System.out.println("// hello"); // greet
                }
            }
            """;

    @Test
    void batchOneCarriesTheTipTreeOnFullAndIncrementalSyncs() throws Exception {
        Path origin = Files.createTempDirectory("gitinsight-tree");
        GitCliAccess.run(origin, "init", "-q");
        write(origin, "src/Main.java", MAIN_JAVA);
        write(origin, "web/node_modules/left-pad/index.js", "module.exports = 1;\n");
        write(origin, "README.md", "# Demo\n\nA demo.\n");
        for (int i = 1; i <= 6; i++) {
            write(origin, "notes/n" + i + ".txt", "note " + i + "\n");
            GitCliAccess.run(origin, "add", "-A");
            GitCliAccess.run(origin, "commit", "-q", "-m", "commit " + i);
        }
        UUID repository = UUID.randomUUID();

        List<DataIngested> full = sync(repository, origin, null);

        // 6 commits in batches of 5 (the test profile's batch size): the tree rides on batch 1 only
        assertThat(full).hasSize(2);
        assertThat(full.get(1).tree()).isNull();
        JsonNode tree = full.get(0).tree();
        assertThat(tree.get("branch").asText()).isEqualTo("refs/heads/main");
        assertThat(tree.get("full_history").asBoolean()).isTrue();
        assertThat(tree.get("head_sha").asText()).isEqualTo(GitCliAccess.run(origin, "rev-parse", "HEAD").trim());
        assertThat(tree.get("files").findValuesAsText("path")).containsExactlyInAnyOrder("README.md", "src/Main.java",
                "notes/n1.txt", "notes/n2.txt", "notes/n3.txt", "notes/n4.txt", "notes/n5.txt", "notes/n6.txt");
        JsonNode main = file(tree, "src/Main.java");
        // code: package, class, main, println (the // inside the string is code), and two closing braces = 6;
        // comment: the javadoc line = 1; blank: the line after package = 1
        assertThat(main.get("language").asText()).isEqualTo("Java");
        assertThat(List.of(main.get("code").asLong(), main.get("comments").asLong(), main.get("blanks").asLong(),
                main.get("bytes").asLong())).containsExactly(6L, 1L, 1L, (long) MAIN_JAVA.length());
        assertThat(file(tree, "README.md").get("code").asLong()).isEqualTo(2);

        write(origin, "src/Extra.java", "class Extra {}\n");
        GitCliAccess.run(origin, "add", "-A");
        GitCliAccess.run(origin, "commit", "-q", "-m", "extra");
        List<DataIngested> incremental = sync(repository, origin, Instant.now().minusSeconds(60));

        assertThat(incremental).hasSize(1);
        assertThat(incremental.get(0).commits()).hasSize(1);
        JsonNode tip = incremental.get(0).tree();
        assertThat(tip.get("full_history").asBoolean()).isFalse();
        assertThat(tip.get("head_sha").asText()).isEqualTo(GitCliAccess.run(origin, "rev-parse", "HEAD").trim());
        assertThat(tip.get("files")).hasSize(9);
        assertThat(file(tip, "src/Extra.java").get("code").asLong()).isEqualTo(1);
    }

    @Test
    void aForcePushedBranchIsReadWholeAgainAndSaysSo() throws Exception {
        Path origin = Files.createTempDirectory("gitinsight-force-push");
        GitCliAccess.run(origin, "init", "-q");
        for (int i = 1; i <= 4; i++) {
            write(origin, "n" + i + ".txt", "note " + i + "\n");
            GitCliAccess.run(origin, "add", "-A");
            GitCliAccess.run(origin, "commit", "-q", "-m", "commit " + i);
        }
        UUID repository = UUID.randomUUID();
        assertThat(sync(repository, origin, null).stream().mapToInt(b -> b.commits().size()).sum()).isEqualTo(4);

        // the last two commits are rewritten: the previous head is no longer in the branch's history
        GitCliAccess.run(origin, "reset", "-q", "--hard", "HEAD~2");
        write(origin, "rewritten.txt", "again\n");
        GitCliAccess.run(origin, "add", "-A");
        GitCliAccess.run(origin, "commit", "-q", "-m", "rewritten");
        List<DataIngested> after = sync(repository, origin, Instant.now().minusSeconds(60));

        assertThat(after.get(0).tree().get("full_history").asBoolean()).isTrue();
        List<String> shas = after.stream().flatMap(b -> b.commits().stream()).map(c -> c.get("sha").asText()).toList();
        assertThat(shas).hasSize(3).containsExactlyInAnyOrder(
                GitCliAccess.run(origin, "rev-list", "HEAD").trim().split("\n"));
    }

    private static List<DataIngested> sync(UUID repository, Path origin, Instant since) throws Exception {
        UUID job = UUID.randomUUID();
        try (BrokerProbe data = BrokerProbe.bind("github.data.ingested")) {
            data.publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_REQUESTED, "corr", repository,
                    new AnalysisRequested(job, repository, null, origin.toUri().toString(), "main", since)));
            return SyncJobTest.batchesOf(data, job);
        }
    }

    private static JsonNode file(JsonNode tree, String path) {
        for (JsonNode file : tree.get("files")) {
            if (file.get("path").asText().equals(path)) {
                return file;
            }
        }
        throw new AssertionError(path + " is not in the tree");
    }

    private static void write(Path root, String path, String content) throws Exception {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), content);
    }
}
