package dev.xblmock.userstats.wire;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A stat in the v2/v3 shape (SPEC 4.4):
 * {@code {"groupproperties"?,"xuid","scid","titleid"?,"name","type","value","valuemetadata"?,"properties":{…}}}.
 * {@code groupproperties} on a batch answer's stats ({@code {}} at the top level, the group's definition in a
 * group), not on a single user's; {@code titleid} only when the stat was asked by title; {@code valuemetadata}
 * only in version 3 with {@code ?include=valuemetadata}; {@code properties} the stat's own ({@code {}} when none).
 */
@JsonPropertyOrder({"groupproperties", "xuid", "scid", "titleid", "name", "type", "value", "valuemetadata", "properties"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record V2Stat(Map<String, String> groupproperties, String xuid, String scid, String titleid, String name,
                     String type, String value, String valuemetadata, Map<String, String> properties) {
}
