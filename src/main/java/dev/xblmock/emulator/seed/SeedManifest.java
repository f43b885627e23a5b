package dev.xblmock.emulator.seed;

import java.nio.file.Path;
import java.util.List;

import dev.xblmock.common.identity.Xuid;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobAttributes;
import dev.xblmock.userstats.StatGroup;
import dev.xblmock.userstats.wire.Stat;

/**
 * A seed manifest whose entries all passed validation (everything but the bytes of {@code file} blobs,
 * which are checked while they are staged). Each entry remembers its place ({@code blobs[2]}) for errors.
 */
public record SeedManifest(List<User> users, List<Title> titles, List<Group> groups, List<Blob> blobs, List<Stats> stats) {

    record User(String where, Xuid xuid, String gamertag) {
    }

    /** {@code titleId} in canonical decimal form. */
    record Title(String where, String titleId, String scid) {
    }

    record Group(String where, StatGroup group) {
    }

    /** {@code contentMember} is the member that gave the bytes: json, text, base64 or file. */
    record Blob(String where, BlobKey key, String contentMember, Content content, BlobAttributes attributes) {
    }

    /** Where a blob's bytes come from. */
    sealed interface Content {
    }

    record InlineContent(byte[] bytes) implements Content {
    }

    /** A file beside the manifest; {@code given} is the manifest's own text for it (errors never show more). */
    record FileContent(Path path, String given) implements Content {
    }

    /** The stats of one user and scid, merged into what the user already has. */
    record Stats(String where, Xuid xuid, String scid, List<Stat> stats) {
    }
}
