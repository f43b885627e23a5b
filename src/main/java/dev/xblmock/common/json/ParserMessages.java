package dev.xblmock.common.json;

import java.util.regex.Pattern;

/**
 * Turns a Jackson parse message into plain words for a problem detail: no feature names, source descriptions,
 * constraint accessors ({@code StreamReadConstraints.getMaxNestingDepth()}) or class names. SPEC 1.4: a detail
 * names what is wrong with the request, never the emulator's insides.
 */
public final class ParserMessages {

    private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at \\[.*?]\\)");
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\s*\\(?at \\[Source:[^\\]]*\\]\\)?");
    private static final Pattern ENABLE_FEATURE = Pattern.compile(":?\\s*enable `[^`]*` to allow");
    private static final Pattern FEATURE_NOTE = Pattern.compile("\\s*\\([^()]*Feature '[^']*'[^()]*\\)");
    /** A constraint names its limit as "(500, from `StreamReadConstraints.getMaxNestingDepth()`)": keep the number. */
    private static final Pattern CONSTRAINT_SOURCE = Pattern.compile(",\\s*from `[^`]*`");
    private static final Pattern LEAKS = Pattern.compile("`|Feature|tools\\.jackson|com\\.fasterxml|java\\.|\\[Source|Exception");
    public static final String GENERIC = "the text does not follow the JSON grammar";

    private ParserMessages() {
    }

    /** The message's first line, cleaned; {@link #GENERIC} when nothing presentable remains. */
    public static String clean(String message) {
        return clean(message, GENERIC);
    }

    /** As {@link #clean(String)}, with the caller's own fallback sentence. */
    public static String clean(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        String cleaned = message.lines().findFirst().orElse("");
        if (cleaned.startsWith("Trailing token")) {
            return "more content follows the root value";
        }
        cleaned = START_MARKER.matcher(cleaned).replaceAll("");
        cleaned = SOURCE_REFERENCE.matcher(cleaned).replaceAll("");
        cleaned = ENABLE_FEATURE.matcher(cleaned).replaceAll("");
        cleaned = FEATURE_NOTE.matcher(cleaned).replaceAll("");
        cleaned = CONSTRAINT_SOURCE.matcher(cleaned).replaceAll("");
        cleaned = cleaned.strip();
        while (cleaned.endsWith(".") || cleaned.endsWith(":")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1).strip();
        }
        if (cleaned.isEmpty() || LEAKS.matcher(cleaned).find()) {
            return fallback;
        }
        return cleaned;
    }
}
