package io.gitinsight.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrictTextFormatTest {

    @Test
    void announcesACounterUnderItsSampleName() {
        String in = """
                # TYPE jvm_info counter
                # HELP jvm_info JVM version info
                jvm_info_total{vendor="Debian"} 1.0
                """;

        assertThat(StrictTextFormat.normalize(in)).isEqualTo("""
                # HELP jvm_info_total JVM version info
                # TYPE jvm_info_total counter
                jvm_info_total{vendor="Debian"} 1.0
                """);
    }

    @Test
    void splitsALongTaskTimerIntoGauges() {
        String in = """
                # TYPE http_server_connections_seconds untyped
                # HELP http_server_connections_seconds The duration of the connections
                http_server_connections_seconds_active_count{server_port="8001"} 1.0
                http_server_connections_seconds_duration_sum{server_port="8001"} 0.018
                """;

        assertThat(StrictTextFormat.normalize(in)).isEqualTo("""
                # HELP http_server_connections_seconds_active_count The duration of the connections
                # TYPE http_server_connections_seconds_active_count gauge
                http_server_connections_seconds_active_count{server_port="8001"} 1.0
                # HELP http_server_connections_seconds_duration_sum The duration of the connections
                # TYPE http_server_connections_seconds_duration_sum gauge
                http_server_connections_seconds_duration_sum{server_port="8001"} 0.018
                """);
    }

    @Test
    void keepsSummariesAndGaugesAsTheyAre() {
        String in = """
                # HELP http_server_requests_seconds Requests
                # TYPE http_server_requests_seconds summary
                http_server_requests_seconds_count{uri="/a"} 3.0
                http_server_requests_seconds_sum{uri="/a"} 0.5
                # HELP jvm_threads_live_threads Live threads
                # TYPE jvm_threads_live_threads gauge
                jvm_threads_live_threads 12.0
                """;

        assertThat(StrictTextFormat.normalize(in)).isEqualTo(in);
    }

    @Test
    void snakeCasesTagKeys() {
        assertThat(PrometheusNamingFilter.snakeCase("clientName")).isEqualTo("client_name");
        assertThat(PrometheusNamingFilter.snakeCase("uri")).isEqualTo("uri");
    }
}
