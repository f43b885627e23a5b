package dev.xblmock.emulator.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.xblmock.common.json.JsonMappers;
import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.common.json.JsonMembers;
import dev.xblmock.titlestorage.ClientFileTimes;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.StorageRoot;
import dev.xblmock.titlestorage.domain.BlobAttributes;
import dev.xblmock.userstats.GroupStat;
import dev.xblmock.userstats.StatGroup;
import dev.xblmock.userstats.StatWrites;
import dev.xblmock.userstats.TitleIds;
import dev.xblmock.userstats.wire.Stat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates a seed manifest tree entry by entry with the same validator as the Xbox routes, and builds a
 * {@link SeedManifest}. The first violation is a 400 {@code InvalidSeed} naming the member
 * ({@code blobs[2].path}) and the rule; nothing is applied before the whole manifest passed.
 */
public final class SeedManifestParser {

    private static final ErrorCode ERROR = ErrorCode.INVALID_SEED;
    private static final JsonMapper COMPACT = JsonMappers.plain();

    private static final Set<String> SECTIONS = Set.of("users", "titles", "groups", "blobs", "stats");
    private static final Set<String> BLOB_MEMBERS = Set.of("storage", "scid", "owner", "path", "type", "json", "text",
            "base64", "file", "displayName", "clientFileTime");
    private static final List<String> CONTENT_MEMBERS = List.of("json", "text", "base64", "file");

    /** The directory of the manifest file, or null for a posted manifest (which may not use {@code file}). */
    private final Path baseDirectory;

    private SeedManifestParser(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    public static SeedManifest parse(JsonNode root, Path baseDirectory) {
        return new SeedManifestParser(baseDirectory).manifest(root);
    }

    private SeedManifest manifest(JsonNode root) {
        JsonMembers manifest = JsonMembers.of(root, "", ERROR, "a JSON object / YAML mapping (a seed manifest)")
                .allowOnly(SECTIONS, "users, titles, groups, blobs, stats");
        List<SeedManifest.User> users = section(manifest, "users", this::user);
        List<SeedManifest.Title> titles = section(manifest, "titles", this::title);
        List<SeedManifest.Group> groups = section(manifest, "groups", this::group);
        List<SeedManifest.Blob> blobs = section(manifest, "blobs", this::blob);
        List<SeedManifest.Stats> stats = section(manifest, "stats", this::stats);
        rejectDuplicates(users, SeedManifest.User::where, SeedManifest.User::xuid, "user");
        rejectDuplicates(titles, SeedManifest.Title::where, SeedManifest.Title::titleId, "title");
        rejectDuplicates(groups, SeedManifest.Group::where, g -> g.group().name() + " in scid " + g.group().scid(),
                "group");
        rejectDuplicates(blobs, SeedManifest.Blob::where, SeedManifest.Blob::key, "blob");
        return new SeedManifest(users, titles, groups, blobs, stats);
    }

    private static <T> List<T> section(JsonMembers manifest, String name, BiFunction<JsonNode, String, T> entry) {
        JsonNode list = manifest.node(name);
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            throw manifest.invalid(name, "must be a list");
        }
        List<T> entries = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            entries.add(entry.apply(list.get(i), name + "[" + i + "]"));
        }
        return List.copyOf(entries);
    }

    /** Two entries for the same thing are a mistake: which one should win? */
    private static <T> void rejectDuplicates(List<T> entries, Function<T, String> where, Function<T, Object> key,
                                             String what) {
        Map<Object, String> seen = new HashMap<>();
        for (T entry : entries) {
            String first = seen.putIfAbsent(key.apply(entry), where.apply(entry));
            if (first != null) {
                throw new XblException(ERROR, "Entry '" + where.apply(entry) + "' defines the same " + what
                        + " as '" + first + "'; each may appear once per manifest.");
            }
        }
    }

    private SeedManifest.User user(JsonNode node, String where) {
        JsonMembers user = JsonMembers.of(node, where, ERROR, "an object {xuid, gamertag}")
                .allowOnly(Set.of("xuid", "gamertag"), "xuid, gamertag");
        Xuid xuid = xuid(user, "xuid");
        if (!user.has("gamertag")) {
            throw user.invalid("gamertag", "is required");
        }
        String gamertag = seedError(() -> StatWrites.gamertag(user.node("gamertag"),
                "Member '" + user.path("gamertag") + "'"));
        return new SeedManifest.User(where, xuid, gamertag);
    }

    private SeedManifest.Title title(JsonNode node, String where) {
        JsonMembers title = JsonMembers.of(node, where, ERROR, "an object {titleId, scid}")
                .allowOnly(Set.of("titleId", "scid"), "titleId, scid");
        String titleId = title.digitsOrText("titleId").orElseThrow(() -> title.invalid("titleId", "is required"));
        return new SeedManifest.Title(where, validated(title, "titleId", () -> TitleIds.parse(titleId, "titleId")),
                scid(title));
    }

    private SeedManifest.Group group(JsonNode node, String where) {
        JsonMembers group = JsonMembers.of(node, where, ERROR, "an object {name, scid, stats}")
                .allowOnly(Set.of("name", "scid", "stats"), "name, scid, stats");
        String name = validated(group, "name", () -> Identifiers.statName(group.requiredText("name")));
        String scid = scid(group);
        JsonNode statList = group.node("stats");
        if (statList == null || !statList.isArray()) {
            throw group.invalid("stats", "is required: a list of {name, properties?}");
        }
        List<GroupStat> stats = new ArrayList<>();
        for (int i = 0; i < statList.size(); i++) {
            JsonMembers stat = JsonMembers.of(statList.get(i), group.path("stats[" + i + "]"), ERROR,
                    "an object {name, properties?}").allowOnly(Set.of("name", "properties"), "name, properties");
            String statName = validated(stat, "name", () -> Identifiers.statName(stat.requiredText("name")));
            stats.add(new GroupStat(statName, properties(stat)));
        }
        return new SeedManifest.Group(where, new StatGroup(name, scid, stats));
    }

    /** Group properties are served as strings: scalar values are taken as their text. */
    private static Map<String, String> properties(JsonMembers stat) {
        JsonNode properties = stat.node("properties");
        Map<String, String> result = new LinkedHashMap<>();
        if (properties == null) {
            return result;
        }
        if (!properties.isObject()) {
            throw stat.invalid("properties", "must be an object of names to string values");
        }
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode value = property.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw stat.invalid("properties." + Identifiers.printable(property.getKey()),
                        "must be a string, number or boolean");
            }
            result.put(property.getKey(), value.asString());
        }
        return result;
    }

    private SeedManifest.Blob blob(JsonNode node, String where) {
        JsonMembers blob = JsonMembers.of(node, where, ERROR, "an object {storage, scid, owner?, path, type, "
                + "json|text|base64|file, displayName?, clientFileTime?}")
                .allowOnly(BLOB_MEMBERS, String.join(", ", "storage", "scid", "owner", "path", "type", "json", "text",
                        "base64", "file", "displayName", "clientFileTime"));
        String storage = blob.requiredText("storage");
        StorageRoot root = StorageRoot.fromSegment(storage).orElseThrow(() -> blob.invalid("storage",
                "must be one of global, trustedplatform, universalplatform, untrustedplatform, json, sessions"));
        String scid = scid(blob);
        String owner = owner(blob, root);
        String path = validated(blob, "path", () -> Identifiers.pathAndFileName(blob.requiredText("path")));
        String typeName = blob.requiredText("type");
        BlobType type = BlobType.fromWireName(typeName)
                .orElseThrow(() -> blob.invalid("type", "must be binary, json or config (lower case)"));
        if (!root.allows(type)) {
            throw blob.invalid("type", "'" + typeName + "' is not allowed in " + root.segment()
                    + " storage (allowed: " + root.allowedTypes() + ")");
        }
        List<String> given = CONTENT_MEMBERS.stream().filter(blob::has).toList();
        if (given.size() != 1) {
            throw new XblException(ERROR, "Entry '" + where + "' must have exactly one of json, text, base64, file"
                    + (given.isEmpty() ? "; it has none." : "; it has " + String.join(" and ", given) + "."));
        }
        String contentMember = given.get(0);
        SeedManifest.Content content = content(blob, contentMember);
        String displayName = validated(blob, "displayName",
                () -> Identifiers.displayName(blob.text("displayName").orElse(null)));
        Instant clientFileTime = clientFileTime(blob);
        return new SeedManifest.Blob(where, new BlobKey(new Namespace(root, owner, scid), path, type), contentMember,
                content, new BlobAttributes(clientFileTime, displayName));
    }

    private static String owner(JsonMembers blob, StorageRoot root) {
        return switch (root.ownerKind()) {
            case TITLE -> {
                if (blob.has("owner")) {
                    throw blob.invalid("owner", "must be absent for global storage (the title owns it)");
                }
                yield "";
            }
            case USER -> {
                if (!blob.has("owner")) {
                    throw blob.invalid("owner", "is required for " + root.segment() + " storage: the owner's xuid");
                }
                yield xuid(blob, "owner").toString();
            }
            case SESSION -> validated(blob, "owner", () -> Identifiers.sessionId(blob.text("owner")
                    .orElseThrow(() -> blob.invalid("owner", "is required for sessions storage: the session id"))));
        };
    }

    private SeedManifest.Content content(JsonMembers blob, String member) {
        return switch (member) {
            case "json" -> new SeedManifest.InlineContent(COMPACT.writeValueAsBytes(blob.node("json")));
            case "text" -> new SeedManifest.InlineContent(blob.requiredText("text").getBytes(StandardCharsets.UTF_8));
            case "base64" -> {
                String text = blob.requiredText("base64").replaceAll("\\s+", "");
                try {
                    yield new SeedManifest.InlineContent(Base64.getDecoder().decode(text));
                } catch (IllegalArgumentException e) {
                    throw blob.invalid("base64", "is not valid base64 (RFC 4648, '+' and '/', padding optional)");
                }
            }
            case "file" -> file(blob);
            default -> throw new IllegalStateException(member);
        };
    }

    /**
     * A file relative to the manifest's directory, never outside it: neither by its name ({@code ../}) nor through
     * a symbolic link (to a file, or on a directory on the way). The content is later read from the real path
     * found here, without following links.
     */
    private SeedManifest.Content file(JsonMembers blob) {
        String given = blob.requiredText("file");
        if (baseDirectory == null) {
            throw blob.invalid("file", "is only allowed in a manifest read from a file (xblmock.seed); a posted "
                    + "manifest carries its content inline as json, text or base64");
        }
        String shown = Identifiers.printable(given);
        Path path;
        try {
            Path relative = Path.of(given);
            if (given.isEmpty() || relative.isAbsolute()) {
                throw blob.invalid("file", "'" + shown + "' must be a path relative to the manifest's directory");
            }
            path = baseDirectory.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw blob.invalid("file", "'" + shown + "' is not a valid file path");
        }
        if (!path.startsWith(baseDirectory.normalize())) {
            throw blob.invalid("file", "'" + shown + "' points outside the manifest's directory");
        }
        Path real;
        try {
            real = path.toRealPath();
            if (!real.startsWith(baseDirectory.toRealPath())) {
                throw blob.invalid("file", "'" + shown + "' leads outside the manifest's directory through a "
                        + "symbolic link");
            }
        } catch (IOException e) {
            throw blob.invalid("file", "'" + shown + "' is not a readable file beside the manifest");
        }
        if (!Files.isRegularFile(real) || !Files.isReadable(real)) {
            throw blob.invalid("file", "'" + shown + "' is not a readable file beside the manifest");
        }
        return new SeedManifest.FileContent(real, given);
    }

    private static Instant clientFileTime(JsonMembers blob) {
        String text = blob.text("clientFileTime").orElse(null);
        try {
            return ClientFileTimes.parse(text);
        } catch (XblException e) {
            throw blob.invalid("clientFileTime", "must be RFC 1123 (e.g. 'Thu, 01 Jan 1970 00:00:01 GMT') or "
                    + "ISO 8601 with a zone (e.g. '2024-01-01T00:00:00Z')");
        }
    }

    private SeedManifest.Stats stats(JsonNode node, String where) {
        JsonMembers entry = JsonMembers.of(node, where, ERROR, "an object {xuid, scid, stats}")
                .allowOnly(Set.of("xuid", "scid", "stats"), "xuid, scid, stats");
        Xuid xuid = xuid(entry, "xuid");
        String scid = scid(entry);
        JsonNode stats = entry.node("stats");
        if (stats == null || !stats.isObject()) {
            throw entry.invalid("stats", "is required: an object mapping stat names to {type, value, valuemetadata?, properties?}");
        }
        List<Stat> parsed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> stat : stats.properties()) {
            String member = "stats." + Identifiers.printable(stat.getKey());
            String name = validated(entry, member, () -> Identifiers.statName(stat.getKey()));
            parsed.add(seedError(() -> StatWrites.stat(name, stat.getValue(), entry.path(member))));
        }
        return new SeedManifest.Stats(where, xuid, scid, List.copyOf(parsed));
    }

    private static Xuid xuid(JsonMembers entry, String member) {
        String text = entry.digitsOrText(member).orElseThrow(() -> entry.invalid(member, "is required"));
        return validated(entry, member, () -> Identifiers.xuid(text, member));
    }

    private static String scid(JsonMembers entry) {
        return validated(entry, "scid", () -> Identifiers.scid(entry.requiredText("scid")));
    }

    /** Runs a validator whose error already names the member, as an {@code InvalidSeed} error. */
    private static <T> T seedError(Supplier<T> validator) {
        try {
            return validator.get();
        } catch (XblException e) {
            throw new XblException(ERROR, e.detail());
        }
    }

    /** Runs a shared validator, putting the member's path in front of its error. */
    private static <T> T validated(JsonMembers entry, String member, Supplier<T> validator) {
        try {
            return validator.get();
        } catch (XblException e) {
            if (e.errorCode() == ERROR) {
                throw e;
            }
            throw entry.within(member, e);
        }
    }
}
