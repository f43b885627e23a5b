package dev.xblmock.titlestorage.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;

/**
 * What a caller's config download selects by (SPEC 3.8): its title id ({@code tid} of its token), its locale
 * (the first tag of {@code Accept-Language}) and its custom selectors (the {@code customSelector} query
 * parameter). Any of them may be absent: a virtual node selecting by an absent value falls back to its
 * {@code default} source node.
 *
 * @param titleId the caller's title id as a decimal string, or null
 * @param locale  the first language tag of Accept-Language, or null
 * @param custom  custom selector values by name, never null
 */
public record SelectorContext(String titleId, String locale, Map<String, String> custom) {

    public static final String CUSTOM_SELECTOR_PARAMETER = "customSelector";

    public SelectorContext {
        custom = custom == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(custom));
    }

    /** A caller with no title id, no locale and no custom selectors: every virtual node takes its default. */
    public static SelectorContext none() {
        return new SelectorContext(null, null, Map.of());
    }

    /**
     * Builds the context from raw request values, each possibly null: the token's title id, the
     * {@code Accept-Language} header and the (percent-decoded) {@code customSelector} parameter.
     */
    public static SelectorContext of(String titleId, String acceptLanguage, String customSelector) {
        return new SelectorContext(titleId, firstLanguageTag(acceptLanguage), parseCustomSelector(customSelector));
    }

    /**
     * The first language tag of an {@code Accept-Language} value, as written and without its parameters:
     * {@code en-US,en;q=0.9} → {@code en-US}. Quality values do not reorder (the SPEC says the first tag).
     * Empty items are skipped; a missing or blank header, or a first tag of {@code *}, gives null.
     */
    public static String firstLanguageTag(String acceptLanguage) {
        if (acceptLanguage == null) {
            return null;
        }
        for (String item : acceptLanguage.split(",")) {
            int semicolon = item.indexOf(';');
            String tag = (semicolon < 0 ? item : item.substring(0, semicolon)).strip();
            if (!item.isBlank()) {
                return tag.isEmpty() || tag.equals("*") ? null : tag;
            }
        }
        return null;
    }

    /**
     * Parses {@code customSelector=<name>.<value>[,<name>.<value>…]}; each item splits at its first {@code .},
     * so the value may contain dots ({@code build.1.2} → build = 1.2) and may be empty. Null (parameter absent)
     * gives an empty map. An empty item, an item without a dot, an empty name or a name given twice is
     * {@code InvalidParameter} (400).
     */
    public static Map<String, String> parseCustomSelector(String value) {
        if (value == null) {
            return Map.of();
        }
        Map<String, String> selectors = new LinkedHashMap<>();
        String[] items = value.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            if (item.isEmpty()) {
                throw invalid("'%s' has an empty item (item %d)", value, i + 1);
            }
            int dot = item.indexOf('.');
            if (dot < 0) {
                throw invalid("item '%s' has no '.' between name and value", item);
            }
            if (dot == 0) {
                throw invalid("item '%s' has an empty name", item);
            }
            String name = item.substring(0, dot);
            if (selectors.putIfAbsent(name, item.substring(dot + 1)) != null) {
                throw invalid("names '%s' more than once", name);
            }
        }
        return Collections.unmodifiableMap(selectors);
    }

    private static XblException invalid(String problem, Object... args) {
        return XblException.of(ErrorCode.INVALID_PARAMETER,
                "The query parameter customSelector " + problem + "; expected <name>.<value>[,<name>.<value>…].", args);
    }
}
