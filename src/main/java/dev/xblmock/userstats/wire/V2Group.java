package dev.xblmock.userstats.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One requested group of a v2 batch: {@code {"name","titleid"?,"statlistscollection":[…]}}, {@code titleid}
 * when the group was asked by title; an undefined group has an empty {@code statlistscollection}.
 */
@JsonPropertyOrder({"name", "titleid", "statlistscollection"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record V2Group(String name, String titleid, List<V2StatList> statlistscollection) {
}
