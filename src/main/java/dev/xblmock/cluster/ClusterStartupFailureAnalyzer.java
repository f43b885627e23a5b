package dev.xblmock.cluster;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link ClusterStartupException} at startup into a short "what is wrong, what to do" report. */
class ClusterStartupFailureAnalyzer extends AbstractFailureAnalyzer<ClusterStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ClusterStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
