package dev.xblmock.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.xblmock.common.error.XblException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every {@link FaultRuleSet} does, in one process or shared by the instances of a cluster: one subclass per
 * implementation. {@link #sameRules()} is a second instance on the same state (the same object in one process).
 */
public abstract class FaultRuleSetContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    protected FaultRuleSet rules;

    /** A new, empty rule set. */
    protected abstract FaultRuleSet newRules();

    /** Another instance deciding on the same rules as {@link #rules}. */
    protected abstract FaultRuleSet sameRules();

    @BeforeEach
    void createRules() {
        rules = newRules();
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void rulesAreListedOldestFirstWithTheirIdsAndHitsLeft() {
        FaultRule first = rules.add(json("{\"method\":\"get\",\"path\":\"^/a\",\"status\":503,\"retryAfterSeconds\":7,\"times\":3}"));
        FaultRule second = rules.add(json("{\"delayMs\":5,\"probability\":0.25,\"seed\":9}"));

        assertThat(first.id()).isEqualTo("1");
        assertThat(second.id()).isEqualTo("2");
        List<FaultRule> listed = sameRules().list();
        assertThat(listed).extracting(FaultRule::id).containsExactly("1", "2");
        FaultRule one = listed.get(0);
        assertThat(List.of(one.method(), one.pathRegex(), one.status(), one.retryAfterSeconds(), one.times(), one.remaining()))
                .containsExactly("get", "^/a", 503, 7, 3L, 3L);
        assertThat(one.delayMs()).isNull();
        FaultRule two = listed.get(1);
        assertThat(List.of(two.delayMs(), two.probability(), two.seed())).containsExactly(5L, 0.25, 9L);
        assertThat(two.times()).isNull();
        assertThat(two.remaining()).isNull();
    }

    @Test
    void anInvalidRuleIsRefusedAndTakesNoId() {
        assertThatThrownBy(() -> rules.add(json("{\"status\":503,\"colour\":1}"))).isInstanceOf(XblException.class);
        assertThat(rules.add(json("{\"status\":500}")).id()).isEqualTo("1");
    }

    @Test
    void theOldestMatchingRuleDecides() {
        rules.add(json("{\"method\":\"PUT\",\"status\":500}"));
        rules.add(json("{\"path\":\"/stats\",\"status\":429}"));
        rules.add(json("{\"status\":503}"));

        assertThat(sameRules().select("put", "/stats/x").map(FaultRule::status)).contains(500);
        assertThat(sameRules().select("GET", "/x/stats/y").map(FaultRule::status)).contains(429);
        assertThat(sameRules().select("GET", "/titlestorage").map(FaultRule::status)).contains(503);
    }

    @Test
    void noRuleNoFault() {
        assertThat(rules.select("GET", "/a")).isEmpty();
        rules.add(json("{\"path\":\"^/b\",\"status\":500}"));
        assertThat(rules.select("GET", "/a")).isEmpty();
    }

    @Test
    void aRuleWithTimesFiresExactlyThatOftenAcrossInstancesThenIsGone() throws Exception {
        rules.add(json("{\"status\":503,\"times\":2}"));
        FaultRuleSet other = sameRules();
        List<Callable<Optional<FaultRule>>> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            FaultRuleSet instance = i % 2 == 0 ? rules : other;
            requests.add(() -> instance.select("GET", "/titlestorage/x"));
        }

        List<Optional<FaultRule>> outcomes = concurrently(requests);

        List<FaultRule> fired = outcomes.stream().flatMap(Optional::stream).toList();
        assertThat(fired).hasSize(2);
        assertThat(rules.list()).isEmpty();
        assertThat(other.list()).isEmpty();
    }

    @Test
    void aSeededProbabilityRollsTheSameSequenceWhicheverInstanceAsks() {
        rules.add(json("{\"status\":500,\"probability\":0.5,\"seed\":42}"));
        FaultRuleSet other = sameRules();
        SplittableRandom expected = new SplittableRandom(42);
        for (int i = 0; i < 40; i++) {
            boolean fires = expected.nextDouble() < 0.5;
            FaultRuleSet instance = i % 3 == 0 ? other : rules;
            assertThat(instance.select("GET", "/x").isPresent()).as("request %d", i).isEqualTo(fires);
        }
    }

    @Test
    void aSparedRequestTakesNoHit() {
        rules.add(json("{\"status\":500,\"probability\":0.5,\"seed\":42,\"times\":3}"));
        SplittableRandom expected = new SplittableRandom(42);
        int fired = 0;
        for (int i = 0; i < 40; i++) {
            boolean fires = fired < 3 && expected.nextDouble() < 0.5;
            Optional<FaultRule> selected = (i % 2 == 0 ? rules : sameRules()).select("GET", "/x");
            assertThat(selected.isPresent()).as("request %d", i).isEqualTo(fires);
            if (fires) {
                fired++;
                assertThat(selected.get().remaining()).isEqualTo(3L - fired);
            }
        }
        assertThat(fired).isEqualTo(3);
        assertThat(rules.list()).isEmpty();
    }

    @Test
    void removedByIdOrByTheRuleItself() {
        FaultRule first = rules.add(json("{\"status\":500}"));
        rules.add(json("{\"status\":501}"));

        assertThat(sameRules().remove("2")).isTrue();
        assertThat(sameRules().remove("2")).isFalse();
        assertThat(rules.remove("nope")).isFalse();
        assertThat(rules.remove("01")).isFalse();
        assertThat(rules.remove(first)).isTrue();
        assertThat(rules.remove(first)).isFalse();
        assertThat(rules.list()).isEmpty();
    }

    @Test
    void aRuleHandleNeverRemovesTheRuleThatGotItsIdAfterAReset() {
        FaultRule old = rules.add(json("{\"status\":500}"));
        sameRules().reset();
        FaultRule successor = rules.add(json("{\"status\":502}"));

        assertThat(successor.id()).isEqualTo(old.id());
        assertThat(rules.remove(old)).isFalse();
        assertThat(rules.list()).extracting(FaultRule::status).containsExactly(502);
    }

    @Test
    void clearKeepsTheIdsCountingResetRestartsThem() {
        rules.add(json("{\"status\":500}"));
        sameRules().clear();
        assertThat(rules.list()).isEmpty();
        assertThat(rules.add(json("{\"status\":500}")).id()).isEqualTo("2");

        sameRules().reset();
        assertThat(rules.list()).isEmpty();
        assertThat(rules.add(json("{\"status\":500}")).id()).isEqualTo("1");
    }

    static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(tasks.size(), 16));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
