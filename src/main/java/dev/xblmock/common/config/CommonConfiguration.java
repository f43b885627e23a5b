package dev.xblmock.common.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by every context: the clock (replaceable in tests). */
@Configuration(proxyBeanMethods = false)
public class CommonConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
