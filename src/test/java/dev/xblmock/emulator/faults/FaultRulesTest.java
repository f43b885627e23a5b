package dev.xblmock.emulator.faults;

import java.time.Duration;

import dev.xblmock.emulator.config.EmulatorProperties;


/** The in-process fault rules against the shared contract; one process is its own "other instance". */
class FaultRulesTest extends FaultRuleSetContract {

    @Override
    protected FaultRuleSet newRules() {
        return new FaultRules(new EmulatorProperties(null, null, null, new EmulatorProperties.Faults(Duration.ofMinutes(10))));
    }

    @Override
    protected FaultRuleSet sameRules() {
        return rules;
    }
}
