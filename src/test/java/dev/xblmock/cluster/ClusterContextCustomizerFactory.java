package dev.xblmock.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * In the {@code cluster-backend} failsafe execution ({@code xblmock-it.cluster=true}), every Spring test context
 * runs on the cluster backend with a database and a bucket of its own, so cached contexts never share state
 * (as the filesystem execution gives each one its own directory). Elsewhere it changes nothing.
 */
class ClusterContextCustomizerFactory implements ContextCustomizerFactory {

    static final String SWITCH = "xblmock-it.cluster";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return Boolean.getBoolean(SWITCH) ? new OwnDatabaseAndBucket() : null;
    }

    /** All equal: the customizer adds nothing to a context's cache key. */
    private static final class OwnDatabaseAndBucket implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            if (ClusterEngines.unavailable().isPresent()) {
                return; // ClusterTestsCondition disables the tests
            }
            Map<String, Object> properties = new LinkedHashMap<>(ClusterEngines.get().newClusterProperties());
            properties.put("xblmock.storage.backend", "cluster");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(SWITCH, properties));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OwnDatabaseAndBucket;
        }

        @Override
        public int hashCode() {
            return OwnDatabaseAndBucket.class.hashCode();
        }
    }
}
