package dev.xblmock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Entry point: one HTTP listener serving Title Storage, User Statistics and the control plane.
 * {@code @SpringBootApplication} without its {@code @EnableAutoConfiguration}: every component of
 * {@code dev.xblmock} is scanned as before, but only the auto-configurations listed in
 * {@code META-INF/spring/dev.xblmock.XblMockApplication.imports} apply, not whatever the class path offers.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
@ConfigurationPropertiesScan
public class XblMockApplication {

    public static void main(String[] args) {
        SpringApplication.run(XblMockApplication.class, args);
    }
}
