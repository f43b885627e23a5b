package dev.xblmock.common.storage;

/**
 * State that {@code POST /_emulator/reset} drops: blobs, pending uploads, stats, the journal, fault rules.
 * Every bean holding such state implements this, so reset (and the test fixture) need no list of them.
 */
public interface Resettable {

    void reset();
}
