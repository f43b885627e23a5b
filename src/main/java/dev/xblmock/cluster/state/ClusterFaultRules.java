package dev.xblmock.cluster.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.WeakHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

import dev.xblmock.emulator.faults.FaultRule;
import dev.xblmock.emulator.faults.FaultRuleParser;
import dev.xblmock.emulator.faults.FaultRuleSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The fault rules of the cluster backend, in table {@code fault_rule}, shared by every instance: each request
 * reads the rules (one query), matches them here, and takes a hit of the first matching one with one
 * {@code UPDATE … WHERE remaining > 0 RETURNING}, so a rule with {@code times: 2} fires exactly twice however
 * many instances ask at once. A seeded probability continues one random sequence across instances: the roll
 * count is claimed atomically ({@code rolls = rolls + 1}) and the roll is that element of the seed's sequence.
 */
public class ClusterFaultRules implements FaultRuleSet {

    private static final String COLUMNS =
            "row_id, id, method, path, status, retry_after_seconds, delay_ms, times, remaining, probability, seed";

    private final JdbcClient jdbc;
    private final Duration maxDelay;
    /** Definitions by row id, their path patterns compiled once; replaced at each read, so bounded by the rules. */
    private volatile Map<Long, FaultRule> definitions = Map.of();
    /** The rules this instance added, to remove exactly them (a reset restarts the ids the control plane shows). */
    private final Map<FaultRule, Long> added = Collections.synchronizedMap(new WeakHashMap<>());

    public ClusterFaultRules(DataSource dataSource, Duration maxDelay) {
        this.jdbc = JdbcClient.create(dataSource);
        this.maxDelay = maxDelay;
    }

    /** The id is claimed from the shared counter in the same statement that stores the rule. */
    @Override
    public FaultRule add(JsonNode body) {
        FaultRule parsed = FaultRuleParser.parse(body, () -> "0", maxDelay);
        Row row = jdbc.sql("""
                        WITH next AS (UPDATE shared_counter SET value = value + 1 WHERE name = 'fault_rule_id'
                                      RETURNING value)
                        INSERT INTO fault_rule (id, method, path, status, retry_after_seconds, delay_ms, times,
                                                remaining, probability, seed)
                        SELECT next.value, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM next
                        RETURNING\s""" + COLUMNS)
                .params(parsed.method(), parsed.pathRegex(), parsed.status(), parsed.retryAfterSeconds(),
                        parsed.delayMs(), parsed.times(), parsed.times(), parsed.probability(), parsed.seed())
                .query(ClusterFaultRules::row).single();
        FaultRule rule = row.rule();
        added.put(rule, row.rowId());
        return rule;
    }

    @Override
    public List<FaultRule> list() {
        return rows().stream().map(Row::rule).toList();
    }

    @Override
    public boolean remove(String id) {
        if (!id.matches("[1-9][0-9]{0,17}")) {
            return false; // ids are shown without leading zeros, and only that text names the rule
        }
        return jdbc.sql("DELETE FROM fault_rule WHERE id = ?").param(Long.parseLong(id)).update() > 0;
    }

    @Override
    public boolean remove(FaultRule rule) {
        Long rowId = added.remove(rule);
        return rowId != null && jdbc.sql("DELETE FROM fault_rule WHERE row_id = ?").param(rowId).update() > 0;
    }

    @Override
    public Optional<FaultRule> select(String method, String rawPath) {
        List<Row> rows = rows();
        Map<Long, FaultRule> known = definitions;
        Map<Long, FaultRule> current = new HashMap<>();
        for (Row row : rows) {
            FaultRule definition = known.get(row.rowId());
            current.put(row.rowId(), definition != null ? definition : row.rule());
        }
        definitions = current;
        for (Row row : rows) {
            FaultRule rule = current.get(row.rowId());
            if (!rule.matches(method, rawPath)) {
                continue;
            }
            Optional<Boolean> spared = roll(row);
            if (spared.isEmpty()) {
                continue; // its last hit went to another request meanwhile: the rule is gone
            }
            if (spared.get()) {
                return Optional.empty();
            }
            if (row.times() == null) {
                return Optional.of(rule);
            }
            OptionalLong remaining = takeHit(row.rowId());
            if (remaining.isPresent()) {
                return Optional.of(FaultRule.restored(row.id(), row.method(), row.path(), row.status(),
                        row.retryAfterSeconds(), row.delayMs(), row.times(), remaining.getAsLong(),
                        row.probability(), row.seed()));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the probability spares the request (false without one); empty when the rule ran out of hits. A
     * seeded rule's roll is the next element of its sequence, claimed atomically across instances.
     */
    private Optional<Boolean> roll(Row row) {
        if (row.probability() == null) {
            return Optional.of(false);
        }
        double roll;
        if (row.seed() == null) {
            roll = ThreadLocalRandom.current().nextDouble();
        } else {
            Optional<Long> n = jdbc.sql("""
                            UPDATE fault_rule SET rolls = rolls + 1
                            WHERE row_id = ? AND (remaining IS NULL OR remaining > 0) RETURNING rolls""")
                    .param(row.rowId()).query(Long.class).optional();
            if (n.isEmpty()) {
                return Optional.empty();
            }
            roll = SeededRolls.nth(row.seed(), n.get());
        }
        return Optional.of(roll >= row.probability());
    }

    /** Takes one hit: the hits left after it, or empty when none was left. The last hit removes the rule. */
    private OptionalLong takeHit(long rowId) {
        Optional<Long> remaining = jdbc.sql(
                        "UPDATE fault_rule SET remaining = remaining - 1 WHERE row_id = ? AND remaining > 0 RETURNING remaining")
                .param(rowId).query(Long.class).optional();
        if (remaining.isEmpty()) {
            return OptionalLong.empty();
        }
        if (remaining.get() == 0) {
            jdbc.sql("DELETE FROM fault_rule WHERE row_id = ? AND remaining = 0").param(rowId).update();
        }
        return OptionalLong.of(remaining.get());
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM fault_rule").update();
    }

    @Override
    public void reset() {
        jdbc.sql("""
                WITH dropped AS (DELETE FROM fault_rule)
                UPDATE shared_counter SET value = 0 WHERE name = 'fault_rule_id'""").update();
    }

    private List<Row> rows() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fault_rule WHERE remaining IS NULL OR remaining > 0 ORDER BY row_id")
                .query(ClusterFaultRules::row).list();
    }

    private record Row(long rowId, String id, String method, String path, Integer status, Integer retryAfterSeconds,
                       Long delayMs, Long times, Long remaining, Double probability, Long seed) {

        FaultRule rule() {
            return FaultRule.restored(id, method, path, status, retryAfterSeconds, delayMs, times, remaining,
                    probability, seed);
        }
    }

    private static Row row(ResultSet rs, int rowNumber) throws SQLException {
        return new Row(rs.getLong("row_id"), Long.toString(rs.getLong("id")), rs.getString("method"),
                rs.getString("path"), rs.getObject("status", Integer.class),
                rs.getObject("retry_after_seconds", Integer.class), rs.getObject("delay_ms", Long.class),
                rs.getObject("times", Long.class), rs.getObject("remaining", Long.class),
                rs.getObject("probability", Double.class), rs.getObject("seed", Long.class));
    }
}
