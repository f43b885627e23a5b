package dev.xblmock.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file the jar carries beside a class (the OpenAPI document, the dashboard's files), read once, with a
 * strong ETag from its content so clients revalidate with {@code If-None-Match} and get 304.
 */
record BundledFile(byte[] bytes, String etag) {

    /** {@code name} relative to {@code owner}'s package; {@code hint} says why it should be there. */
    static BundledFile load(Class<?> owner, String name, String hint) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing beside " + owner.getName() + hint);
            }
            byte[] bytes = in.readAllBytes();
            return new BundledFile(bytes, "\"" + HexFormat.of().formatHex(sha256(bytes)) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
