package io.gitinsight.deploy.kubernetes;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Decides, as a NetworkPolicy-enforcing cluster would, whether a connection is allowed by the policies of
 * one namespace. Traffic passes when the source's egress and the destination's ingress both allow it; a
 * direction no policy selects a pod for is open. Selectors use matchLabels only (the manifests use
 * nothing else; anything else is refused), ports are single numbers.
 */
public final class NetworkPolicies {

    /** A pod (or an address outside the cluster: no namespace) and the labels the selectors look at. */
    public record Endpoint(String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels) {

        public static Endpoint pod(String namespace, Map<String, String> podLabels) {
            return new Endpoint(namespace, Map.of("kubernetes.io/metadata.name", namespace), podLabels);
        }

        public static Endpoint outsideCluster() {
            return new Endpoint(null, Map.of(), Map.of());
        }
    }

    private final String namespace;
    private final List<NetworkPolicy> policies;

    public NetworkPolicies(String namespace, List<NetworkPolicy> policies) {
        this.namespace = namespace;
        this.policies = policies;
    }

    /** A TCP connection from {@code from} to {@code to}'s {@code port}. */
    public boolean allows(Endpoint from, Endpoint to, int port) {
        return allows(from, to, "TCP", port);
    }

    public boolean allows(Endpoint from, Endpoint to, String protocol, int port) {
        return egressAllows(from, to, protocol, port) && ingressAllows(from, to, protocol, port);
    }

    private boolean egressAllows(Endpoint from, Endpoint to, String protocol, int port) {
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> portMatches(rule.getPorts(), protocol, port) && peersMatch(rule.getTo(), to));
    }

    private boolean ingressAllows(Endpoint from, Endpoint to, String protocol, int port) {
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> portMatches(rule.getPorts(), protocol, port) && peersMatch(rule.getFrom(), from));
    }

    /** The policies that select this pod for this direction; none for anything outside the namespace. */
    private List<NetworkPolicy> selecting(Endpoint pod, String direction) {
        if (!namespace.equals(pod.namespace())) {
            return List.of();
        }
        return policies.stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains(direction))
                .filter(p -> matches(p.getSpec().getPodSelector(), pod.podLabels()))
                .toList();
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, String protocol, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> {
            IntOrString value = p.getPort();
            if (p.getEndPort() != null || (value != null && value.getIntVal() == null)) {
                throw new ManifestException("only single numeric ports are supported: " + p);
            }
            String ruleProtocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            return ruleProtocol.equals(protocol) && (value == null || value.getIntVal() == port);
        });
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint other) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> {
            if (peer.getIpBlock() != null) {
                throw new ManifestException("ipBlock peers are not modelled: " + peer);
            }
            if (peer.getNamespaceSelector() == null) {
                // a pod selector alone means pods of the policy's own namespace
                return namespace.equals(other.namespace()) && matches(peer.getPodSelector(), other.podLabels());
            }
            return other.namespace() != null && matches(peer.getNamespaceSelector(), other.namespaceLabels())
                    && (peer.getPodSelector() == null || matches(peer.getPodSelector(), other.podLabels()));
        });
    }

    private static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new ManifestException("matchExpressions are not modelled: " + selector);
        }
        Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
