package dev.xblmock.titlestorage.domain;

/** A namespace holding at least one blob: how many, and the sum of their sizes. */
public record NamespaceUsage(Namespace namespace, int blobs, long usedBytes) {
}
