package dev.xblmock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(usage());
            return;
        }
        SpringApplication.run(XblMockApplication.class, args);
    }

    /** The text {@code --help} prints: how to start it and the main properties. */
    static String usage() {
        try (InputStream in = XblMockApplication.class.getResourceAsStream("usage.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
