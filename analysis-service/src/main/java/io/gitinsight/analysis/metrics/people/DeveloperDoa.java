package io.gitinsight.analysis.metrics.people;

/**
 * One developer's degree of authorship of one file: {@code firstAuthor} (FA), {@code deliveries} (DL, their
 * changes after the creation), {@code acceptances} (AC, the other developers' changes after the creation),
 * {@code doa} and {@code normalized} (doa over the file's highest).
 */
public record DeveloperDoa(String developer, boolean firstAuthor, int deliveries, int acceptances, double doa,
        double normalized) {

    /** Avelino et al.'s authors: normalized DOA above 0.75 and DOA at least the FA=DL=AC=0 baseline, 3.293. */
    public boolean author() {
        return normalized > Authorship.NORMALIZED_THRESHOLD && doa >= Authorship.DOA_THRESHOLD;
    }
}
