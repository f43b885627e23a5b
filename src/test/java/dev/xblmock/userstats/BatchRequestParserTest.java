package dev.xblmock.userstats;

import dev.xblmock.common.json.JsonMappers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.userstats.wire.V1BatchRequest;
import dev.xblmock.userstats.wire.V2BatchRequest.Source;
import dev.xblmock.userstats.wire.V2BatchRequest;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

class BatchRequestParserTest {

    private final BatchRequestParser parser = new BatchRequestParser(StatsProperties.defaults());
    /** Limits of 2 everywhere, to prove the configured values are the ones enforced. */
    private final BatchRequestParser small = new BatchRequestParser(new StatsProperties(2, 2, 2, 2, 2, DataSize.ofKilobytes(1)));

    private static JsonNode json(String text) {
        return JsonMappers.strict().readTree(text);
    }

    @Test
    void v1InRequestOrderWithDuplicatesAndNumericXuids() {
        V1BatchRequest request = parser.v1(json("""
                {"requestedscids":[{"scid":"b","requestedstats":["y","x","y"]},{"scid":"a","requestedstats":["z"]}],
                 "requestedusers":["2533274792693552",2533274792693551,"0002533274792693552"],
                 "unknownMember":true}"""));
        assertThat(request.users()).containsExactly(new Xuid(2533274792693552L), new Xuid(2533274792693551L),
                new Xuid(2533274792693552L));
        assertThat(request.scids()).containsExactly(new V1BatchRequest.ScidRequest("b", List.of("y", "x", "y")),
                new V1BatchRequest.ScidRequest("a", List.of("z")));
    }

    @Test
    void largestXuidAsANumber() {
        assertThat(parser.v1(json("{\"requestedusers\":[18446744073709551615],\"requestedscids\":[{\"scid\":\"s\",\"requestedstats\":[\"a\"]}]}"))
                .users()).containsExactly(Xuid.parse("18446744073709551615"));
    }

    @Test
    void configuredLimitsAreEnforced() {
        assertThatThrownBy(() -> small.v1(json("{\"requestedusers\":[1,2,3]}")))
                .hasMessage("Member 'requestedusers' has 3 entries; 1 to 2 are allowed (xblmock.stats.max-users).");
        assertThatThrownBy(() -> small.v1(json("{\"requestedusers\":[1],\"requestedscids\":[{},{},{}]}")))
                .hasMessage("Member 'requestedscids' has 3 entries; 1 to 2 are allowed (xblmock.stats.max-scids).");
        assertThatThrownBy(() -> small.v1(json("{\"requestedusers\":[1],\"requestedscids\":[{\"scid\":\"s\",\"requestedstats\":[\"a\",\"b\",\"c\"]}]}")))
                .hasMessage("Member 'requestedscids[0].requestedstats' has 3 entries; 1 to 2 are allowed "
                        + "(xblmock.stats.max-stats-per-scid).");
        assertThatThrownBy(() -> small.v2(json("{\"xuids\":[1],\"groups\":[{},{},{}]}")))
                .hasMessage("Member 'groups' has 3 entries; 0 to 2 are allowed (xblmock.stats.max-groups).");
        assertThatThrownBy(() -> small.v2(json("{\"xuids\":[1],\"stats\":[{},{},{},{},{}]}")))
                .hasMessage("Member 'stats' has 5 entries; 0 to 4 are allowed (xblmock.stats.max-scids x max-stats-per-scid).");
    }

    @Test
    void v2SourcesAndTitleIdsInCanonicalForm() {
        V2BatchRequest request = parser.v2(json("""
                {"arrangebyfield":"XUID","xuids":[1,"2"],
                 "stats":[{"name":"MinutesPlayed","titleId":983730484},{"name":"A.b-c_1","scid":"s"}],
                 "groups":[{"name":"Hero","titleId":"0983730484"}]}"""));
        assertThat(request.xuids()).containsExactly(new Xuid(1), new Xuid(2));
        assertThat(request.stats()).containsExactly(
                new V2BatchRequest.StatRequest("MinutesPlayed", Source.ofTitle("983730484")),
                new V2BatchRequest.StatRequest("A.b-c_1", Source.ofScid("s")));
        assertThat(request.groups()).containsExactly(new V2BatchRequest.GroupRequest("Hero", Source.ofTitle("983730484")));
    }

    @Test
    void nullMembersCountAsAbsent() {
        V2BatchRequest request = parser.v2(json("{\"xuids\":[1],\"stats\":null,\"groups\":[{\"name\":\"g\",\"scid\":\"s\",\"titleId\":null}]}"));
        assertThat(request.stats()).isEmpty();
        assertThat(request.groups()).hasSize(1);
    }

    @Test
    void errorsCarryTheRightCode() {
        assertThat(codeOf("{\"requestedusers\":[\"x\"]}")).isEqualTo(ErrorCode.INVALID_XUID);
        assertThat(codeOf("{\"requestedusers\":[1],\"requestedscids\":[{\"scid\":\"!\",\"requestedstats\":[\"a\"]}]}"))
                .isEqualTo(ErrorCode.INVALID_SCID);
        assertThat(codeOf("{\"requestedusers\":[1],\"requestedscids\":[{\"scid\":\"s\",\"requestedstats\":[\"\"]}]}"))
                .isEqualTo(ErrorCode.INVALID_STAT);
        assertThat(codeOf("{\"requestedusers\":{}}")).isEqualTo(ErrorCode.INVALID_BODY);
    }

    private ErrorCode codeOf(String body) {
        try {
            parser.v1(json(body));
            throw new AssertionError("no error for " + body);
        } catch (XblException e) {
            return e.errorCode();
        }
    }
}
