package dev.xblmock.titlestorage.store;

/** A slice of one object in the bucket: {@code length} bytes from {@code offset}. A blob version is a list of them. */
record ClusterSegment(String objectKey, long offset, long length) {
}
