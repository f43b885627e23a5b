package dev.xblmock.emulator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.xblmock.common.Xuid;
import dev.xblmock.titlestorage.BlobKey;
import dev.xblmock.titlestorage.store.BlobAttributes;
import tools.jackson.databind.JsonNode;

/**
 * A seed manifest whose entries all passed validation (everything but the bytes of {@code file} blobs,
 * which are checked while they are staged). Each entry remembers its place ({@code blobs[2]}) for errors.
 */
record SeedManifest(List<User> users, List<Title> titles, List<Group> groups, List<Blob> blobs, List<Stats> stats) {

    record User(String where, Xuid xuid, String gamertag) {
    }

    /** {@code titleId} in canonical decimal form. */
    record Title(String where, String titleId, String scid) {
    }

    record Group(String where, String name, String scid, List<GroupStat> stats) {
    }

    record GroupStat(String name, Map<String, String> properties) {
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

    /** {@code definitions} maps each stat name to its {@code {type, value, valuemetadata?}} object as given. */
    record Stats(String where, Xuid xuid, String scid, Map<String, JsonNode> definitions) {
    }
}
