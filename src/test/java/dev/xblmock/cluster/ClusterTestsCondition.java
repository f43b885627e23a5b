package dev.xblmock.cluster;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the {@code cluster-backend} failsafe execution (which registers it by JUnit's extension auto-detection), skips
 * every test where the cluster engines cannot run (as root), with the reason, instead of failing each context.
 */
public class ClusterTestsCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!Boolean.getBoolean(ClusterContextCustomizerFactory.SWITCH)) {
            return ConditionEvaluationResult.enabled("not the cluster execution");
        }
        return ClusterEngines.unavailable()
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("the cluster engines run here"));
    }
}
