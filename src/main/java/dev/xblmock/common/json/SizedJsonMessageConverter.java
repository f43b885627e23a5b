package dev.xblmock.common.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON converter of every controller answer, problem+json included, serializing to bytes first so the
 * answer carries {@code Content-Length} (SPEC 1.6). Streamed to the servlet, the body of a
 * {@code ResponseEntity} went out chunked (Spring flushes the response after writing it), and the C# port of
 * XSAPI hangs on an answer without a length. The JSON answers are small (a listing page, a journal of at most
 * {@code xblmock.journal.capacity} entries); the one true stream, the batch download, writes its own parts.
 */
public class SizedJsonMessageConverter extends JacksonJsonHttpMessageConverter {

    public SizedJsonMessageConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    protected void writeInternal(Object value, ResolvableType type, HttpOutputMessage message, Map<String, Object> hints)
            throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        super.writeInternal(value, type, new HttpOutputMessage() {
            @Override
            public OutputStream getBody() {
                return buffer;
            }

            @Override
            public HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        }, hints);
        // set before getBody(), which commits the headers
        message.getHeaders().setContentLength(buffer.size());
        buffer.writeTo(message.getBody());
    }

    /** Puts this converter in the JSON slot of the server's converters, after Spring Boot's own choice. */
    @Component
    static class Registration implements ServerHttpMessageConvertersCustomizer, Ordered {

        private final JsonMapper mapper;

        Registration(JsonMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public void customize(HttpMessageConverters.ServerBuilder builder) {
            builder.withJsonConverter(new SizedJsonMessageConverter(mapper));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
