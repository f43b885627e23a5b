package dev.xblmock.titlestorage;

import java.time.Instant;
import java.util.List;

import dev.xblmock.titlestorage.domain.Etag;

/** One page of a listing: the blobs, how many match in all, and the token of the next page (or null). */
public record ListingPage(List<Item> blobs, int totalItems, String continuationToken) {

    /** A listed blob; {@code clientFileTime} and {@code displayName} are null when unset. */
    public record Item(String fileName, Etag etag, long size, Instant clientFileTime, String displayName) {
    }
}
