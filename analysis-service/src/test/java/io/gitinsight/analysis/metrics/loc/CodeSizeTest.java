package io.gitinsight.analysis.metrics.loc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.model.SourceFile;

class CodeSizeTest {

    private static final List<SourceFile> TIP = List.of(
            file("src/Main.java", "Java", 120),
            file("src/Util.java", "Java", 30),
            file("web/app.ts", "TypeScript", 200),
            file("scripts/build", "Shell", 12),
            file("docs/empty.md", "Markdown", 0),
            file("LICENSE", null, 0),
            file("data/table.csv", null, 40),
            file("web/node_modules/left-pad/index.js", "JavaScript", 500),
            file("third_party/vendor/lib.go", "Go", 700),
            file("build/generated/Gen.java", "Java", 900),
            file("dist/app.min.js", "JavaScript", 1),
            file("server/target/classes/X.java", "Java", 5));

    private static SourceFile file(String path, String language, int code) {
        return new SourceFile(path, language, code * 30L, code, 0, 0);
    }

    @Test
    void sumsCodeOutsideVendoredFolders() {
        CodeSummary summary = CodeSize.measure(TIP, null);

        // 120 + 30 + 200 + 12 + 0 + 0 + 40: the file named "build" is a script, not a folder
        assertThat(summary.loc()).isEqualTo(402);
        // languages with code, by name; files no language claims count in loc only
        assertThat(summary.locByLanguage()).containsExactly(Map.entry("Java", 150L), Map.entry("Shell", 12L),
                Map.entry("TypeScript", 200L));
    }

    @Test
    void takesThePrimaryLanguageFromGitHubBytesWhenGiven() {
        // GitHub weighs bytes over the whole tree (vendored files too, unless its Linguist says otherwise)
        CodeSummary summary = CodeSize.measure(TIP, Map.of("Java", 90_000L, "TypeScript", 6_000L, "Go", 21_000L));

        assertThat(summary.primaryLanguage()).isEqualTo("Java");
    }

    @Test
    void fallsBackToTheLargestLocWithoutGitHub() {
        assertThat(CodeSize.measure(TIP, null).primaryLanguage()).isEqualTo("TypeScript");
        assertThat(CodeSize.measure(TIP, Map.of()).primaryLanguage()).isEqualTo("TypeScript");
    }

    @Test
    void breaksTiesByName() {
        Map<String, Long> bytes = new HashMap<>();
        bytes.put("Ruby", 10L);
        bytes.put("C", 10L);
        bytes.put("Python", 3L);
        List<SourceFile> tied = List.of(file("b.rb", "Ruby", 5), file("a.py", "Python", 5));

        assertThat(CodeSize.measure(tied, bytes).primaryLanguage()).isEqualTo("C");
        assertThat(CodeSize.measure(tied, null).primaryLanguage()).isEqualTo("Python");
    }

    @Test
    void hasNoPrimaryLanguageWhenNothingNamesOne() {
        CodeSummary summary = CodeSize.measure(List.of(file("notes.txt", null, 8)), Map.of());

        assertThat(summary.loc()).isEqualTo(8);
        assertThat(summary.locByLanguage()).isEmpty();
        assertThat(summary.primaryLanguage()).isNull();
    }

    @Test
    void recognizesVendoredFoldersAtAnyDepthButNotFilesOrLookAlikes() {
        assertThat(VendoredPaths.isVendored("node_modules/a.js")).isTrue();
        assertThat(VendoredPaths.isVendored("a/b/vendor/c.go")).isTrue();
        assertThat(VendoredPaths.isVendored("target/x")).isTrue();
        assertThat(VendoredPaths.isVendored("dist")).isFalse();
        assertThat(VendoredPaths.isVendored("buildSrc/Plugin.kt")).isFalse();
        assertThat(VendoredPaths.isVendored("src/vendors/a.js")).isFalse();
    }
}
