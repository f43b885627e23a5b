package dev.xblmock.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Small bodies go out at once (larger ones go asynchronous: {@code SlowClientsIT}). */
class NonBlockingBodyTest {

    private final NonBlockingBody bodies = new NonBlockingBody(
            new HttpProperties(Duration.ofSeconds(30), Duration.ofSeconds(60), null));

    @Test
    void aBodyThatFitsTheSocketBufferIsWrittenAtOnce() throws IOException {
        MockHttpServletRequest request = asyncCapable();
        MockHttpServletResponse response = new MockHttpServletResponse();
        byte[] body = new byte[NonBlockingBody.SMALL_BODY_BYTES];
        body[body.length - 1] = 7;

        bodies.send(request, response, new ByteArrayInputStream(body), body.length);

        assertThat(request.isAsyncStarted()).isFalse();
        assertThat(response.getContentAsByteArray()).isEqualTo(body);
    }

    private static MockHttpServletRequest asyncCapable() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/global/scids/S/data/a.bin,binary");
        request.setAsyncSupported(true);
        return request;
    }
}
