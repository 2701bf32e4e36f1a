package io.gitinsight.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindIngress = new ClientAddress(List.of("10.0.0.0/8", "fd00::/8"));
    private final ClientAddress direct = new ClientAddress(List.of());

    @Test
    void ignoresForwardedForFromAPeerThatIsNotATrustedProxy() {
        assertThat(direct.resolve("198.51.100.7", List.of("1.2.3.4"))).isEqualTo("198.51.100.7");
        assertThat(behindIngress.resolve("198.51.100.7", List.of("1.2.3.4"))).isEqualTo("198.51.100.7");
        assertThat(direct.forwardedFor("198.51.100.7", List.of("1.2.3.4"))).isEqualTo("198.51.100.7");
    }

    @Test
    void takesTheRightmostAddressThatIsNotATrustedProxy() {
        // the client made up 6.6.6.6; the ingress appended the real client 203.0.113.9
        assertThat(behindIngress.resolve("10.1.2.3", List.of("6.6.6.6, 203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(behindIngress.resolve("10.1.2.3", List.of("6.6.6.6", "203.0.113.9, 10.9.9.9")))
                .isEqualTo("203.0.113.9");
        assertThat(behindIngress.forwardedFor("10.1.2.3", List.of("203.0.113.9")))
                .isEqualTo("203.0.113.9, 10.1.2.3");
    }

    @Test
    void usesThePeerWhenATrustedProxySendsNoForwardedFor() {
        assertThat(behindIngress.resolve("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
    }

    @Test
    void understandsIpv6PortsAndMappedAddresses() {
        assertThat(behindIngress.resolve("fd00::1", List.of("[2001:db8::5]:443"))).isEqualTo("2001:db8::5");
        assertThat(behindIngress.resolve("10.0.0.1", List.of("203.0.113.9:5123"))).isEqualTo("203.0.113.9");
        assertThat(behindIngress.isTrusted("::ffff:10.0.0.1")).isTrue();
        assertThat(behindIngress.isTrusted("11.0.0.1")).isFalse();
    }

    @Test
    void stopsAtGarbageInTheChain() {
        assertThat(behindIngress.resolve("10.1.2.3", List.of("not-an-address"))).isEqualTo("10.1.2.3");
    }

    @Test
    void matchesCidrBlocksBitByBit() {
        Cidr block = Cidr.parse("192.168.4.0/22");
        assertThat(block.contains("192.168.7.255")).isTrue();
        assertThat(block.contains("192.168.8.0")).isFalse();
        assertThat(Cidr.parse("203.0.113.7").contains("203.0.113.7")).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").contains("8.8.8.8")).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").contains("2001:db8::1")).isFalse();
    }

    @Test
    void refusesATrustedProxyThatIsNotAnAddress() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.example.com"))).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
