package dev.xblmock.titlestorage.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import dev.xblmock.common.web.NonBlockingBody;
import dev.xblmock.titlestorage.Download;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Writes a {@link Download} to the servlet response: the Xbox route's and the control plane's blob reads. */
public final class DownloadResponses {

    private DownloadResponses() {
    }

    /** Bodies go out with non-blocking writes: a client that reads slowly or not at all holds no worker thread. */
    public static void write(Download download, HttpServletRequest request, HttpServletResponse response,
                             NonBlockingBody bodies) throws IOException {
        response.setHeader(HttpHeaders.ETAG, download.etag().toString());
        if (download instanceof Download.NotModified) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        if (download instanceof Download.Document document) {
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setContentLength(document.json().length);
            bodies.send(request, response, new ByteArrayInputStream(document.json()), document.json().length);
            return;
        }
        Download.Bytes bytes = (Download.Bytes) download;
        response.setStatus(bytes.range() == null ? HttpStatus.OK.value() : HttpStatus.PARTIAL_CONTENT.value());
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setContentType(bytes.contentType());
        response.setContentLengthLong(bytes.length());
        if (bytes.range() != null) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, bytes.range().contentRange());
        }
        bodies.send(request, response, bytes.body().open(), bytes.length());
    }
}
