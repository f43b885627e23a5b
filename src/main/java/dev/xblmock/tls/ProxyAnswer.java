package dev.xblmock.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.xblmock.common.json.JsonMappers;
import dev.xblmock.common.error.ErrorCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proxy's own short answers: {@code 200 Connection Established} to a {@code CONNECT}, and the problem+json
 * refusals (400/403/503), each closing the connection.
 */
final class ProxyAnswer {

    private static final JsonMapper JSON = JsonMappers.plain();

    static final byte[] CONNECTION_ESTABLISHED =
            "HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private ProxyAnswer() {
    }

    static void writeProblem(OutputStream out, ErrorCode code, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", code.typeUri());
        problem.put("title", code.title());
        problem.put("status", code.status().value());
        problem.put("detail", detail);
        problem.put("code", code.code());
        byte[] body = JSON.writeValueAsBytes(problem);
        String head = "HTTP/1.1 " + code.status().value() + " " + code.status().getReasonPhrase() + "\r\n"
                + "Content-Type: application/problem+json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }
}
