package dev.xblmock.userstats;

import dev.xblmock.userstats.store.MemoryStatsRepository;
import dev.xblmock.userstats.store.StatsRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the User Statistics store and the bounded JSON body reader. */
@Configuration(proxyBeanMethods = false)
public class StatsConfiguration {

    @Bean
    StatsRepository statsRepository() {
        return new MemoryStatsRepository();
    }

    @Bean
    JsonBodyReader statsBodyReader(StatsProperties properties) {
        return new JsonBodyReader(properties);
    }
}
