package dev.xblmock.userstats.wire;

import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One scid of a v1 user entry: {@code {"scid":"…","stats":[{"statname":…,"type":…,"value":…},…]}}; stats
 * the user lacks are simply absent. This is the innermost loop of a v1 batch (up to 100 users x 16 scids),
 * so it is written directly: each stat as its pre-encoded wire object ({@link Stat#v1Json()}).
 */
@JsonSerialize(using = V1ScidStats.Writer.class)
public record V1ScidStats(String scid, List<Stat> stats) {

    static final class Writer extends ValueSerializer<V1ScidStats> {

        private static final SerializableString SCID = new SerializedString("scid");
        private static final SerializableString STATS = new SerializedString("stats");

        @Override
        public void serialize(V1ScidStats value, JsonGenerator gen, SerializationContext context) {
            gen.writeStartObject();
            gen.writeName(SCID);
            gen.writeString(value.scid());
            gen.writeName(STATS);
            gen.writeStartArray();
            for (Stat stat : value.stats()) {
                gen.writeRawValue(stat.v1Json());
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
    }
}
