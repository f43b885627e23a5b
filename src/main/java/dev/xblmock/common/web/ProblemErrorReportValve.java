package dev.xblmock.common.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.xblmock.common.error.XblException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replaces Tomcat's HTML error page for the errors it answers before any filter runs (an unparseable request
 * line, {@code %00} or a bad escape in the path, oversized headers): the body is the same problem+json as
 * everywhere else, with an {@code X-Request-Id}, and the HTML report (with the server version) never appears.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    private final JsonMapper json = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return; // not an error, or somebody (our error controller) already wrote the body
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String rawPath = request.getRequestURI(); // null when the request line itself could not be parsed
        XblException problem = ContainerErrors.describe(status, rawPath, throwable, response.getMessage(),
                maxHeaderBytes(request));
        ProblemDetail body = ProblemAdvice.problem(problem, rawPath == null ? null : RawPath.toUriReference(rawPath));
        if (problem.status() < 500) {
            // the client's mistake, answered in full: one line at DEBUG (Tomcat's INFO stack trace is switched off)
            log.debug("{} {} answered by the HTTP layer: {}", problem.status(), problem.errorCode().code(), problem.detail());
        }
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            response.setStatus(problem.status());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            if (response.getHeader(CorrelationFilter.REQUEST_ID_HEADER) == null) {
                response.setHeader(CorrelationFilter.REQUEST_ID_HEADER, CorrelationFilter.newRequestId());
            }
            String cv = request.getHeader(CorrelationFilter.CORRELATION_VECTOR_HEADER);
            if (cv != null) {
                response.setHeader(CorrelationFilter.CORRELATION_VECTOR_HEADER, cv);
            }
            problem.headers().forEach(response::setHeader);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            log.debug("could not write the error report for status {}", status, e);
        }
    }

    private static int maxHeaderBytes(Request request) {
        if (request.getConnector() != null
                && request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
            return http.getMaxHttpRequestHeaderSize();
        }
        return -1;
    }
}
