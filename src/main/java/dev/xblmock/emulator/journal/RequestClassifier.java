package dev.xblmock.emulator.journal;

import dev.xblmock.common.web.XboxService;

/**
 * Names the operation of a journaled request from its method and raw path shape alone, without asking the
 * controllers: {@code download}, {@code upload}, {@code delete}, {@code list}, {@code quota},
 * {@code batchDownload}, {@code statsRead}, {@code statsBatch}, or {@code unknown} for anything else
 * (including a known shape with the wrong method). Identifiers are not validated here.
 */
final class RequestClassifier {

    static final String UNKNOWN = "unknown";

    private RequestClassifier() {
    }

    static String service(String rawPath) {
        return XboxService.of(rawPath).journalName();
    }

    static String operation(String method, String rawPath) {
        String[] segments = (rawPath.startsWith("/") ? rawPath.substring(1) : rawPath).split("/", -1);
        return switch (XboxService.of(rawPath)) {
            case TITLE_STORAGE -> titleStorage(method, segments);
            case USER_STATS -> userStats(method, segments);
            default -> UNKNOWN;
        };
    }

    private static String titleStorage(String method, String[] segments) {
        boolean batch = false;
        int scids;
        switch (segments[0]) {
            case "global" -> scids = 1;
            case "sessions" -> scids = 2;
            default -> {
                if (segments.length < 3 || !segments[1].equals("users")) {
                    return UNKNOWN;
                }
                batch = segments[2].equals("batch");
                scids = 3;
            }
        }
        if (segments.length <= scids + 1 || !segments[scids].equals("scids")) {
            return UNKNOWN;
        }
        int rest = scids + 2;
        if (segments.length == rest) {
            return !batch && method.equals("GET") ? "quota" : UNKNOWN;
        }
        if (!segments[rest].equals("data")) {
            return UNKNOWN;
        }
        boolean blob = segments.length > rest + 1 && hasComma(segments[segments.length - 1]);
        if (batch) {
            return blob && method.equals("POST") ? "batchDownload" : UNKNOWN;
        }
        if (!blob) {
            return method.equals("GET") ? "list" : UNKNOWN;
        }
        return switch (method) {
            case "GET" -> "download";
            case "PUT" -> "upload";
            case "DELETE" -> "delete";
            default -> UNKNOWN;
        };
    }

    /** A blob path ends in {@code ,type}; some clients percent-encode the comma. */
    private static boolean hasComma(String rawSegment) {
        return rawSegment.indexOf(',') >= 0 || rawSegment.contains("%2C") || rawSegment.contains("%2c");
    }

    private static String userStats(String method, String[] segments) {
        if (segments[0].equals("batch")) {
            return segments.length == 1 && method.equals("POST") ? "statsBatch" : UNKNOWN;
        }
        boolean statsShape = segments.length >= 5 && segments[2].equals("scids") && segments[4].equals("stats");
        return statsShape && method.equals("GET") ? "statsRead" : UNKNOWN;
    }
}
