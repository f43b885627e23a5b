package dev.xblmock.common.config;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.xblmock.common.json.JsonMappers;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import tools.jackson.databind.JsonNode;

/**
 * The {@code xblmock.*} property names, as Spring Boot's configuration processor derived them from the
 * {@code @ConfigurationProperties} records at compile time ({@code META-INF/spring-configuration-metadata.json}):
 * no list is kept by hand. A map or list property accepts any name below it ({@code quota-bytes.global}).
 */
final class KnownProperties {

    static final String PREFIX = "xblmock";
    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private record Known(ConfigurationPropertyName name, boolean container) {
    }

    private final List<Known> known;

    private KnownProperties(List<Known> known) {
        this.known = known;
    }

    /**
     * Every {@code xblmock.*} property in the metadata beside these classes (their own jar or directory: the
     * other metadata files on the class path are Spring Boot's, large, and hold no xblmock name); empty when
     * there is none.
     */
    static KnownProperties load() {
        String self = KnownProperties.class.getName().replace('.', '/') + ".class";
        URL location = KnownProperties.class.getResource("/" + self);
        if (location == null) {
            return new KnownProperties(List.of()); // a class loader that hides class files: nothing to check against
        }
        String own = location.toExternalForm();
        List<Known> known = new ArrayList<>();
        try (InputStream in = URI.create(own.substring(0, own.length() - self.length()) + METADATA).toURL().openStream()) {
            for (JsonNode property : JsonMappers.plain().readTree(in).path("properties")) {
                String name = property.path("name").asString("");
                if (name.startsWith(PREFIX + ".")) {
                    known.add(new Known(ConfigurationPropertyName.of(name), isContainer(property.path("type").asString(""))));
                }
            }
        } catch (FileNotFoundException | NoSuchFileException missing) {
            return new KnownProperties(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + METADATA, e);
        }
        return new KnownProperties(List.copyOf(known));
    }

    private static boolean isContainer(String type) {
        return type.startsWith("java.util.Map<") || type.startsWith("java.util.List<")
                || type.startsWith("java.util.Set<") || type.endsWith("[]");
    }

    boolean isEmpty() {
        return known.isEmpty();
    }

    /** Whether {@code name} (in any relaxed form: dashes, case, environment-variable style) is a property. */
    boolean contains(ConfigurationPropertyName name) {
        return known.stream().anyMatch(k -> k.name().equals(name) || (k.container() && k.name().isAncestorOf(name)));
    }

    /** The known name nearest to {@code name} by edit distance (dashes and case ignored), if any is near. */
    Optional<String> closest(ConfigurationPropertyName name) {
        String wanted = uniform(name);
        return known.stream()
                .map(k -> k.name().toString())
                .min(Comparator.comparingInt((String k) -> distance(uniform(ConfigurationPropertyName.of(k)), wanted))
                        .thenComparing(Comparator.naturalOrder()))
                .filter(k -> distance(uniform(ConfigurationPropertyName.of(k)), wanted) <= Math.max(3, wanted.length() / 3));
    }

    private static String uniform(ConfigurationPropertyName name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            sb.append(i == 0 ? "" : ".").append(name.getElement(i, ConfigurationPropertyName.Form.UNIFORM));
        }
        return sb.toString();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
