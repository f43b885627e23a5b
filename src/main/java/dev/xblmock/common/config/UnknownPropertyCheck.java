package dev.xblmock.common.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Fails the start, before any bean is built, when an {@code xblmock.*} name from any source (command line,
 * environment variable, system property, configuration file) is no property: {@code xblmock.auth.mod=strict}
 * would otherwise be ignored and the server run in loose mode. The report names the nearest known property.
 */
@Component
class UnknownPropertyCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        KnownProperties known = KnownProperties.load();
        if (known.isEmpty()) {
            return; // compiled without the configuration processor (an IDE build): nothing to check against
        }
        Map<ConfigurationPropertyName, String> unknown = new LinkedHashMap<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource names) {
                names.stream().filter(UnknownPropertyCheck::isOurs).filter(name -> !known.contains(name))
                        .forEach(name -> unknown.putIfAbsent(name, describe(name, source.getConfigurationProperty(name))));
            }
        }
        if (!unknown.isEmpty()) {
            List<String> lines = new ArrayList<>();
            unknown.forEach((name, where) -> lines.add("Unknown property " + where
                    + known.closest(name).map(nearest -> "; did you mean " + nearest + "?").orElse(".")));
            throw new UnknownPropertyException(lines);
        }
    }

    private static boolean isOurs(ConfigurationPropertyName name) {
        return name.getNumberOfElements() > 1
                && KnownProperties.PREFIX.equals(name.getElement(0, ConfigurationPropertyName.Form.UNIFORM));
    }

    /** The name as its source spelt it: {@code --xblmock.auth.mod}, {@code XBLMOCK_AUTH_MOD}, or with its file. */
    private static String describe(ConfigurationPropertyName name, ConfigurationProperty property) {
        Origin origin = property == null ? null : property.getOrigin();
        if (origin instanceof SystemEnvironmentOrigin env) {
            return "environment variable " + env.getProperty();
        }
        if (origin instanceof PropertySourceOrigin source) {
            return switch (source.getPropertySource().getName()) {
                case "commandLineArgs" -> "--" + source.getPropertyName() + " (command line)";
                case "systemEnvironment" -> "environment variable " + source.getPropertyName();
                case "systemProperties" -> "-D" + source.getPropertyName() + " (system property)";
                default -> source.getPropertyName() + " (" + source.getPropertySource().getName() + ")";
            };
        }
        return name + (origin == null ? "" : " (" + origin + ")");
    }
}
