package io.gitinsight.ingestion.git;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which language a file is written in, decided the way cloc decides it (cloc 1.96's language names, in
 * cloc's order): a few well-known file names first ({@code pom.xml}, {@code Dockerfile}, {@code Makefile}),
 * then the extension (case-sensitive, the longest compound extension first, {@code .txt} is "Text"),
 * then a {@code Dockerfile.*} prefix, and for files without a known extension the {@code #!} line or an
 * {@code <?xml} declaration. A language cloc does not know, or one this class leaves out, is null.
 */
final class Languages {

    /** Extensions cloc never counts even when another rule would claim the file. */
    private static final Set<String> NOT_CODE = Set.of("bak", "csv", "tsv", "gitignore", "in", "desktop", "man", "ps",
            "sgm", "sgml", "doc", "pdf", "png", "jpg", "gif", "zip", "gz", "tgz", "bz2", "o", "a", "so");

    private static final Map<String, String> BY_FILE = Map.ofEntries(Map.entry("Makefile", "make"),
            Map.entry("makefile", "make"), Map.entry("Gnumakefile", "make"), Map.entry("gnumakefile", "make"),
            Map.entry("CMakeLists.txt", "CMake"), Map.entry("cmakelists.txt", "CMake"), Map.entry("Rakefile", "Ruby"),
            Map.entry("rakefile", "Ruby"), Map.entry("Dockerfile", "Dockerfile"), Map.entry("dockerfile", "Dockerfile"),
            Map.entry("Containerfile", "Containerfile"));

    private static final Map<String, String> BY_SCRIPT = Map.ofEntries(Map.entry("sh", "Bourne Shell"),
            Map.entry("bash", "Bourne Again Shell"), Map.entry("zsh", "zsh"), Map.entry("ksh", "Korn Shell"),
            Map.entry("csh", "C Shell"), Map.entry("tcsh", "C Shell"), Map.entry("perl", "Perl"),
            Map.entry("perl5", "Perl"), Map.entry("ruby", "Ruby"), Map.entry("php", "PHP"), Map.entry("lua", "Lua"),
            Map.entry("groovy", "Groovy"), Map.entry("make", "make"), Map.entry("escript", "Erlang"));

    private static final Map<String, String> BY_EXTENSION = new HashMap<>();

    static {
        ext("Java", "java");
        ext("Kotlin", "kt", "kts", "ktm");
        ext("Scala", "scala", "sbt", "kojo");
        ext("Groovy", "groovy", "gvy", "gant", "grt", "gtpl", "jenkinsfile");
        ext("Gradle", "gradle", "gradle.kts");
        ext("C", "c", "cats", "ec", "idc", "pgc");
        ext("C++", "cpp", "CPP", "cc", "cxx", "c++", "C", "tcc", "tpp", "ipp", "inl", "h++", "pcc");
        ext("C/C++ Header", "h", "H", "hh", "hpp", "hxx");
        ext("C#", "cs");
        ext("CUDA", "cu", "cuh");
        ext("Go", "go");
        ext("Rust", "rs", "rs.in");
        ext("Swift", "swift");
        ext("Dart", "dart");
        ext("JavaScript", "js", "mjs", "cjs", "es6", "jsm", "jss", "jsb", "jscad", "jsfl", "jake", "jakefile", "pac",
                "sjs", "ssjs", "xsjs", "xsjslib", "njs", "bones", "_js");
        ext("JSX", "jsx");
        ext("TypeScript", "ts", "tsx");
        ext("Vuejs Component", "vue");
        ext("Svelte", "svelte");
        ext("PHP", "php", "php3", "php4", "php5", "phtml", "phpt", "phps", "ctp", "aw", "phakefile", "php_cs",
                "php_cs.dist");
        ext("Python", "py", "pyw", "pyi", "py3", "pyt", "pyp", "pyde", "xpy", "wsgi", "tac", "gyp", "gypi", "lmi",
                "wscript", "sconstruct", "sconscript", "snakefile", "buck", "gclient", "build.bazel", "workspace");
        ext("Starlark", "bzl", "bazel");
        ext("Ruby", "rb", "rake", "gemspec", "podspec", "ru", "rbw", "rbx", "thor", "jbuilder", "rabl", "builder",
                "irbrc", "pryrc", "gemfile", "gemfile.lock", "podfile", "vagrantfile", "capfile", "guardfile",
                "brewfile", "berksfile", "fastfile", "dangerfile", "puppetfile");
        ext("Perl", "pm", "perl", "plx", "plh", "ph", "psgi", "al", "ack", "cpanfile", "rexfile", "makefile.pl");
        ext("Lua", "lua", "wlua", "nse", "p8", "pd_lua", "rbxs");
        ext("Bourne Shell", "sh");
        ext("Bourne Again Shell", "bash");
        ext("zsh", "zsh");
        ext("PowerShell", "ps1", "psd1", "psm1");
        ext("DOS Batch", "bat", "BAT", "cmd", "CMD", "btm", "BTM");
        ext("SQL", "sql", "SQL", "psql", "mysql", "cql", "tab", "udf", "viw");
        ext("HTML", "html", "htm", "xht", "html.hl");
        ext("CSS", "css");
        ext("SCSS", "scss");
        ext("Sass", "sass");
        ext("LESS", "less");
        ext("XML", "xml", "XML", "plist", "iml", "classpath", "project", "props", "targets", "proj", "vcxproj", "fsproj",
                "nuspec", "resx", "rss", "rdf", "storyboard", "xib", "xul", "wsf",
                "kml", "mjml", "launch", "ivy", "jelly", "zcml", "xliff", "xlf", "tmlanguage", "xml.dist",
                "web.config", "app.config", "packages.config", "nuget.config");
        ext("Maven", "pom", "pom.xml");
        ext("XSD", "xsd", "XSD");
        ext("XSLT", "xslt", "XSLT", "xsl", "XSL");
        ext("SVG", "svg", "SVG");
        ext("XAML", "xaml");
        ext("Markdown", "md", "markdown", "mdown", "mdwn", "mkd", "mkdn", "mkdown", "mdx", "ronn", "workbook",
                "contents.lr");
        ext("JSON", "json", "geojson", "topojson", "jsonl", "har", "gltf", "avsc", "webmanifest", "webapp", "mcmeta",
                "arcconfig", "htmlhintrc", "tern-config", "tern-project", "watchmanconfig", "composer.lock",
                "tfstate", "tfstate.backup", "yyp");
        ext("YAML", "yaml", "yml", "clang-format", "clang-tidy", "gemrc", "glide.lock", "reek", "rviz",
                "sublime-syntax", "syntax", "yaml-tmlanguage", "yml.mysql");
        ext("TOML", "toml");
        ext("INI", "ini", "prefs", "lektorproject", "buildozer.spec");
        ext("Properties", "properties");
        ext("Text", "txt", "text");
        ext("make", "mk", "am", "makefile", "Makefile", "gnumakefile", "Gnumakefile");
        ext("CMake", "cmake", "cmake.in", "CMakeLists.txt");
        ext("Dockerfile", "Dockerfile", "dockerfile");
        ext("GraphQL", "graphql", "graphqls", "gql");
        ext("Protocol Buffers", "proto");
        ext("HCL", "hcl", "tf", "tfvars", "nomad");
        ext("Nix", "nix");
        ext("R", "r", "R", "rprofile", "expr-dist", "rd", "rsx");
        ext("Haskell", "hs", "hsc", "lhs");
        ext("Elm", "elm");
        ext("Elixir", "ex", "exs");
        ext("Erlang", "erl", "hrl", "app.src", "emakefile", "rebar.config", "rebar.config.lock", "rebar.lock",
                "xrl", "yrl");
        ext("Clojure", "clj", "cljx", "cl2", "boot", "hic", "riemann.config", "cljscm", "cljs.hl");
        ext("ClojureScript", "cljs");
        ext("ClojureC", "cljc");
        ext("Lisp", "lisp", "lsp", "el", "asd");
        ext("Scheme", "scm", "sch", "sld", "sps", "ss", "sc");
        ext("Zig", "zig");
        ext("Handlebars", "handlebars", "hbs");
        ext("Mustache", "mustache");
        ext("Jinja Template", "jinja", "jinja2");
    }

    private Languages() {
    }

    private static void ext(String language, String... extensions) {
        for (String extension : extensions) {
            BY_EXTENSION.put(extension, language);
        }
    }

    /**
     * Whether a {@code #!} first line is code, as cloc has it for the languages scripts are written in
     * (for the others it is a comment like any line starting with {@code #}).
     */
    static boolean isScript(String language) {
        return language.equals("Python") || BY_SCRIPT.containsValue(language);
    }

    /** The language of {@code path}; {@code head} is the file's beginning (its first kilobytes suffice). */
    static String of(String path, byte[] head) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.endsWith("~")) {
            return null; // an editor's backup
        }
        if (name.equals("pom.xml")) {
            return firstLines(head).matches("(?s).*(\\n|^)\\s*<project\\s.*|.*xmlns=\"http://maven\\.apache\\.org/POM/.*")
                    ? "Maven"
                    : "XML";
        }
        if (name.equals("build.xml")) {
            return firstLines(head).matches("(?s).*(\\n|^)\\s*<project\\s.*") ? "Ant" : "XML";
        }
        String known = BY_FILE.get(name);
        if (known != null) {
            return known;
        }
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && dot < name.length() - 1) {
            String[] parts = name.split("\\.", -1);
            // cloc looks at the triple, then the double, then the single extension
            for (int n = Math.min(3, parts.length - 1); n >= 1; n--) {
                String extension = String.join(".", java.util.Arrays.copyOfRange(parts, parts.length - n, parts.length));
                if (NOT_CODE.contains(extension)) {
                    return null;
                }
                String language = BY_EXTENSION.get(extension);
                if (language != null) {
                    return disambiguate(language, extension, head);
                }
            }
            String stem = name.substring(0, name.indexOf('.'));
            if (stem.equals("Dockerfile") || stem.equals("Containerfile")) {
                return stem;
            }
        } else if (BY_FILE.containsKey(name.toLowerCase(java.util.Locale.ROOT))) {
            return BY_FILE.get(name.toLowerCase(java.util.Locale.ROOT));
        }
        return fromFirstLine(head);
    }

    /** cloc's tie-breakers for the extensions two languages share, reduced to the cases that occur. */
    private static String disambiguate(String language, String extension, byte[] head) {
        if (extension.equals("ts") && firstLines(head).contains("<TS")) {
            return "Qt Linguist";
        }
        return language;
    }

    private static String fromFirstLine(byte[] head) {
        String first = firstLines(head);
        int end = first.indexOf('\n');
        String line = (end < 0 ? first : first.substring(0, end)).trim();
        if (line.startsWith("#!")) {
            String[] words = line.substring(2).trim().split("\\s+");
            String program = words[0].substring(words[0].lastIndexOf('/') + 1);
            if (program.equals("env") && words.length > 1) {
                program = words[1];
            }
            if (program.matches("python[0-9.]*")) {
                return "Python";
            }
            return BY_SCRIPT.get(program);
        }
        return line.matches("<\\?xml\\s.*") ? "XML" : null;
    }

    private static String firstLines(byte[] head) {
        return head == null ? "" : new String(head, StandardCharsets.ISO_8859_1);
    }
}
