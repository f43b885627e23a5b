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

    public static XboxService of(String rawPath) {
        String first = firstSegment(rawPath);
        return switch (first) {
            case "global", "trustedplatform", "universalplatform", "untrustedplatform", "json", "sessions" -> TITLE_STORAGE;
            case "users", "batch" -> USER_STATS;
            case "_emulator" -> CONTROL_PLANE;
            default -> UNKNOWN;
        };
    }

    private static String firstSegment(String rawPath) {
        int start = rawPath.startsWith("/") ? 1 : 0;
        int end = rawPath.indexOf('/', start);
        return end < 0 ? rawPath.substring(start) : rawPath.substring(start, end);
    }
}
