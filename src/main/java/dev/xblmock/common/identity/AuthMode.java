package dev.xblmock.common.identity;

/** How strictly the {@code Authorization} header is checked (SPEC 1.1). */
public enum AuthMode {
    /** Every request is accepted as anonymous; no ownership checks. */
    OFF,
    /** An {@code XBL3.0 x=…} header is required; emulator tokens are decoded without checking signatures. */
    LOOSE,
    /** A signed, unexpired emulator token is required. */
    STRICT
}
