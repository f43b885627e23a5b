package dev.xblmock.emulator.seed;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an invalid startup seed into Spring Boot's short failure report instead of a stack trace. */
public class InvalidSeedFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSeedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSeedException cause) {
        return new FailureAnalysis("Invalid seed " + cause.seed() + ": " + cause.reason(),
                "Fix the entry named above in the seed manifest, or unset xblmock.seed.", cause);
    }
}
