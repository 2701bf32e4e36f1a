package io.gitinsight.analysis.metrics.model;

/** A name and an email as git records them (either may be empty, never null). */
public record Identity(String name, String email) {

    public Identity {
        name = name == null ? "" : name;
        email = email == null ? "" : email;
    }
}
