package dev.xblmock.emulator.faults;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.json.JsonMembers;
import tools.jackson.databind.JsonNode;

/** Validates a posted fault rule; every error is a 400 {@code InvalidFaultRule} naming the member. */
public final class FaultRuleParser {

    private static final Set<String> MEMBERS =
            Set.of("method", "path", "status", "retryAfterSeconds", "delayMs", "times", "probability", "seed");
    private static final String MEMBER_LIST =
            "method, path, status, retryAfterSeconds, delayMs, times, probability, seed";

    private FaultRuleParser() {
    }

    public static FaultRule parse(JsonNode body, Supplier<String> newId, Duration maxDelay) {
        JsonMembers rule = JsonMembers.of(body, "", ErrorCode.INVALID_FAULT_RULE, "a JSON object (a fault rule)")
                .allowOnly(MEMBERS, MEMBER_LIST);
        String method = rule.text("method").orElse(null);
        if (method != null && (method.isEmpty() || !method.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))) {
            throw rule.invalid("method", "must be an HTTP method name (letters only), e.g. GET");
        }
        String path = rule.text("path").orElse(null);
        if (path != null) {
            try {
                Pattern.compile(path);
            } catch (PatternSyntaxException e) {
                throw rule.invalid("path", "is not a valid Java regular expression (" + e.getDescription()
                        + " near index " + e.getIndex() + ")");
            }
        }
        Integer status = intOrNull(rule.integer("status", 400, 599));
        Integer retryAfter = intOrNull(rule.integer("retryAfterSeconds", 0, Integer.MAX_VALUE));
        Long delayMs = longOrNull(rule.integer("delayMs", 0, maxDelay.toMillis()));
        Long times = longOrNull(rule.integer("times", 1, Long.MAX_VALUE));
        var probability = rule.number("probability", 0.0, 1.0);
        Long seed = longOrNull(rule.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE));
        if (status == null && delayMs == null) {
            throw rule.invalid("status", "or 'delayMs' is required: a rule must inject an error, a delay or both");
        }
        if (retryAfter != null && status == null) {
            throw rule.invalid("retryAfterSeconds", "needs 'status': Retry-After comes with an injected error");
        }
        return new FaultRule(newId.get(), method, path, status, retryAfter, delayMs, times,
                probability.isPresent() ? probability.getAsDouble() : null, seed);
    }

    private static Integer intOrNull(OptionalLong value) {
        return value.isPresent() ? (int) value.getAsLong() : null;
    }

    private static Long longOrNull(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
