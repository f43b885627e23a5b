package dev.xblmock.common;

/** Which emulated service a raw request path belongs to; both share one listener and never collide. */
public enum XboxService {
    TITLE_STORAGE("titlestorage", 1, 2),
    USER_STATS("userstats", 1, 3),
    /** An Xbox-looking path that belongs to neither service (answered 404 NoSuchRoute). */
    UNKNOWN("unknown", 1, Integer.MAX_VALUE),
    /** The emulator's own control plane, outside the Xbox pipeline. */
    CONTROL_PLANE("emulator", 1, Integer.MAX_VALUE);

    public static final String CONTROL_PLANE_PREFIX = "/_emulator";

    private final String journalName;
    private final int minContractVersion;
    private final int maxContractVersion;

    XboxService(String journalName, int minContractVersion, int maxContractVersion) {
        this.journalName = journalName;
        this.minContractVersion = minContractVersion;
        this.maxContractVersion = maxContractVersion;
    }

    public String journalName() {
        return journalName;
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
