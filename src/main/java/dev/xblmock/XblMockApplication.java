package dev.xblmock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: one HTTP listener serving Title Storage, User Statistics and the control plane. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class XblMockApplication {

    public static void main(String[] args) {
        SpringApplication.run(XblMockApplication.class, args);
    }
}
