package dev.xblmock.tls;

import java.nio.file.Path;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Where the local CA lives: {@code xblmock.tls.dir}; unset, {@code <xblmock.storage.dir>/tls} with the
 * filesystem backend (so the CA survives with the data), else {@code xblmock-tls} under the system temp
 * directory. The storage settings are read by name so this package needs nothing from Title Storage.
 */
final class TlsDirectory {

    private TlsDirectory() {
    }

    static Path resolve(TlsProperties tls, Environment environment) {
        if (tls.dir() != null) {
            return tls.dir();
        }
        Binder binder = Binder.get(environment);
        String backend = binder.bind("xblmock.storage.backend", String.class).orElse("memory");
        var storageDir = binder.bind("xblmock.storage.dir", Path.class);
        if ("filesystem".equalsIgnoreCase(backend) && storageDir.isBound()) {
            return storageDir.get().resolve("tls");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "xblmock-tls");
    }
}
