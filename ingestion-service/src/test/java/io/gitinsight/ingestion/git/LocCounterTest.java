package io.gitinsight.ingestion.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.gitinsight.ingestion.git.LocCounter.Lines;

/**
 * Line counts of small hand-written sources; each expected count is tallied line by line in a comment
 * (c = code, # = comment, _ = blank), following cloc's conventions.
 */
class LocCounterTest {

    @Test
    void countsJavaWithBlockJavadocTrailingCommentsAndMarkersInStrings() {
        String source = """
                /*                              #
                 * Licence.                     #
                 */                             #
                package demo;                   c
                                                _
                /** Doc. */                     #
                class A {                       c
                    String url = "http://x";    c  (// in a string)
                    String glob = "src/**/*";   c  (/* in a string opens no comment)
                    char q = '"';               c  (a quote in a char literal opens no string)
                    int a; // trailing          c
                    /* one */ int b; /* two */  c
                    // whole line               #

                    String block = \"""         c
                        // not a comment        c  (inside a text block)
                        \""";                   c
                }                               c
                """;
        // 5 comment lines (1-3, 6, 13); 2 blank (5, 14); the other 11 are code
        assertThat(count("src/A.java", stripTally(source))).isEqualTo(new Lines("Java", false, 11, 5, 2));
    }

    @Test
    void countsJavaScriptTemplateStringsOverSeveralLines() {
        String source = "const a = `line one\n// still in the string\n`; // done\n// comment\n\n";
        // c, c (inside the template), c, #, _
        assertThat(count("web/app.js", source)).isEqualTo(new Lines("JavaScript", false, 3, 1, 1));
    }

    @Test
    void countsXmlAndMavenComments() {
        String pom = "<?xml version=\"1.0\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <!-- one line -->\n  <!--\n    several\n  -->\n  <a/> <!-- after code -->\n\n</project>\n";
        // c, c, #, #, #, #, c, _, c
        assertThat(count("pom.xml", pom)).isEqualTo(new Lines("Maven", false, 4, 4, 1));
        assertThat(count("conf/beans.xml", pom)).isEqualTo(new Lines("XML", false, 4, 4, 1));
    }

    @Test
    void countsShellPythonAndYamlHashComments() {
        String shell = "#!/bin/sh\n# comment\necho \"# not\" # trailing\n\n  # indented\nexit 0\n";
        // c (cloc counts a script's #! line as code), #, c, _, #, c
        assertThat(count("run", shell)).isEqualTo(new Lines("Bourne Shell", false, 3, 2, 1));
        assertThat(count("deploy/run.sh", shell)).isEqualTo(new Lines("Bourne Shell", false, 3, 2, 1));
        // in YAML (no script language) the same line is a comment: #, c
        assertThat(count("x.yaml", "#!/bin/sh\nk: v\n")).isEqualTo(new Lines("YAML", false, 1, 1, 0));

        String python = "\"\"\"Module doc.\n\nMore.\n\"\"\"\nimport os  # why\n\ndef f():\n    '''One line.'''\n"
                + "    return \"#\"\n";
        // #, _, #, #, c, _, c, # (a docstring is a comment to cloc), c
        assertThat(count("tool/f.py", python)).isEqualTo(new Lines("Python", false, 3, 4, 2));

        String yaml = "# config\nkey: value # note\nlist:\n  - a\n\n";
        // #, c, c, c, _
        assertThat(count("ci.yml", yaml)).isEqualTo(new Lines("YAML", false, 3, 1, 1));
    }

    @Test
    void countsSqlPropertiesAndLua() {
        String sql = "-- schema\nCREATE TABLE t (\n  a int, -- why\n  b text DEFAULT '--'\n);\n/* a\n   b */\n";
        // #, c, c, c, c, #, #
        assertThat(count("db/V1__init.sql", sql)).isEqualTo(new Lines("SQL", false, 4, 3, 0));

        String properties = "# comment\n! also a comment\nkey=value\nurl=http://x#y\n\n";
        // #, #, c, c (a # after text is a value), _
        assertThat(count("application.properties", properties)).isEqualTo(new Lines("Properties", false, 2, 2, 1));

        String lua = "--[[ block\n  comment ]]\nlocal x = 1 -- trailing\n-- line\nreturn x\n";
        // #, #, c, #, c
        assertThat(count("ratelimit.lua", lua)).isEqualTo(new Lines("Lua", false, 2, 3, 0));
    }

    @Test
    void countsEveryLineOfJsonMarkdownAndTextAsCode() {
        String json = "{\n  \"a\": \"// not a comment\",\n\n  \"b\": 1\n}";
        // c, c, _, c, c (the last line has no newline and still counts)
        assertThat(count("data/x.json", json)).isEqualTo(new Lines("JSON", false, 4, 0, 1));

        String markdown = "# Title\n\n<!-- hidden -->\nText with `code`.\n";
        // c (a heading is text, not a comment), _, #, c
        assertThat(count("README.md", markdown)).isEqualTo(new Lines("Markdown", false, 2, 1, 1));
        assertThat(count("notes.txt", "a\n\nb\n")).isEqualTo(new Lines("Text", false, 2, 0, 1));
    }

    @Test
    void countsCFamilyRustAndGo() {
        String rust = "fn f<'a>(s: &'a str) -> char {\n    // c\n    '\\''\n}\n";
        // c (a lifetime opens no char literal), #, c, c
        assertThat(count("src/lib.rs", rust)).isEqualTo(new Lines("Rust", false, 3, 1, 0));

        String go = "package main\n\nvar s = `raw\n/* not */`\n/* block\n*/\n";
        // c, _, c, c (inside the raw string), #, #
        assertThat(count("main.go", go)).isEqualTo(new Lines("Go", false, 3, 2, 1));

        String header = "#ifndef A_H\n/* guard */\n#define A_H\n#endif\n";
        // c, #, c, c
        assertThat(count("include/a.h", header)).isEqualTo(new Lines("C/C++ Header", false, 3, 1, 0));
    }

    @Test
    void namesLanguagesByFileNameExtensionPrefixAndShebang() {
        assertThat(count("src/main/docker/Dockerfile.jvm", "# base\nFROM x\n").language()).isEqualTo("Dockerfile");
        assertThat(count("Makefile", "all:\n").language()).isEqualTo("make");
        assertThat(count("CMakeLists.txt", "project(x)\n").language()).isEqualTo("CMake");
        assertThat(count(".ci/run", "#!/usr/bin/env bash\nset -e\n").language()).isEqualTo("Bourne Again Shell");
        assertThat(count("build.gradle.kts", "plugins {}\n").language()).isEqualTo("Gradle");
        assertThat(count("mvnw.cmd", "@REM comment\nrem real comment\n").language()).isEqualTo("DOS Batch");
        // cloc: "@REM" is not a comment marker, "rem" is
        assertThat(count("mvnw.cmd", "@REM comment\nrem real comment\n")).isEqualTo(new Lines("DOS Batch", false, 1, 1, 0));
        assertThat(count("LICENSE", "MIT\n")).isEqualTo(new Lines(null, false, 0, 0, 0));
        assertThat(count("data.csv", "a,b\n").language()).isNull();
        assertThat(count("App.JAVA", "class A {}\n").language()).isNull(); // cloc's extensions are case-sensitive
    }

    @Test
    void treatsANulByteInTheFirst8000BytesAsBinary() {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2, '\n' };
        assertThat(LocCounter.count("logo.png", png)).isEqualTo(new Lines(null, true, 0, 0, 0));
        assertThat(LocCounter.count("blob.java", png)).isEqualTo(new Lines(null, true, 0, 0, 0));

        byte[] late = new byte[8001];
        java.util.Arrays.fill(late, (byte) 'a');
        late[8000] = 0;
        // 8,000 'a' then a NUL beyond the sniffed range: one line of text
        assertThat(LocCounter.count("late.txt", late)).isEqualTo(new Lines("Text", false, 1, 0, 0));
    }

    @Test
    void streamsAFileLargerThanItsBuffer() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            big.append(i % 3 == 0 ? "// comment " + i : i % 3 == 1 ? "int x" + i + ";" : "").append('\n');
        }
        // 30,000 lines in turn comment, code, blank: 10,000 of each (about 400 KB, several buffer refills)
        assertThat(count("Big.java", big.toString())).isEqualTo(new Lines("Java", false, 10_000, 10_000, 10_000));
    }

    private static Lines count(String path, String source) {
        return LocCounter.count(path, source.getBytes(StandardCharsets.UTF_8));
    }

    /** Drops the tally column (two or more spaces then the mark) from each line of a source above. */
    private static String stripTally(String source) {
        return source.replaceAll("(?m)[ \\t]{2,}[c#_](  \\(.*\\))?$", "");
    }
}
