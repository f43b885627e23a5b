package dev.xblmock.userstats;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The v2/v3 batch response: {@code statlistscollection} (one entry per requested xuid, in request order)
 * and {@code groups} (one entry per requested group); both always present, {@code []} when nothing was asked.
 */
@JsonPropertyOrder({"statlistscollection", "groups"})
public record V2BatchResponse(List<V2StatList> statlistscollection, List<V2Group> groups) {
}
