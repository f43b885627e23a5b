package dev.xblmock.titlestorage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.titlestorage.domain.Namespace;

/**
 * Stateless listing continuation tokens (SPEC 3.6, 7): the offset of the next item plus a fingerprint of
 * the namespace and path, base64url without padding (16 characters, URL-safe). Nothing is kept on the server.
 */
final class ListingTokens {

    private static final int FINGERPRINT_BYTES = 8;

    private ListingTokens() {
    }

    static String encode(Namespace namespace, String directory, int offset) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + FINGERPRINT_BYTES);
        buffer.putInt(offset).put(fingerprint(namespace, directory));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /** The offset a token stands for; 400 InvalidContinuationToken when malformed or bound elsewhere. */
    static int decode(String token, Namespace namespace, String directory) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 4 + FINGERPRINT_BYTES) {
            throw XblException.of(ErrorCode.INVALID_CONTINUATION_TOKEN,
                    "continuationToken '%s' is not a listing token issued by this emulator.", Identifiers.printable(token));
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int offset = buffer.getInt();
        byte[] fingerprint = Arrays.copyOfRange(bytes, 4, bytes.length);
        if (offset < 0 || !MessageDigest.isEqual(fingerprint, fingerprint(namespace, directory))) {
            throw XblException.of(ErrorCode.INVALID_CONTINUATION_TOKEN,
                    "continuationToken '%s' was issued for another namespace or listing path.", token);
        }
        return offset;
    }

    private static byte[] fingerprint(Namespace namespace, String directory) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((namespace.rootPath() + "\n" + directory).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(hash, FINGERPRINT_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
