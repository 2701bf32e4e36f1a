package io.gitinsight.deploy.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.gitinsight.deploy.kubernetes.Overlay;
import io.gitinsight.deploy.support.Command;
import io.gitinsight.deploy.support.Platform;
import io.gitinsight.deploy.support.Platform.ServiceSpec;
import io.gitinsight.deploy.support.Repository;
import io.gitinsight.deploy.support.Yaml;

/** deploy/prometheus/ passes promtool, its alerts pass their own unit tests, and it scrapes what runs. */
class PrometheusConfigTest {

    private static final Path DIR = Repository.path("deploy/prometheus");

    private static Command.Result promtool(String... args) {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        return Command.run(DIR, command);
    }

    @Test
    void passesPromtoolsConfigCheckWithItsRuleFile() {
        Command.Result check = promtool("check", "config", "prometheus.yml");

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 1 rule files found").contains("SUCCESS: 7 rules found");
    }

    @Test
    void passesPromtoolsRuleCheck() {
        Command.Result check = promtool("check", "rules", "alerts.yml");

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 7 rules found");
    }

    @Test
    void firesEachAlertExactlyWhenItsWorkedExampleSaysSo() {
        Command.Result test = promtool("test", "rules", "tests/alerts-test.yml");

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void promtoolRefusesARuleThatIsNotPromql() {
        Path broken = Path.of("src/test/resources/prometheus/broken-rules.yml").toAbsolutePath();

        Command.Result check = promtool("check", "rules", broken.toString());

        assertThat(check.exitCode()).isNotZero();
        assertThat(check.output()).contains("FAILED");
    }

    @Test
    void alertsOnEveryConcernOfTheDeploymentContract() {
        List<String> alerts = new ArrayList<>();
        Yaml.document(DIR.resolve("alerts.yml")).required("groups")
                .forEach(g -> g.required("rules").forEach(r -> alerts.add(r.required("alert").asText())));

        assertThat(alerts).containsExactly("GitInsightServiceDown", "GitInsightServiceAbsent", "GitInsightHighErrorRate",
                "GitInsightHighLatency", "GitInsightDeadLetters", "GitInsightGitHubBudgetLow", "GitInsightJobFailures");
        String rules = Yaml.document(DIR.resolve("alerts.yml")).toString();
        for (ServiceSpec spec : Platform.SERVICES) {
            assertThat(rules).contains("absent(up{job=\\\"" + spec.name() + "\\\"})");
        }
    }

    @Test
    void scrapesEveryServiceByItsComposeNameOnItsContractPort() {
        Map<String, String> scraped = new TreeMap<>();
        for (JsonNode job : Yaml.document(DIR.resolve("prometheus.yml")).required("scrape_configs")) {
            String target = job.at("/static_configs/0/targets/0").asText();
            scraped.put(job.required("job_name").asText(), target + job.required("metrics_path").asText());
        }
        JsonNode composeServices = Yaml.document(Repository.path("docker-compose.yml")).required("services");

        Map<String, String> expected = new TreeMap<>(Map.of("rabbitmq", "rabbitmq:15692/metrics/per-object"));
        Platform.SERVICES.forEach(s -> expected.put(s.name(), s.name() + ":" + s.port() + Platform.METRICS_PATH));
        assertThat(scraped).isEqualTo(expected);
        scraped.values().forEach(target -> assertThat(composeServices.has(target.substring(0, target.indexOf(':'))))
                .as(target).isTrue());
    }

    @Test
    void givesThePrometheusOperatorTheSameRulesAndAllFiveServices() {
        Overlay monitoring = Overlay.of("prod-monitoring");
        JsonNode rule = monitoring.raw().stream().filter(o -> o.path("kind").asText().equals("PrometheusRule"))
                .findFirst().orElseThrow();
        ServiceMonitor monitor = monitoring.all(ServiceMonitor.class).get(0);

        assertThat(rule.at("/spec/groups")).isEqualTo(Yaml.document(DIR.resolve("alerts.yml")).get("groups"));
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(e -> {
            assertThat(e.getPort()).isEqualTo("http");
            assertThat(e.getPath()).isEqualTo(Platform.METRICS_PATH);
        });
        Map<String, String> selector = monitor.getSpec().getSelector().getMatchLabels();
        assertThat(monitoring.all(Service.class)).filteredOn(s -> s.getMetadata().getLabels().entrySet()
                .containsAll(selector.entrySet())).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Platform.SERVICES.stream().map(ServiceSpec::name).toList());
    }
}
