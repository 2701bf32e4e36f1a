package io.gitinsight.analysis.metrics.people;

import java.util.List;

/** The developers of a file at the tip with their DOA, highest first (ties by key); empty when nobody changed it. */
public record FileAuthorship(String path, List<DeveloperDoa> developers) {

    public FileAuthorship {
        developers = List.copyOf(developers);
    }

    /** The keys of the file's authors; none makes the file orphaned. */
    public List<String> authors() {
        return developers.stream().filter(DeveloperDoa::author).map(DeveloperDoa::developer).toList();
    }
}
