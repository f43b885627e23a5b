package dev.xblmock.titlestorage.domain;

import java.util.Optional;

/** The {@code ,type} suffix of a blob: part of the blob's identity ({@code a,binary} and {@code a,json} differ). */
public enum BlobType {
    BINARY("binary", "application/octet-stream"),
    JSON("json", "application/json"),
    CONFIG("config", "application/json");

    private final String wireName;
    private final String contentType;

    BlobType(String wireName, String contentType) {
        this.wireName = wireName;
        this.contentType = contentType;
    }

    public String wireName() {
        return wireName;
    }

    public String contentType() {
        return contentType;
    }

    /** json and config bodies are JSON documents checked against the JSON rules. */
    public boolean isJson() {
        return this != BINARY;
    }

    /** Exact, lower-case match only ({@code ,JSON} and {@code ,bin} are invalid). */
    public static Optional<BlobType> fromWireName(String name) {
        for (BlobType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
