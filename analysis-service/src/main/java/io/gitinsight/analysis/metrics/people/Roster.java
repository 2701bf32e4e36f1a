package io.gitinsight.analysis.metrics.people;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.gitinsight.analysis.metrics.model.Identity;

/**
 * The people an {@link IdentityResolver} found, looked up by the identities and logins it was given. Asking
 * for an identity it was not given is a programming error (the roster and the metrics must come from the same
 * data) and throws.
 */
public final class Roster {

    private final Map<String, Person> byNode;
    private final List<Person> people;

    Roster(Map<String, Person> byNode) {
        this.byNode = Map.copyOf(byNode);
        this.people = byNode.values().stream().distinct().sorted(Comparator.comparing(Person::key)).toList();
    }

    public Person of(Identity identity) {
        Person person = byNode.get(IdentityResolver.nodeOf(identity));
        if (person == null) {
            throw new IllegalArgumentException("identity not in the roster: " + identity);
        }
        return person;
    }

    public Optional<Person> byLogin(String login) {
        return login == null ? Optional.empty()
                : Optional.ofNullable(byNode.get(IdentityResolver.LOGIN + login.toLowerCase(Locale.ROOT)));
    }

    /** Everyone, by key. */
    public List<Person> people() {
        return people;
    }
}
