package dev.xblmock.common.web;

import java.util.Optional;

/** A bounded context's knowledge of its own routes, used to add a "did you mean" hint to a 404. */
public interface RouteHints {

    Optional<String> hintFor(String method, String rawPath);
}
