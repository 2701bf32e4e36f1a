package io.gitinsight.analysis.metrics.scores;

/**
 * A rules file that cannot be used, naming the file and the offending key (null when the whole file is at fault),
 * e.g. {@code rules file /etc/gitinsight/rules.toml: dimensions.code.weight must be a positive number, got -1}.
 */
public class RulesException extends IllegalArgumentException {

    private final String file;
    private final String key;

    public RulesException(String file, String key, String problem) {
        this(file, key, problem, null);
    }

    public RulesException(String file, String key, String problem, Throwable cause) {
        super("rules file " + file + ": " + (key == null ? "" : key + " ") + problem, cause);
        this.file = file;
        this.key = key;
    }

    public String file() {
        return file;
    }

    public String key() {
        return key;
    }
}
