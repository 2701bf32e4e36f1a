package io.gitinsight.analysis.metrics.insights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code bus_factor_risk}: the truck factor is 1 or 2 over at least {@value #MIN_FILES} files, i.e. losing one or
 * two people would leave most files with nobody who authored them. Confidence grows with the files behind the
 * truck factor ({@code k =} {@value #HALF_CONFIDENCE_FILES}).
 */
final class BusFactorRisk implements InsightRule {

    static final int MAX_RISKY_BUS_FACTOR = 2;
    static final int MIN_FILES = 10;
    static final int HALF_CONFIDENCE_FILES = 50;

    @Override
    public Optional<Insight> evaluate(InsightInputs in) {
        InsightInputs.BusFactor bf = in.busFactor();
        if (bf == null || bf.busFactor() < 1 || bf.busFactor() > MAX_RISKY_BUS_FACTOR || bf.files() < MIN_FILES) {
            return Optional.empty();
        }
        List<InsightInputs.AuthorFiles> key = bf.topAuthors().stream().limit(bf.busFactor()).toList();
        String people = key.stream()
                .map(a -> a.person() + " (author of " + a.files() + " of them, " + Text.percent(a.files() / (double) bf.files())
                        + ")")
                .collect(Collectors.joining(" and "));
        String description = "The bus factor is " + bf.busFactor() + " over " + bf.files() + " files: if "
                + (key.isEmpty() ? Text.count(bf.busFactor(), "person", "people") : people)
                + (bf.busFactor() == 1 ? " left" : " both left")
                + ", more than half of the files would have no remaining author who knows them.";
        Confidence confidence = Confidence.of(bf.files(), HALF_CONFIDENCE_FILES, "files");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("bus_factor", bf.busFactor());
        data.put("files", bf.files());
        data.put("key_people", key.stream().map(a -> Map.of("person", a.person(), "files", a.files())).toList());
        data.put("threshold_max_bus_factor", MAX_RISKY_BUS_FACTOR);
        data.put("confidence_basis", confidence.basis());
        return Optional.of(new Insight("bus_factor_risk",
                "Knowledge rests on " + Text.count(bf.busFactor(), "person", "people"), description,
                confidence.value(), data, List.of("people", "risk", "knowledge"), InsightEngine.MODEL_VERSION,
                in.generatedAt()));
    }
}
