package dev.xblmock.common.storage;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches on every backend that keeps its state in this process (memory, filesystem): not with
 * {@code xblmock.storage.backend=cluster}, whose instances share that state through PostgreSQL instead. The exact
 * complement of {@code @ConditionalOnProperty(prefix = "xblmock.storage", name = "backend", havingValue = "cluster")}.
 */
public final class ProcessLocalState implements Condition {

    private static final String CLUSTER = "cluster";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !CLUSTER.equalsIgnoreCase(context.getEnvironment().getProperty("xblmock.storage.backend"));
    }
}
