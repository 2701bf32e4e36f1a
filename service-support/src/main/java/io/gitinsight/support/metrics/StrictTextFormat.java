package io.gitinsight.support.metrics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites a Prometheus text exposition (format 0.0.4) so that every sample belongs to a family
 * announced by its own {@code # HELP} and {@code # TYPE} lines, as the format's strict parsers
 * ({@code promtool check metrics}) require.
 *
 * <p>
 * The Prometheus simpleclient announces counters and long-task timers under their base name and then
 * writes samples with suffixes ({@code # TYPE jvm_info counter} followed by {@code jvm_info_total}).
 * Prometheus's scraper tolerates that; strict parsers see an undocumented family per suffix. Here each
 * such sample gets the family's help and type under its own name; histogram and summary suffixes
 * ({@code _bucket}, {@code _sum}, {@code _count}) stay in their family, as the format defines.
 */
public final class StrictTextFormat {

    private StrictTextFormat() {
    }

    public static String normalize(String exposition) {
        List<String> out = new ArrayList<>();
        String family = null;
        String help = "";
        String type = "untyped";
        Set<String> announced = new LinkedHashSet<>();
        for (String line : exposition.split("\n")) {
            if (line.startsWith("# HELP ")) {
                String[] parts = line.split(" ", 4);
                family = parts[2];
                help = parts.length > 3 ? parts[3] : "";
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                family = parts[2];
                type = parts.length > 3 ? parts[3] : "untyped";
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                out.add(line);
                continue;
            }
            String name = sampleName(line);
            String owner = ownerOf(name, family, type);
            if (announced.add(owner)) {
                out.add("# HELP " + owner + " " + (help.isEmpty() ? owner.replace('_', ' ') : help));
                out.add("# TYPE " + owner + " " + typeOf(owner, family, type));
            }
            out.add(line);
        }
        return String.join("\n", out) + "\n";
    }

    private static String sampleName(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
            end++;
        }
        return line.substring(0, end);
    }

    /** The family a sample belongs to in strict 0.0.4 terms. */
    private static String ownerOf(String name, String family, String type) {
        if (family == null || name.equals(family)) {
            return name;
        }
        boolean aggregate = type.equals("histogram") || type.equals("summary");
        if (aggregate && (name.equals(family + "_bucket") || name.equals(family + "_sum")
                || name.equals(family + "_count"))) {
            return family;
        }
        return name;
    }

    private static String typeOf(String owner, String family, String type) {
        if (owner.equals(family)) {
            return type;
        }
        if (type.equals("counter") && owner.equals(family + "_total")) {
            return "counter";
        }
        // a long-task timer's _active_count and _duration_sum are point-in-time values
        return "gauge";
    }
}
