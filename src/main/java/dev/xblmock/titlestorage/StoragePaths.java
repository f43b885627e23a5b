package dev.xblmock.titlestorage;

import java.util.Optional;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.common.identity.PercentDecoder;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.StorageRoot;

/**
 * Parses a raw (still percent-encoded) Title Storage request path into a {@link StoragePath}, with the shared
 * validator for every identifier. Structure errors are 404 {@code NoSuchRoute} with a hint; identifier
 * errors are 400 naming the item, character and position.
 */
public final class StoragePaths {

    private static final String DATA = "data";

    private StoragePaths() {
    }

    public static StoragePath parse(String rawPath) {
        Cursor cursor = new Cursor(rawPath);
        StorageRoot root = StorageRoot.fromSegment(cursor.next())
                .orElseThrow(() -> noRoute(rawPath, "The first segment must be a storage root: global, "
                        + "trustedplatform, universalplatform, untrustedplatform, json or sessions."));
        String owner;
        boolean batch = false;
        switch (root.ownerKind()) {
            case TITLE -> owner = "";
            case USER -> {
                cursor.expect("users", rawPath, root);
                String userSegment = cursor.nextDecoded("user segment", ErrorCode.INVALID_XUID);
                if (userSegment == null) {
                    throw noRoute(rawPath, "Expected /" + root.segment() + "/users/xuid(<xuid>)/scids/<scid>.");
                }
                batch = userSegment.equals("batch");
                owner = batch ? "" : Identifiers.xuidSegment(userSegment).toString();
            }
            case SESSION -> {
                String sessionId = cursor.nextDecoded("sessionId", ErrorCode.INVALID_SESSION_ID);
                if (sessionId == null) {
                    throw noRoute(rawPath, "Expected /sessions/<sessionId>/scids/<scid>.");
                }
                owner = Identifiers.sessionId(sessionId);
            }
            default -> throw new IllegalStateException();
        }
        cursor.expect("scids", rawPath, root);
        String scidText = cursor.nextDecoded("scid", ErrorCode.INVALID_SCID);
        if (scidText == null) {
            throw noRoute(rawPath, "The scid is missing after /scids/.");
        }
        String scid = Identifiers.scid(scidText);
        Namespace namespace = new Namespace(root, owner, scid);
        if (!cursor.hasNext()) {
            if (batch) {
                throw noRoute(rawPath, "A batch download names a blob: .../users/batch/scids/<scid>/data/<path>,<type>.");
            }
            return new StoragePath.Quota(namespace);
        }
        String data = cursor.next();
        if (!DATA.equals(data)) {
            throw noRoute(rawPath, hintForData(data));
        }
        String rest = PercentDecoder.decode(cursor.rest(), "The path after /data/", ErrorCode.INVALID_PATH);
        Optional<BlobRef> blob = blobRef(rest);
        if (batch) {
            BlobRef ref = blob.orElseThrow(() -> XblException.of(ErrorCode.INVALID_PATH,
                    "A batch download names one blob: end the path with ,binary, ,json or ,config."));
            return new StoragePath.BatchBlob(root, scid, ref.path(), ref.type());
        }
        if (blob.isPresent()) {
            return new StoragePath.Blob(new BlobKey(namespace, blob.get().path(), blob.get().type()));
        }
        return new StoragePath.Listing(namespace, Identifiers.listingPath(rest));
    }

    /**
     * A namespace given as its root path ({@code /global/scids/S}, {@code /json/users/xuid(1)/scids/S},
     * {@code /sessions/ID/scids/S}), already decoded, as the control plane takes it; anything else is 400 naming
     * {@code what}.
     */
    public static Namespace namespace(String rootPath, String what) {
        StoragePath parsed;
        try {
            // decoded text: a '%' must reach the validator as itself, not start an escape
            parsed = parse(rootPath.replace("%", "%25"));
        } catch (XblException e) {
            if (e.errorCode() != ErrorCode.NO_SUCH_ROUTE) {
                throw e;
            }
            parsed = null;
        }
        if (parsed instanceof StoragePath.Quota quota) {
            return quota.namespace();
        }
        throw XblException.of(ErrorCode.INVALID_PARAMETER, "%s '%s' is not a namespace: expected /global/scids/<scid>, "
                + "/<root>/users/xuid(<xuid>)/scids/<scid> or /sessions/<sessionId>/scids/<scid>.", what,
                Identifiers.printable(rootPath));
    }

    /** {@code pathAndFileName,type} (already decoded) in {@code namespace}, with the rules of a blob route. */
    public static BlobKey blobKey(Namespace namespace, String decodedName) {
        BlobRef ref = blobRef(decodedName).orElseThrow(() -> XblException.of(ErrorCode.INVALID_PATH,
                "A blob name ends with its type: ,binary, ,json or ,config."));
        return new BlobKey(namespace, ref.path(), ref.type());
    }

    private record BlobRef(String path, BlobType type) {
    }

    /** {@code pathAndFileName,type}, split at the last comma; empty when the text has no comma (a listing). */
    private static Optional<BlobRef> blobRef(String text) {
        int comma = text.lastIndexOf(',');
        if (comma < 0) {
            return Optional.empty();
        }
        String typeName = text.substring(comma + 1);
        BlobType type = BlobType.fromWireName(typeName).orElseThrow(() -> XblException.of(ErrorCode.INVALID_PATH,
                "The type suffix ',%s' is not one of ,binary, ,json or ,config (lower case).", typeName));
        return Optional.of(new BlobRef(Identifiers.pathAndFileName(text.substring(0, comma)), type));
    }

    private static String hintForData(String segment) {
        if (segment.equalsIgnoreCase(DATA) || segment.startsWith(DATA)) {
            return "Did you mean /data/? Paths are case-sensitive.";
        }
        return "After the scid, expect /data/... for blobs and listings, or nothing for the quota.";
    }

    private static XblException noRoute(String rawPath, String hint) {
        return XblException.of(ErrorCode.NO_SUCH_ROUTE, "No Title Storage route matches %s. %s", rawPath, hint);
    }

    /** Walks the raw path segment by segment. */
    private static final class Cursor {
        private final String raw;
        private int position;

        Cursor(String raw) {
            this.raw = raw;
            this.position = raw.startsWith("/") ? 1 : 0;
        }

        boolean hasNext() {
            return position < raw.length();
        }

        /** The next raw segment, or null at the end. */
        String next() {
            if (!hasNext()) {
                return null;
            }
            int slash = raw.indexOf('/', position);
            int end = slash < 0 ? raw.length() : slash;
            String segment = raw.substring(position, end);
            position = slash < 0 ? raw.length() : slash + 1;
            return segment;
        }

        String nextDecoded(String what, ErrorCode error) {
            String segment = next();
            return segment == null || segment.isEmpty() ? null : PercentDecoder.decode(segment, what, error);
        }

        void expect(String literal, String rawPath, StorageRoot root) {
            String segment = next();
            if (!literal.equals(segment)) {
                String hint = segment != null && segment.equalsIgnoreCase(literal)
                        ? "Did you mean /" + literal + "/? Paths are case-sensitive."
                        : "Expected /" + literal + "/ here (storage root " + root.segment() + ").";
                throw noRoute(rawPath, hint);
            }
        }

        String rest() {
            String rest = raw.substring(Math.min(position, raw.length()));
            position = raw.length();
            return rest;
        }
    }
}
