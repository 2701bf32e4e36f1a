package io.gitinsight.analysis.metrics.pulls;

import java.util.List;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Window;

/**
 * The repository's {@code reverts} and {@code hotfixes} for a window: revert commits and hotfixes that landed in it
 * (see {@link Reverts}, {@link Hotfixes}; a commit lands at its committer date).
 */
public record ChangeSignals(int reverts, int hotfixes) {

    public static ChangeSignals count(List<Commit> history, List<PullRequest> pullRequests, Window window) {
        int reverts = (int) history.stream()
                .filter(Reverts::isRevert)
                .filter(c -> window.contains(Hotfixes.landedAt(c)))
                .count();
        int hotfixes = (int) Hotfixes.all(history, pullRequests).stream()
                .filter(h -> window.contains(h.at()))
                .count();
        return new ChangeSignals(reverts, hotfixes);
    }
}
