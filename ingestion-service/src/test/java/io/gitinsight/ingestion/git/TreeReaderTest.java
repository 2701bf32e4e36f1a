package io.gitinsight.ingestion.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.ingestion.domain.TipTree;
import io.gitinsight.model.json.Json;

/** The tip tree against cloc on this project's own repository, and its rules on a tree built for them. */
class TreeReaderTest {

    private static final String EXCLUDED = String.join(",", new java.util.TreeSet<>(TreeReader.EXCLUDED_FOLDERS));

    @TempDir
    Path dir;

    @Test
    void countsThisRepositorysHeadWithinFivePercentOfCloc() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        TipTree tree;
        try (Repository repository = new FileRepositoryBuilder().findGitDir(root.toFile()).setMustExist(true).build()) {
            tree = new TreeReader(repository, 8 << 20).read("HEAD", repository.resolve("HEAD"));
        }
        JsonNode cloc = Json.mapper().readTree(cloc(root, "--git", "HEAD", "--exclude-dir=" + EXCLUDED, "--json",
                "--quiet"));

        // cloc counts a file whose content occurs twice once: so do we, by blob id
        Map<String, Long> ours = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (TipTree.File file : tree.files()) {
            if (file.language() != null && seen.add(file.sha())) {
                ours.merge(file.language(), file.code(), Long::sum);
            }
        }
        long ourTotal = ours.values().stream().mapToLong(Long::longValue).sum();
        assertThat(ourTotal).as("total code lines, ours by language " + ours)
                .isCloseTo(cloc.get("SUM").get("code").asLong(), org.assertj.core.data.Percentage.withPercentage(5));
        cloc.fields().forEachRemaining(language -> {
            long code = language.getValue().path("code").asLong();
            if (!language.getKey().equals("SUM") && !language.getKey().equals("header") && code >= 200) {
                assertThat(ours.getOrDefault(language.getKey(), 0L)).as(language.getKey() + " code lines")
                        .isCloseTo(code, org.assertj.core.data.Percentage.withPercentage(5));
            }
        });
        assertThat(ours).containsKeys("Java", "JSON", "Maven");
        assertThat(tree.headSha()).isEqualTo(GitCli.run(root, "rev-parse", "HEAD").trim());
    }

    @Test
    void leavesOutVendoredFoldersAndListsBinariesAndUnknownFiles() throws Exception {
        GitCli.run(dir, "init", "-q");
        write("src/App.java", "class App {\n  // why\n\n  int a;\n}\n");
        write("web/node_modules/lib/index.js", "module.exports = 1;\n");
        write("deep/vendor/x.go", "package x\n");
        for (String folder : new String[] { "build", "dist", "target" }) {
            write("module/" + folder + "/Gen.java", "class Gen {}\n");
        }
        write("docs/build.md", "# a file named like a folder is kept\n");
        write("LICENSE", "MIT\n");
        Files.write(dir.resolve("logo.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0 });
        write("big.json", "[\n" + "1,\n".repeat(20) + "1\n]\n");
        GitCli.run(dir, "add", "-A");
        GitCli.run(dir, "commit", "-q", "-m", "files");

        TipTree tree;
        try (Repository repository = new FileRepositoryBuilder().setGitDir(dir.resolve(".git").toFile()).build()) {
            // a 50-byte limit: big.json (2 + 20 * 3 + 4 = 66 bytes) is listed but not counted
            tree = new TreeReader(repository, 50).read("refs/heads/main", repository.resolve("HEAD"));
        }

        assertThat(tree.branch()).isEqualTo("refs/heads/main");
        assertThat(tree.files()).extracting(TipTree.File::path).containsExactlyInAnyOrder("src/App.java",
                "docs/build.md", "LICENSE", "logo.png", "big.json");
        assertThat(file(tree, "src/App.java")).satisfies(f -> {
            // class App {, int a;, } are code; // why is a comment; one blank line
            assertThat(f.language()).isEqualTo("Java");
            assertThat(new long[] { f.code(), f.comments(), f.blanks(), f.bytes() }).containsExactly(3, 1, 1, 33);
            assertThat(f.sha()).isEqualTo(GitCli.run(dir, "rev-parse", "HEAD:src/App.java").trim());
        });
        assertThat(file(tree, "logo.png")).isEqualTo(new TipTree.File("logo.png",
                GitCli.run(dir, "rev-parse", "HEAD:logo.png").trim(), null, 6, 0, 0, 0, false));
        assertThat(file(tree, "LICENSE").language()).isNull();
        assertThat(file(tree, "LICENSE").counted()).isTrue();
        assertThat(file(tree, "big.json")).satisfies(f -> {
            assertThat(f.language()).isEqualTo("JSON");
            assertThat(f.bytes()).isEqualTo(66);
            assertThat(f.counted()).isFalse();
            assertThat(f.code()).isZero();
        });
    }

    private static TipTree.File file(TipTree tree, String path) {
        return tree.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    private void write(String path, String content) throws IOException {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), content);
    }

    /** cloc's JSON answer; without cloc the comparison cannot be made, and that is a failure. */
    private static String cloc(Path dir, String... args) throws Exception {
        Path executable = Path.of("/usr/bin/cloc");
        String command = Files.isExecutable(executable) ? executable.toString() : "cloc";
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of(command));
        line.addAll(java.util.List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(line).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return fail("cloc is needed to check the line counts and was not found (apt-get install cloc; "
                    + "deploy/local/ensure-infra.sh installs it): " + e.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            return fail("cloc " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }
}
