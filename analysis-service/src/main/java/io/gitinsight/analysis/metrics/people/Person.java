package io.gitinsight.analysis.metrics.people;

import java.util.List;

/**
 * One person behind one or more git identities: {@code key} is the GitHub login when known, else the
 * lowercased email (a person without a login has exactly one); {@code login} is null when unknown;
 * {@code name} the name their identities use most; {@code emails} lowercased and sorted.
 */
public record Person(String key, String login, String name, List<String> emails, boolean bot) {

    public Person {
        emails = List.copyOf(emails);
    }
}
