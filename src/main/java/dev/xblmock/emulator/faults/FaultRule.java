package dev.xblmock.emulator.faults;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * One fault rule as posted to {@code /_emulator/faults}, with its state: the hits it has left and, when it
 * has a {@code probability}, its own random sequence (seeded by {@code seed}, so a run is reproducible).
 * Absent members are null. The state changes under this rule's monitor, briefly, and only for requests the
 * rule matches.
 */
public final class FaultRule {

    /** What happened when a matching request asked this rule to fire. */
    enum Outcome {
        /** The rule applies to this request. */
        FIRED,
        /** The probability roll said no: the request proceeds normally. */
        SPARED,
        /** No hits left (a concurrent request took the last one): the rule no longer exists. */
        EXHAUSTED
    }

    final String id;
    final String method;
    final String pathRegex;
    final Integer status;
    final Integer retryAfterSeconds;
    final Long delayMs;
    final Long times;
    final Double probability;
    final Long seed;

    private final Pattern path;
    private final SplittableRandom random;
    private long remaining; // guarded by this; meaningful only when times != null

    FaultRule(String id, String method, String pathRegex, Integer status, Integer retryAfterSeconds, Long delayMs,
              Long times, Double probability, Long seed) {
        this.id = id;
        this.method = method;
        this.pathRegex = pathRegex;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.delayMs = delayMs;
        this.times = times;
        this.probability = probability;
        this.seed = seed;
        this.path = pathRegex == null ? null : Pattern.compile(pathRegex);
        this.random = probability == null ? null : seed == null ? new SplittableRandom() : new SplittableRandom(seed);
        this.remaining = times == null ? 0 : times;
    }

    /**
     * A rule kept outside this process (the cluster backend's database), as it is there now: its definition and
     * {@code remaining} hits. Its own {@link #fire()} state is not used: the shared store decides.
     */
    public static FaultRule restored(String id, String method, String pathRegex, Integer status,
                                     Integer retryAfterSeconds, Long delayMs, Long times, Long remaining,
                                     Double probability, Long seed) {
        FaultRule rule = new FaultRule(id, method, pathRegex, status, retryAfterSeconds, delayMs, times, probability,
                seed);
        if (times != null) {
            rule.remaining = remaining;
        }
        return rule;
    }

    /** The id the control plane shows ({@code "1"}, {@code "2"}, … counting from the last reset). */
    public String id() {
        return id;
    }

    public String method() {
        return method;
    }

    public String pathRegex() {
        return pathRegex;
    }

    public Integer status() {
        return status;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Long delayMs() {
        return delayMs;
    }

    public Long times() {
        return times;
    }

    public Double probability() {
        return probability;
    }

    public Long seed() {
        return seed;
    }

    /** {@code method} case-insensitively; {@code path} searched (not fully matched) in the raw path. */
    public boolean matches(String requestMethod, String rawPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod))
                && (path == null || path.matcher(rawPath).find());
    }

    /** Rolls the probability and takes one hit, atomically, so N concurrent requests never get N+1 faults. */
    synchronized Outcome fire() {
        if (times != null && remaining == 0) {
            return Outcome.EXHAUSTED;
        }
        if (random != null && random.nextDouble() >= probability) {
            return Outcome.SPARED;
        }
        if (times != null) {
            remaining--;
        }
        return Outcome.FIRED;
    }

    synchronized boolean exhausted() {
        return times != null && remaining == 0;
    }

    /** Hits left, or null for a rule without {@code times}. */
    public synchronized Long remaining() {
        return times == null ? null : remaining;
    }
}
