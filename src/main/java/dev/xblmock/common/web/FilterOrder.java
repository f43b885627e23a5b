package dev.xblmock.common.web;

import org.springframework.core.Ordered;

/**
 * The order of the request pipeline (SPEC 7: fault rules, then authentication, then contract version, then
 * the raw path check that precedes routing).
 * Correlation comes first so that every answer, even an injected fault, carries its request id.
 */
public final class FilterOrder {

    public static final int CORRELATION = Ordered.HIGHEST_PRECEDENCE + 10;
    /** The control plane's own gate: spelling, enabled, host, browser safety. Control-plane requests skip the rest. */
    public static final int CONTROL_PLANE = Ordered.HIGHEST_PRECEDENCE + 15;
    public static final int JOURNAL = Ordered.HIGHEST_PRECEDENCE + 20;
    public static final int FAULTS = Ordered.HIGHEST_PRECEDENCE + 30;
    public static final int AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 40;
    public static final int CONTRACT_VERSION = Ordered.HIGHEST_PRECEDENCE + 50;
    /** Hostile raw paths (SPEC 2) are route errors, so they come after authentication and contract version. */
    public static final int RAW_PATH = Ordered.HIGHEST_PRECEDENCE + 55;
    /** A route the request's Host does not serve (SPEC 1.6) is a route error too. */
    public static final int SERVICE_HOST = Ordered.HIGHEST_PRECEDENCE + 57;
    public static final int RATE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 60;

    private FilterOrder() {
    }
}
