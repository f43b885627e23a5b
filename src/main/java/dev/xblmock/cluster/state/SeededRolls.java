package dev.xblmock.cluster.state;

/**
 * The n-th {@code nextDouble()} of {@code new SplittableRandom(seed)} (SplitMix64), computed directly: a seeded
 * fault rule rolls the same sequence on every instance of the cluster as it does in one process, each instance
 * claiming the next position from the database.
 */
final class SeededRolls {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private SeededRolls() {
    }

    /** {@code n} counts from 1, as the n-th call on a fresh generator. */
    static double nth(long seed, long n) {
        return (mix64(seed + n * GOLDEN_GAMMA) >>> 11) * DOUBLE_UNIT;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
