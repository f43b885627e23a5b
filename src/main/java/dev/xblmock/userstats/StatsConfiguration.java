package dev.xblmock.userstats;

import com.zaxxer.hikari.HikariDataSource;
import dev.xblmock.common.storage.StorageBackend;
import dev.xblmock.common.storage.StorageDirectory;
import dev.xblmock.userstats.store.ClusterStatsRepository;
import dev.xblmock.userstats.store.FileStatsRepository;
import dev.xblmock.userstats.store.MemoryStatsRepository;
import dev.xblmock.userstats.store.StatsRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the User Statistics store and the bounded JSON body reader. */
@Configuration(proxyBeanMethods = false)
public class StatsConfiguration {

    /** {@code xblmock.storage.backend} chooses the store, as for blobs (SPEC 6). */
    @Bean
    StatsRepository statsRepository(Environment environment, ObjectProvider<StorageDirectory> directory,
                                    ObjectProvider<HikariDataSource> database) {
        return switch (StorageBackend.configured(environment)) {
            case MEMORY -> new MemoryStatsRepository();
            case FILESYSTEM -> new FileStatsRepository(directory.getObject());
            case CLUSTER -> new ClusterStatsRepository(database.getObject());
        };
    }

    @Bean
    JsonBodyReader statsBodyReader(StatsProperties properties) {
        return new JsonBodyReader(properties);
    }
}
