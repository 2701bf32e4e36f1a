package io.gitinsight.analysis.metrics.insights;

import java.util.Optional;

/** One kind of insight: it emits only when its documented condition holds on the inputs it needs. */
interface InsightRule {

    Optional<Insight> evaluate(InsightInputs inputs);
}
