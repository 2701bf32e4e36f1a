package io.gitinsight.analysis.metrics.people;

import java.util.List;
import java.util.stream.Stream;

/** The people (whose shares add up to 1) and, apart, the bots; each list by commits, most first, then login. */
public record ContributorTable(List<Contributor> people, List<Contributor> bots) {

    public ContributorTable {
        people = List.copyOf(people);
        bots = List.copyOf(bots);
    }

    /** People first, then bots: the rows to store. */
    public List<Contributor> all() {
        return Stream.concat(people.stream(), bots.stream()).toList();
    }
}
