package io.gitinsight.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The environment variables a deployment must give a service, read from the service itself: every
 * {@code ${VAR}} its application.properties refers to, plus those of the shared modules it depends on
 * (service-support, service-messaging), less the tuning knobs whose defaults are right in any deployment.
 * A variable a service starts reading shows up here at once, and the deployment tests fail until the
 * manifests and docker-compose.yml provide it or it is listed below with the reason it may stay unset.
 */
public final class RequiredEnvironment {

    /** Read by a service, but correct by default in every deployment. */
    static final Map<String, String> OPTIONAL = Map.ofEntries(
            Map.entry("PORT", "the contract port is the default, and the tests pin the container ports to it"),
            Map.entry("JWT_SIGNING_KEY", "auth-service generates, seals and rotates its own signing key"),
            Map.entry("TOKEN_ENCRYPTION_PREVIOUS_KEYS", "only needed after an encryption key rotation"),
            Map.entry("GITHUB_OAUTH_SCOPES", "the default scopes are the ones the platform needs"),
            Map.entry("GITHUB_GRAPHQL_ENABLED", "GraphQL first is the default; a switch for incidents"),
            Map.entry("WEBHOOK_ALLOW_UNSIGNED", "a development escape hatch that must stay off"),
            Map.entry("GITINSIGHT_ALLOW_LOCAL_REPOS", "file:// clones are for development and tests only"),
            Map.entry("GITINSIGHT_LOCAL_OPERATOR", "the local platform's operator session (up.sh) must stay off"),
            Map.entry("ANALYSIS_SCHEDULER_EVERY", "tuning: how often due re-analyses are looked for"),
            Map.entry("ORG_IMPORT_TIMEOUT", "tuning: when a running org import counts as abandoned"),
            Map.entry("DORA_PRODUCTION_ENVIRONMENT", "the contract's default environment name"),
            Map.entry("GATEWAY_REDIS_POOL_SIZE", "tuning"), Map.entry("GATEWAY_REDIS_POOL_WAITING", "tuning"),
            Map.entry("GATEWAY_REDIS_PREFIX", "tuning"), Map.entry("GATEWAY_WEBHOOK_RATE_LIMIT", "tuning"),
            Map.entry("DB_POOL_SIZE", "tuning"), Map.entry("REDIS_POOL_SIZE", "tuning"),
            Map.entry("REDIS_POOL_WAITING", "tuning"), Map.entry("QUERY_REDIS_PREFIX", "tuning"),
            Map.entry("STREAM_BUFFER_SIZE", "tuning"));

    /** Required by the deployment contract although the service's configuration does not (yet) name them. */
    static final Map<String, Set<String>> CONTRACT_EXTRAS = Map.of(
            "ingestion-service", Set.of("AUTH_SERVICE_URL", "ANALYSIS_SERVICE_URL"));

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Set<String> SHARED_MODULES = Set.of("service-support", "service-messaging");

    private RequiredEnvironment() {
    }

    public static Set<String> of(String service) {
        Set<String> vars = new TreeSet<>();
        collect(service, vars);
        vars.addAll(CONTRACT_EXTRAS.getOrDefault(service, Set.of()));
        vars.removeAll(OPTIONAL.keySet());
        return vars;
    }

    private static void collect(String module, Set<String> vars) {
        Path resources = Repository.path(module).resolve("src/main/resources");
        vars.addAll(references(resources.resolve("application.properties")));
        vars.addAll(references(resources.resolve("META-INF/microprofile-config.properties")));
        for (String dependency : sharedDependencies(Repository.path(module).resolve("pom.xml"))) {
            collect(dependency, vars);
        }
    }

    /** Variables referred to by the properties that apply outside the test and dev profiles. */
    static Set<String> references(Path properties) {
        Set<String> vars = new TreeSet<>();
        if (!Files.exists(properties)) {
            return vars;
        }
        try {
            for (String line : Files.readAllLines(properties)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || trimmed.startsWith("%test.") || trimmed.startsWith("%dev.")) {
                    continue;
                }
                Matcher m = REFERENCE.matcher(trimmed);
                while (m.find()) {
                    vars.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return vars;
    }

    /** The shared modules a pom depends on outside test scope. */
    private static Set<String> sharedDependencies(Path pom) {
        Set<String> modules = new TreeSet<>();
        try {
            NodeList dependencies = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                    .getElementsByTagName("dependency");
            for (int i = 0; i < dependencies.getLength(); i++) {
                Element dependency = (Element) dependencies.item(i);
                String artifact = text(dependency, "artifactId");
                boolean inDependencies = dependency.getParentNode().getParentNode().getNodeName().equals("project");
                if (inDependencies && SHARED_MODULES.contains(artifact) && !"test".equals(text(dependency, "scope"))) {
                    modules.add(artifact);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
        return modules;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
