package dev.xblmock.tls;

/** A proxy request the proxy cannot understand; answered 400 {@code MalformedProxyRequest} and closed. */
final class MalformedProxyRequestException extends Exception {

    MalformedProxyRequestException(String detail) {
        super(detail, null, false, false);
    }
}
