package dev.xblmock.emulator.faults;

import java.util.Map;
import java.util.Optional;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.web.FilterOrder;
import dev.xblmock.common.web.XboxRouteFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Applies fault rules to Xbox requests, before authentication (SPEC 7): the oldest matching rule delays the
 * request and/or answers it with its status as a problem ({@code code: InjectedFault}, {@code Retry-After}
 * when set). A rule with only a delay lets the request proceed normally afterwards.
 */
@Component
public class FaultFilter extends XboxRouteFilter {

    private final FaultRuleSet rules;

    public FaultFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver, FaultRuleSet rules) {
        super(resolver, FilterOrder.FAULTS);
        this.rules = rules;
    }

    @Override
    protected void check(HttpServletRequest request, HttpServletResponse response) {
        Optional<FaultRule> selected = rules.select(request.getMethod(), request.getRequestURI());
        if (selected.isEmpty()) {
            return;
        }
        FaultRule rule = selected.get();
        if (rule.delayMs != null && rule.delayMs > 0) {
            sleep(rule.delayMs);
        }
        if (rule.status != null) {
            Map<String, String> headers = rule.retryAfterSeconds == null
                    ? Map.of() : Map.of(HttpHeaders.RETRY_AFTER, Integer.toString(rule.retryAfterSeconds));
            throw new XblException(ErrorCode.INJECTED_FAULT, rule.status,
                    "Fault rule " + rule.id + " injected status " + rule.status + ".", headers);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping; answer at once
        }
    }
}
