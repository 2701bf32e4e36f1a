package io.gitinsight.gateway.security;

import java.util.Arrays;

import io.netty.util.NetUtil;

/** An IPv4 or IPv6 address block such as {@code 10.0.0.0/8}; a bare address is a block of one. */
public record Cidr(byte[] network, int prefixLength) {

    public static Cidr parse(String text) {
        String[] parts = text.trim().split("/", 2);
        byte[] address = literal(parts[0]);
        if (address == null) {
            throw new IllegalArgumentException("not an IP address or CIDR block: '" + text + "'");
        }
        int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        if (bits < 0 || bits > address.length * 8) {
            throw new IllegalArgumentException("prefix length out of range in '" + text + "'");
        }
        return new Cidr(address, bits);
    }

    public boolean contains(String address) {
        byte[] candidate = literal(address);
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    /**
     * The bytes of an address literal, or null for anything else; never a DNS lookup. IPv4-mapped IPv6
     * addresses ({@code ::ffff:10.0.0.1}) count as their IPv4 address.
     */
    static byte[] literal(String text) {
        if (text == null) {
            return null;
        }
        String bare = text.trim();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(bare);
        if (bytes != null && bytes.length == 16 && isIpv4Mapped(bytes)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    @Override
    public String toString() {
        return NetUtil.bytesToIpAddress(network) + "/" + prefixLength;
    }
}
