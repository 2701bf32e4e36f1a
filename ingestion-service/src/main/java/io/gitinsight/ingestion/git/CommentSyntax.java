package io.gitinsight.ingestion.git;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a language writes comments and strings, as far as telling comment lines from code lines needs:
 * line comments (anywhere, or only as the first thing on a line), block comments, and the string
 * literals inside which comment markers mean nothing. The choices follow cloc's filters where cloc has
 * a convention of its own: Python's triple-quoted strings are comments, INI comments are only {@code ;},
 * Svelte and Markdown only have HTML comments, JSON and Text have none.
 */
record CommentSyntax(List<byte[]> lineComments, List<byte[]> lineStartComments, List<Block> blocks, List<Quote> quotes,
        boolean charLiterals) {

    /** A block comment; {@code atLineStart}: it opens only as the first thing on a line (Ruby's =begin). */
    record Block(byte[] open, byte[] close, boolean atLineStart) {
    }

    /** A string literal; an unclosed single-line one ends with its line. */
    record Quote(byte[] open, byte[] close, boolean multiline, boolean escapes) {
    }

    static final CommentSyntax NONE = new CommentSyntax(List.of(), List.of(), List.of(), List.of(), false);

    private static final Map<String, CommentSyntax> BY_LANGUAGE = new HashMap<>();

    static {
        CommentSyntax cStyle = syntax(lines("//"), List.of(block("/*", "*/")), List.of(quote("\"", false)), true);
        for (String language : List.of("C", "C++", "C/C++ Header", "C#", "CUDA", "Protocol Buffers")) {
            BY_LANGUAGE.put(language, cStyle);
        }
        BY_LANGUAGE.put("Java", syntax(lines("//"), List.of(block("/*", "*/")),
                List.of(quote("\"\"\"", true), quote("\"", false)), true));
        BY_LANGUAGE.put("Go", syntax(lines("//"), List.of(block("/*", "*/")),
                List.of(quote("\"", false), raw("`")), true));
        BY_LANGUAGE.put("Rust", syntax(lines("//"), List.of(block("/*", "*/")), List.of(quote("\"", true)), true));
        CommentSyntax tripleQuoted = syntax(lines("//"), List.of(block("/*", "*/")),
                List.of(raw("\"\"\""), quote("\"", false)), true);
        for (String language : List.of("Kotlin", "Scala", "Swift")) {
            BY_LANGUAGE.put(language, tripleQuoted);
        }
        CommentSyntax groovy = syntax(lines("//"), List.of(block("/*", "*/")),
                List.of(raw("\"\"\""), raw("'''"), quote("\"", false), quote("'", false)), false);
        BY_LANGUAGE.put("Groovy", groovy);
        BY_LANGUAGE.put("Gradle", groovy);
        BY_LANGUAGE.put("Dart", groovy);
        CommentSyntax script = syntax(lines("//"), List.of(block("/*", "*/")),
                List.of(quote("\"", false), quote("'", false), quote("`", true)), false);
        for (String language : List.of("JavaScript", "JSX", "TypeScript")) {
            BY_LANGUAGE.put(language, script);
        }
        BY_LANGUAGE.put("PHP", syntax(lines("//", "#"), List.of(block("/*", "*/")),
                List.of(quote("\"", false), quote("'", false)), false));
        BY_LANGUAGE.put("CSS", syntax(lines(), List.of(block("/*", "*/")),
                List.of(quote("\"", false), quote("'", false)), false));
        CommentSyntax styleSheet = syntax(lines("//"), List.of(block("/*", "*/")),
                List.of(quote("\"", false), quote("'", false)), false);
        for (String language : List.of("SCSS", "Sass", "LESS")) {
            BY_LANGUAGE.put(language, styleSheet);
        }
        BY_LANGUAGE.put("HCL", syntax(lines("#", "//"), List.of(block("/*", "*/")), List.of(quote("\"", false)), false));
        BY_LANGUAGE.put("Nix", syntax(lines("#"), List.of(block("/*", "*/")), List.of(quote("\"", false)), false));
        BY_LANGUAGE.put("Zig", syntax(lines("//"), List.of(), List.of(quote("\"", false)), true));

        // '#' comments; a '#' inside a string only ever follows code on its line, so strings need no care
        CommentSyntax hash = syntax(lines("#"), List.of(), List.of(), false);
        for (String language : List.of("Bourne Shell", "Bourne Again Shell", "zsh", "Korn Shell", "C Shell", "YAML",
                "TOML", "Dockerfile", "Containerfile", "make", "CMake", "R", "Elixir")) {
            BY_LANGUAGE.put(language, hash);
        }
        // cloc counts every triple-quoted string as a comment, docstring or not
        CommentSyntax python = syntax(lines("#"), List.of(block("\"\"\"", "\"\"\""), block("'''", "'''")),
                List.of(quote("\"", false), quote("'", false)), false);
        BY_LANGUAGE.put("Python", python);
        BY_LANGUAGE.put("Starlark", python);
        BY_LANGUAGE.put("GraphQL", syntax(lines("#"), List.of(block("\"\"\"", "\"\"\"")), List.of(quote("\"", false)),
                false));
        BY_LANGUAGE.put("Ruby", syntax(lines("#"), List.of(new Block(bytes("=begin"), bytes("=end"), true)), List.of(),
                false));
        BY_LANGUAGE.put("Perl", syntax(lines("#"), List.of(new Block(bytes("=head1"), bytes("=cut"), true),
                new Block(bytes("=pod"), bytes("=cut"), true)), List.of(), false));
        BY_LANGUAGE.put("PowerShell", syntax(lines("#"), List.of(block("<#", "#>")), List.of(), false));

        BY_LANGUAGE.put("SQL", syntax(lines("--"), List.of(block("/*", "*/")), List.of(quote("'", false)), false));
        BY_LANGUAGE.put("Lua", syntax(lines("--"), List.of(block("--[====[", "]====]"), block("--[===[", "]===]"),
                block("--[==[", "]==]"), block("--[=[", "]=]"), block("--[[", "]]")), List.of(), false));
        CommentSyntax haskell = syntax(lines("--"), List.of(block("{-", "-}")), List.of(quote("\"", false)), false);
        BY_LANGUAGE.put("Haskell", haskell);
        BY_LANGUAGE.put("Elm", haskell);
        BY_LANGUAGE.put("Erlang", syntax(lines("%"), List.of(), List.of(), false));
        CommentSyntax lisp = syntax(lines(";"), List.of(block("#|", "|#")), List.of(quote("\"", true)), false);
        for (String language : List.of("Lisp", "Scheme", "Clojure", "ClojureScript", "ClojureC")) {
            BY_LANGUAGE.put(language, lisp);
        }

        CommentSyntax markup = syntax(lines(), List.of(block("<!--", "-->")), List.of(), false);
        for (String language : List.of("XML", "Maven", "Ant", "HTML", "SVG", "XSD", "XSLT", "XAML", "Svelte", "Markdown",
                "Qt Linguist")) {
            BY_LANGUAGE.put(language, markup);
        }
        BY_LANGUAGE.put("Vuejs Component", syntax(lines("//"), List.of(block("<!--", "-->"), block("/*", "*/")),
                List.of(), false));
        BY_LANGUAGE.put("Handlebars", syntax(lines(), List.of(block("{{!--", "--}}"), block("{{!", "}}"),
                block("<!--", "-->")), List.of(), false));
        BY_LANGUAGE.put("Mustache", syntax(lines(), List.of(block("{{!", "}}")), List.of(), false));
        BY_LANGUAGE.put("Jinja Template", syntax(lines(), List.of(block("{#", "#}")), List.of(), false));

        BY_LANGUAGE.put("Properties", lineStart("#", "!"));
        BY_LANGUAGE.put("INI", lineStart(";"));
        // "rem" as a word (any case), or "::"; "@REM" is code to cloc too
        BY_LANGUAGE.put("DOS Batch", lineStart("rem ", "rem\t", "rem\r", "rem\n", "::"));
        for (String language : List.of("JSON", "Text")) {
            BY_LANGUAGE.put(language, NONE);
        }
    }

    /** The syntax of {@code language}, one of the names {@link Languages} gives; NONE for an unknown one. */
    static CommentSyntax of(String language) {
        return BY_LANGUAGE.getOrDefault(language, NONE);
    }

    /** Whether every language {@link Languages} can name has a syntax here. */
    static boolean knows(String language) {
        return BY_LANGUAGE.containsKey(language);
    }

    private static CommentSyntax syntax(List<byte[]> lineComments, List<Block> blocks, List<Quote> quotes,
            boolean charLiterals) {
        return new CommentSyntax(lineComments, List.of(), blocks, quotes, charLiterals);
    }

    private static CommentSyntax lineStart(String... markers) {
        return new CommentSyntax(List.of(), lines(markers), List.of(), List.of(), false);
    }

    private static List<byte[]> lines(String... markers) {
        return java.util.Arrays.stream(markers).map(CommentSyntax::bytes).toList();
    }

    private static Block block(String open, String close) {
        return new Block(bytes(open), bytes(close), false);
    }

    /** A string with backslash escapes, single-line unless {@code multiline}. */
    private static Quote quote(String delimiter, boolean multiline) {
        return new Quote(bytes(delimiter), bytes(delimiter), multiline, true);
    }

    /** A multi-line string without escapes (Go's raw strings, triple-quoted strings). */
    private static Quote raw(String delimiter) {
        return new Quote(bytes(delimiter), bytes(delimiter), true, false);
    }

    private static byte[] bytes(String marker) {
        return marker.getBytes(StandardCharsets.US_ASCII);
    }
}
