package dev.xblmock.userstats.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The v2/v3 batch response: {@code groups} (one entry per requested group) and then {@code statlistscollection}
 * (one entry per requested xuid, in request order), the member order of the real service; both always present,
 * {@code []} when nothing was asked.
 */
@JsonPropertyOrder({"groups", "statlistscollection"})
public record V2BatchResponse(List<V2Group> groups, List<V2StatList> statlistscollection) {
}
