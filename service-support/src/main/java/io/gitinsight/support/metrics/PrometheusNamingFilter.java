package io.gitinsight.support.metrics;

import java.util.List;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

/**
 * Keeps every meter within the Prometheus naming rules that {@code promtool check metrics} enforces.
 * Keeps meter descriptions inside what the Prometheus text format allows in a HELP line. Micrometer's
 * own descriptions quote words ({@code The "recent cpu usage"}) and the exposition escapes the quotes,
 * an escape the format does not define, and a few meters have no description at all, which
 * {@code promtool check metrics} reports as a problem; such meters get their name as help text.
 * Tag keys are made snake_case ({@code clientName} of the reactive clients), as label names should be.
 */
@Singleton
public class PrometheusNamingFilter implements MeterFilter {

    /** Meters whose Prometheus names break the naming rules and that another meter already covers. */
    @Override
    public MeterFilterReply accept(Meter.Id id) {
        // long-task timers expose _active_count/_duration_sum gauges (http_server_active_requests
        // covers in-flight requests); process_cpu_time_ns is process_cpu_usage in an abbreviated unit
        if (id.getType() == Meter.Type.LONG_TASK_TIMER || id.getName().equals("process.cpu.time")) {
            return MeterFilterReply.DENY;
        }
        return MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        if (id.getName().equals("system.cpu.count")) {
            // a gauge must not end in _count, which the format reserves for histograms and summaries
            id = id.withName("system.cpu.available");
        }
        String description = id.getDescription();
        boolean helpOk = description != null && !description.isBlank() && description.indexOf('"') < 0;
        boolean tagsOk = id.getTags().stream().allMatch(tag -> tag.getKey().equals(snakeCase(tag.getKey())));
        if (helpOk && tagsOk) {
            return id;
        }
        String help = description == null || description.isBlank() ? id.getName().replace('.', ' ')
                : description.replace('"', '\'');
        List<Tag> tags = id.getTags().stream().map(tag -> Tag.of(snakeCase(tag.getKey()), tag.getValue())).toList();
        return new Meter.Id(id.getName(), Tags.of(tags), id.getBaseUnit(), help, id.getType());
    }

    /** {@code clientName} → {@code client_name}: Prometheus label names are snake_case. */
    static String snakeCase(String key) {
        StringBuilder out = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
