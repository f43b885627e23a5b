package dev.xblmock.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call is refused with a given catalogue entry, and hands back the exception. */
public final class XblAssertions {

    private XblAssertions() {
    }

    public static XblException rejects(ErrorCode code, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(XblException.class);
        XblException e = (XblException) thrown;
        assertThat(e.errorCode()).as("error code of: %s", e.detail()).isEqualTo(code);
        return e;
    }
}
