package dev.xblmock.common.web;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.PercentDecoder;

/**
 * Which emulated service a raw request path belongs to; both share one listener and their paths never collide.
 * Each Xbox service also has its real host name, which serves that service only (SPEC 1.6, {@link ServiceHosts}).
 */
public enum XboxService {
    TITLE_STORAGE("titlestorage", "Title Storage", "titlestorage.xboxlive.com", 1, 2),
    USER_STATS("userstats", "User Statistics", "userstats.xboxlive.com", 1, 3),
    /** An Xbox-looking path that belongs to neither service (answered 404 NoSuchRoute). */
    UNKNOWN("unknown", null, null, 1, Integer.MAX_VALUE),
    /** The emulator's own control plane, outside the Xbox pipeline. */
    CONTROL_PLANE("emulator", null, null, 1, Integer.MAX_VALUE);

    public static final String CONTROL_PLANE_PREFIX = "/_emulator";

    private final String journalName;
    private final String title;
    private final String host;
    private final int minContractVersion;
    private final int maxContractVersion;

    XboxService(String journalName, String title, String host, int minContractVersion, int maxContractVersion) {
        this.journalName = journalName;
        this.title = title;
        this.host = host;
        this.minContractVersion = minContractVersion;
        this.maxContractVersion = maxContractVersion;
    }

    public String journalName() {
        return journalName;
    }

    /** The Xbox service's name for people, e.g. {@code Title Storage}; null for what is no Xbox service. */
    public String title() {
        return title;
    }

    /** The real service's host name, or null for what is no Xbox service. */
    public String host() {
        return host;
    }

    public boolean supportsContractVersion(int version) {
        return version >= minContractVersion && version <= maxContractVersion;
    }

    /**
     * The service a raw request path belongs to, decided on its first segment as the router matches it: path
     * parameters ({@code ;x}) dropped and percent-escapes decoded, so {@code /_emulator;x/reset} and
     * {@code /%5Femulator/reset} are the control plane, as they are to Spring MVC.
     */
    public static XboxService of(String rawPath) {
        String first = routedSegment(firstSegment(rawPath));
        return switch (first) {
            case "global", "trustedplatform", "universalplatform", "untrustedplatform", "json", "sessions" -> TITLE_STORAGE;
            case "users", "batch" -> USER_STATS;
            case "_emulator" -> CONTROL_PLANE;
            default -> UNKNOWN;
        };
    }

    /**
     * Whether a control-plane path is written the one way the emulator accepts: the prefix exactly
     * {@code /_emulator} and no path parameter anywhere. Other spellings route to the same handlers, so they are
     * refused rather than left to slip past checks that compare text.
     */
    public static boolean isCanonicalControlPlanePath(String rawPath) {
        return (rawPath.equals(CONTROL_PLANE_PREFIX) || rawPath.startsWith(CONTROL_PLANE_PREFIX + "/"))
                && rawPath.indexOf(';') < 0;
    }

    private static String firstSegment(String rawPath) {
        int start = rawPath.startsWith("/") ? 1 : 0;
        int end = rawPath.indexOf('/', start);
        return end < 0 ? rawPath.substring(start) : rawPath.substring(start, end);
    }

    private static String routedSegment(String rawSegment) {
        int semicolon = rawSegment.indexOf(';');
        String name = semicolon < 0 ? rawSegment : rawSegment.substring(0, semicolon);
        if (name.indexOf('%') < 0) {
            return name;
        }
        try {
            return PercentDecoder.decode(name, "", ErrorCode.INVALID_PATH);
        } catch (XblException e) {
            return name; // an invalid escape never routes; RawPathFilter answers it
        }
    }
}
