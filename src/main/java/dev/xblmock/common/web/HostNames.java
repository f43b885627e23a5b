package dev.xblmock.common.web;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Classifies the host name a client addressed (the {@code Host} header, as the container parsed it) without
 * resolving it: a DNS lookup would ask the very name server a rebinding attack controls.
 */
public final class HostNames {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]+(%[0-9A-Za-z._~-]+)?]");

    private HostNames() {
    }

    /** {@code localhost} and its subdomains (RFC 6761: they always resolve to loopback), case-insensitively. */
    public static boolean isLoopbackName(String host) {
        String name = normalize(host);
        return name.equals("localhost") || name.endsWith(".localhost");
    }

    /** An IPv4 literal in dotted-quad form, or a bracketed IPv6 literal ({@code [::1]}). */
    public static boolean isIpLiteral(String host) {
        return host != null && (IPV4.matcher(host).matches() || IPV6.matcher(host).matches());
    }

    /** Lower case without a trailing dot ({@code LOCALHOST.} and {@code localhost} are one name). */
    public static String normalize(String host) {
        if (host == null) {
            return "";
        }
        String name = host.toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
