package dev.xblmock.emulator.faults;

import java.util.List;
import java.util.Optional;

import dev.xblmock.common.storage.Resettable;
import tools.jackson.databind.JsonNode;

/**
 * The fault rules, oldest first, and the decision which of them applies to a request: {@link FaultRules} in this
 * process, or the cluster backend's rules shared by every instance. The oldest rule matching a request decides: it
 * fires (delay and/or error), or its probability spares the request; a rule whose {@code times} run out is gone.
 */
public interface FaultRuleSet extends Resettable {

    /**
     * Validates a rule as posted to {@code /_emulator/faults} (400 {@code InvalidFaultRule} naming the member)
     * and adds it as the youngest rule. The in-process test fixture adds its rules through here too.
     */
    FaultRule add(JsonNode body);

    /** The rules, oldest first, each with its hits left. */
    List<FaultRule> list();

    /** Removes the rule listed with this id; false when there is none. */
    boolean remove(String id);

    /** Removes this very rule (not another that got its id after a reset); false when it is already gone. */
    boolean remove(FaultRule rule);

    /** The rule to apply to this request, if one fires (taking one of its hits). */
    Optional<FaultRule> select(String method, String rawPath);

    /** {@code DELETE /_emulator/faults}: drops every rule; ids keep counting. */
    void clear();

    /** Drops every rule; ids start again at 1 so tests see stable ids. */
    @Override
    void reset();
}
