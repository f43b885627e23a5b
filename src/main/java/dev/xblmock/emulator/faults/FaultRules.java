package dev.xblmock.emulator.faults;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import dev.xblmock.common.storage.Resettable;
import dev.xblmock.emulator.config.EmulatorProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The fault rules, oldest first. The oldest rule matching a request decides: it fires (delay and/or error),
 * or its probability spares the request, which then proceeds normally. A rule whose {@code times} run out is
 * removed. Reading the list is lock-free, so an Xbox request pays one volatile read when there are no rules.
 */
@Component
public class FaultRules implements Resettable {

    private final CopyOnWriteArrayList<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong lastId = new AtomicLong();
    private final Duration maxDelay;

    public FaultRules(EmulatorProperties properties) {
        this.maxDelay = properties.faults().maxDelay();
    }

    /**
     * Validates a rule as posted to {@code /_emulator/faults} (400 {@code InvalidFaultRule} naming the member)
     * and adds it as the youngest rule. The in-process test fixture adds its rules through here too.
     */
    public FaultRule add(JsonNode body) {
        FaultRule rule = FaultRuleParser.parse(body, this::nextId, maxDelay);
        rules.add(rule);
        return rule;
    }

    public List<FaultRule> list() {
        return List.copyOf(rules);
    }

    boolean remove(String id) {
        return rules.removeIf(rule -> rule.id.equals(id));
    }

    /** Removes this very rule (not another that got its id after a reset); false when it is already gone. */
    public boolean remove(FaultRule rule) {
        return rules.remove(rule);
    }

    private String nextId() {
        return Long.toString(lastId.incrementAndGet());
    }

    /** The rule to apply to this request, if one fires. */
    Optional<FaultRule> select(String method, String rawPath) {
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        for (FaultRule rule : rules) {
            if (!rule.matches(method, rawPath)) {
                continue;
            }
            switch (rule.fire()) {
                case FIRED -> {
                    if (rule.exhausted()) {
                        rules.remove(rule);
                    }
                    return Optional.of(rule);
                }
                case SPARED -> {
                    return Optional.empty();
                }
                case EXHAUSTED -> rules.remove(rule);
            }
        }
        return Optional.empty();
    }

    /** {@code DELETE /_emulator/faults}: drops every rule; ids keep counting. */
    public void clear() {
        rules.clear();
    }

    /** Drops every rule; ids start again at 1 so tests see stable ids. */
    @Override
    public void reset() {
        rules.clear();
        lastId.set(0);
    }
}
