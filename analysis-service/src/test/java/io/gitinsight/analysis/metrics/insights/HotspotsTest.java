package io.gitinsight.analysis.metrics.insights;

import static io.gitinsight.analysis.metrics.pulls.TestData.at;
import static io.gitinsight.analysis.metrics.pulls.TestData.commit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.Window;

class HotspotsTest {

    private final List<Commit> commits = List.of(
            commit("a1").authored("2026-03-10T00:00").by("alice@x.com").file("src/Core.java", 300, 100)
                    .file("package-lock.json", 5000, 4000).binary("logo.png").file("README.md", 10, 0).build(),
            commit("b1").authored("2026-03-11T00:00").by("bob@x.com").file("src/Core.java", 150, 50)
                    .file("src/Util.java", 400, 200).build(),
            commit("c1").authored("2026-03-12T00:00").by("Carol@x.com").file("src/Core.java", 20, 30)
                    .file("vendor/lib/x.js", 900, 0).build(),
            commit("d1").authored("2026-03-13T00:00").by("dave@x.com").file("src/Util.java", 10, 10).build(),
            commit("m").parents("c1", "d1").authored("2026-03-14T00:00").by("erin@x.com")
                    .file("src/Core.java", 999, 0).build(),
            commit("e0").authored("2026-01-01T00:00").by("erin@x.com").file("src/Core.java", 1000, 0).build());

    private final Window window = Window.of("30d", at("2026-04-01T00:00"));

    @Test
    void churnAndAuthorsArePerFileOverTheWindowsNonMergeCommits() {
        // Core: 400 + 200 + 50 = 650 by alice, bob, carol (the merge and erin's January commit do not count);
        // Util: 600 + 20 = 620 by bob, dave; README 10. Lock file, vendored file and binary are left out.
        // Ranked by churn × authors: 1950, 1240, 10.
        assertThat(Hotspots.compute(commits, window)).containsExactly(new FileChurn("src/Core.java", 650, 3, 3),
                new FileChurn("src/Util.java", 620, 2, 2), new FileChurn("README.md", 10, 1, 1));
    }

    @Test
    void aFileWithMuchChurnByManyAuthorsIsAHotspot() {
        Insight insight = new ChurnHotspot().evaluate(Scenarios.inputs().hotspots(Hotspots.compute(commits, window))
                .build()).orElseThrow();

        // only Core has ≥ 500 lines and ≥ 3 authors (Util has 2); confidence 3 commits / (3 + 20) = 0.130
        assertThat(insight.type()).isEqualTo("churn_hotspot");
        assertThat(insight.description()).isEqualTo("1 file was heavily changed by many people in the last 90d: "
                + "src/Core.java (650 lines churned by 3 authors in 3 commits).");
        assertThat(insight.confidence()).isEqualTo(0.13);
    }

    @Test
    void muchChurnByFewOrLittleChurnByManyIsNoHotspot() {
        List<FileChurn> calm = List.of(new FileChurn("a", 5000, 2, 40), new FileChurn("b", 499, 9, 40));

        assertThat(new ChurnHotspot().evaluate(Scenarios.inputs().hotspots(calm).build())).isEmpty();
    }
}
