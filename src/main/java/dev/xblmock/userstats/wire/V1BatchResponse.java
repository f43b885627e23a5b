package dev.xblmock.userstats.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The v1 batch response (SPEC 4.2): one entry per requested user, in request order; never empty or null. */
@JsonPropertyOrder({"users"})
public record V1BatchResponse(List<V1UserStats> users) {
}
