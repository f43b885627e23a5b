package dev.xblmock.userstats;

import java.util.function.Supplier;

import dev.xblmock.common.error.XblException;

/** Prefixes a validator's error with the request member it was checking, e.g. {@code requestedusers[3]}. */
public final class Members {

    private Members() {
    }

    public static <T> T at(String member, Supplier<T> check) {
        try {
            return check.get();
        } catch (XblException e) {
            throw new XblException(e.errorCode(), e.status(), member + ": " + e.detail(), e.headers());
        }
    }
}
