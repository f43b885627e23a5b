package dev.xblmock.titlestorage;

/** A namespace's committed bytes and its quota. */
public record QuotaInfo(long usedBytes, long quotaBytes) {
}
