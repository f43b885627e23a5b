package dev.xblmock.userstats.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.io.SerializedString;

/**
 * One stored stat of a user for one scid: its name, type, value text, optional {@code valuemetadata} (a string
 * of JSON) and its {@code properties} (string values in the order given, served by the v2/v3 shapes, e.g.
 * {@code DisplayName}). Immutable.
 *
 * <p>The stat's v1 wire object {@code {"statname":…,"type":…,"value":…}} is encoded once, when the stat is
 * written: a v1 batch read serves thousands of stats per response, and copying ready UTF-8 bytes is what
 * keeps that hot path cheap (see bench/stats-batch.sh).
 */
public final class Stat {

    private final String name;
    private final StatType type;
    private final String value;
    private final String valueMetadata;
    private final Map<String, String> properties;
    private final SerializableString v1Json;

    public Stat(String name, StatType type, String value, String valueMetadata) {
        this(name, type, value, valueMetadata, Map.of());
    }

    public Stat(String name, StatType type, String value, String valueMetadata, Map<String, String> properties) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.value = Objects.requireNonNull(value, "value");
        this.valueMetadata = valueMetadata;
        Map<String, String> copy = new LinkedHashMap<>();
        properties.forEach((key, text) -> copy.put(Objects.requireNonNull(key, "property name"),
                Objects.requireNonNull(text, "value of property " + key)));
        this.properties = Collections.unmodifiableMap(copy);
        this.v1Json = new SerializedString("{\"statname\":" + quoted(name) + ",\"type\":" + quoted(type.wireName())
                + ",\"value\":" + quoted(value) + "}");
    }

    public String name() {
        return name;
    }

    public StatType type() {
        return type;
    }

    public String value() {
        return value;
    }

    /** The stat's {@code valuemetadata} JSON text, or null when it has none. */
    public String valueMetadata() {
        return valueMetadata;
    }

    /** The stat's own properties (never null; empty when it has none). */
    public Map<String, String> properties() {
        return properties;
    }

    /** The complete v1 wire object of this stat, ready to be written raw. */
    public SerializableString v1Json() {
        return v1Json;
    }

    private static String quoted(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, sb);
        return sb.append('"').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stat s && name.equals(s.name) && type == s.type && value.equals(s.value)
                && Objects.equals(valueMetadata, s.valueMetadata) && properties.equals(s.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, value, valueMetadata, properties);
    }

    @Override
    public String toString() {
        return name + "=" + type.wireName() + ":" + value;
    }
}
