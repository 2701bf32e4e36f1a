package io.gitinsight.support.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceIdsTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void prefersTheCallersRequestId() {
        assertThat(TraceIds.choose("gw-1234.abc", TRACEPARENT)).isEqualTo("gw-1234.abc");
    }

    @Test
    void fallsBackToTheTraceparentTraceId() {
        assertThat(TraceIds.choose(null, TRACEPARENT)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void refusesUnsafeOrInvalidValues() {
        assertThat(TraceIds.choose("a b\nc", null)).matches("[0-9a-f]{32}");
        assertThat(TraceIds.choose("x".repeat(129), null)).matches("[0-9a-f]{32}");
        assertThat(TraceIds.choose(null, "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")).matches("[0-9a-f]{32}")
                .isNotEqualTo("0".repeat(32));
        assertThat(TraceIds.choose(null, "garbage")).matches("[0-9a-f]{32}");
    }

    @Test
    void generatesDistinctIds() {
        assertThat(TraceIds.generate()).isNotEqualTo(TraceIds.generate());
    }
}
