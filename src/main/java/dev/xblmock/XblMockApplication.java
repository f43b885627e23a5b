package dev.xblmock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: one HTTP listener serving Title Storage, User Statistics and the control plane. */
@SpringBootApplication
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
