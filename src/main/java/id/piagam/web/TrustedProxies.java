package id.piagam.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which address a request comes from when Piagam runs behind reverse proxies: the socket's peer,
 * unless that peer is one of the configured trusted proxies ({@code PIAGAM_TRUSTED_PROXIES}: addresses
 * or CIDR ranges); then the right-most address of {@code X-Forwarded-For} that is not itself a trusted
 * proxy. A forwarded address from anyone else is ignored, so a client cannot choose its own.
 */
public final class TrustedProxies {

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> ranges;

    /** From entries such as {@code 10.0.0.5}, {@code 10.0.0.0/8}, {@code ::1}; literal addresses only. */
    public TrustedProxies(List<String> entries) {
        List<Range> r = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int slash = e.indexOf('/');
            byte[] address = literal(slash < 0 ? e : e.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + e);
            }
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(e.substring(slash + 1));
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + e);
            }
            r.add(new Range(address, bits));
        }
        this.ranges = List.copyOf(r);
    }

    /** The client's address, given the socket peer and the request's X-Forwarded-For values. */
    public String client(String peer, List<String> forwardedFor) {
        if (!trusted(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop) == null) {
                return peer; // garbage in the header: fall back to the proxy's own address
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    boolean trusted(String address) {
        byte[] a = literal(address);
        return a != null && ranges.stream().anyMatch(r -> r.contains(a));
    }

    /** The bytes of a literal IPv4 or IPv6 address; null for anything else (never a DNS lookup). */
    static byte[] literal(String s) {
        if (s == null || s.isEmpty() || !(s.matches("[0-9.]+") && s.chars().filter(c -> c == '.').count() == 3
                || s.matches("[0-9A-Fa-f:.]+") && s.contains(":"))) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
