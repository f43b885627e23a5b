package dev.xblmock.tls;

import java.util.Locale;
import java.util.regex.Pattern;

/** Where a proxy request wants to go: a host and port, from an authority ({@code host:port}, {@code [v6]:port}). */
record ProxyTarget(String host, int port) {

    private static final Pattern REG_NAME = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=%-]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    /** The authority of a {@code CONNECT} (RFC 9110 9.3.6): the port is required. */
    static ProxyTarget ofConnect(String authority) throws MalformedProxyRequestException {
        ProxyTarget target = parse(authority, -1);
        if (target.port < 0) {
            throw new MalformedProxyRequestException("CONNECT " + ProxyRequestHead.printable(authority)
                    + ": the target must be host:port (RFC 9110 section 9.3.6).");
        }
        return target;
    }

    /** The authority of an absolute-form {@code http://} target: the port defaults to 80. */
    static ProxyTarget ofHttp(String authority) throws MalformedProxyRequestException {
        return parse(authority, 80);
    }

    private static ProxyTarget parse(String authority, int defaultPort) throws MalformedProxyRequestException {
        String host;
        String rest;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0 || !IPV6.matcher(authority.substring(1, close)).matches()) {
                throw invalid(authority);
            }
            host = authority.substring(1, close);
            rest = authority.substring(close + 1);
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            rest = colon < 0 ? "" : authority.substring(colon);
            if (!REG_NAME.matcher(host).matches()) {
                throw invalid(authority);
            }
        }
        int port = defaultPort;
        if (!rest.isEmpty()) {
            if (!rest.startsWith(":") || !rest.substring(1).matches("[0-9]{1,5}")) {
                throw invalid(authority);
            }
            port = Integer.parseInt(rest.substring(1));
            if (port < 1 || port > 65535) {
                throw invalid(authority);
            }
        }
        return new ProxyTarget(host.toLowerCase(Locale.ROOT), port);
    }

    private static MalformedProxyRequestException invalid(String authority) {
        return new MalformedProxyRequestException("'" + ProxyRequestHead.printable(authority)
                + "' is not a valid host[:port] authority (RFC 3986 section 3.2).");
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
