package dev.xblmock.userstats.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The v2/v3 single-user response: {@code {"statlistscollection":[{…one entry for the user…}]}}. */
@JsonPropertyOrder({"statlistscollection"})
public record V2SingleResponse(List<V2StatList> statlistscollection) {
}
