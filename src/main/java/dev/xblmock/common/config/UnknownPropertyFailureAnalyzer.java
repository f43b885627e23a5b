package dev.xblmock.common.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A misspelt {@code xblmock.*} property stops the start with Spring Boot's short report, naming the nearest one. */
public class UnknownPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnknownPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnknownPropertyException cause) {
        return new FailureAnalysis(String.join(System.lineSeparator(), cause.lines()),
                "Correct or remove it: the properties are listed in the README (Configuration) and by --help.", cause);
    }
}
