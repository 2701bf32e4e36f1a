package io.gitinsight.query.domain;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A point of a series; {@code low} and {@code high} bound a forecast and are absent on actual points. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrendPoint(Instant t, double value, Double low, Double high) {
}
