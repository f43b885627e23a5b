package dev.xblmock.userstats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.xblmock.common.identity.Identifiers;

/**
 * One stat of a {@link StatGroup}: its name and the properties served as the stat's {@code groupproperties}
 * (string values, in the order given, e.g. {@code Ordinal}, {@code DisplayName}).
 */
public record GroupStat(String name, Map<String, String> properties) {

    public GroupStat {
        Identifiers.statName(name);
        Map<String, String> copy = new LinkedHashMap<>();
        if (properties != null) {
            properties.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "property name"),
                    Objects.requireNonNull(value, "value of group property " + key)));
        }
        properties = Collections.unmodifiableMap(copy);
    }

    public GroupStat(String name) {
        this(name, Map.of());
    }
}
