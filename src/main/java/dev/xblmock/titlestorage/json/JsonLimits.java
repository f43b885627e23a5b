package dev.xblmock.titlestorage.json;

/**
 * The limits a json or config blob must respect (SPEC 3.4, 7). Lengths count Unicode code points; the root
 * container is depth 1. {@link #SPEC} holds the contract's values.
 */
public record JsonLimits(
        int maxNumberLength,
        int maxStringLength,
        int maxNameLength,
        int maxDepth,
        int maxArrayElements,
        int maxObjectMembers) {

    public static final JsonLimits SPEC = new JsonLimits(32, 1024, 64, 16, 1024, 1024);

    public JsonLimits {
        requirePositive(maxNumberLength, "maxNumberLength");
        requirePositive(maxStringLength, "maxStringLength");
        requirePositive(maxNameLength, "maxNameLength");
        requirePositive(maxDepth, "maxDepth");
        requirePositive(maxArrayElements, "maxArrayElements");
        requirePositive(maxObjectMembers, "maxObjectMembers");
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
