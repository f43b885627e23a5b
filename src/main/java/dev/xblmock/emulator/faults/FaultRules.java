package dev.xblmock.emulator.faults;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import dev.xblmock.common.storage.ProcessLocalState;
import dev.xblmock.common.storage.Resettable;
import dev.xblmock.emulator.config.EmulatorProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The fault rules of this process, oldest first. The oldest rule matching a request decides: it fires (delay
 * and/or error), or its probability spares the request, which then proceeds normally. A rule whose {@code times}
 * run out is removed. Reading the list is lock-free, so an Xbox request pays one volatile read when there are no
 * rules. The cluster backend keeps its rules in the shared database instead.
 */
@Component
@Conditional(ProcessLocalState.class)
public class FaultRules implements FaultRuleSet {

    private final CopyOnWriteArrayList<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong lastId = new AtomicLong();
    private final Duration maxDelay;

    public FaultRules(EmulatorProperties properties) {
        this.maxDelay = properties.faults().maxDelay();
    }

    @Override
    public FaultRule add(JsonNode body) {
        FaultRule rule = FaultRuleParser.parse(body, this::nextId, maxDelay);
        rules.add(rule);
        return rule;
    }

    @Override
    public List<FaultRule> list() {
        return List.copyOf(rules);
    }

    @Override
    public boolean remove(String id) {
        return rules.removeIf(rule -> rule.id.equals(id));
    }

    @Override
    public boolean remove(FaultRule rule) {
        return rules.remove(rule);
    }

    private String nextId() {
        return Long.toString(lastId.incrementAndGet());
    }

    @Override
    public Optional<FaultRule> select(String method, String rawPath) {
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

    @Override
    public void clear() {
        rules.clear();
    }

    @Override
    public void reset() {
        rules.clear();
        lastId.set(0);
    }
}
