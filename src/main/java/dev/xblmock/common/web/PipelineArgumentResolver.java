package dev.xblmock.common.web;

import dev.xblmock.common.identity.Identity;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives an Xbox route's handler the caller's {@link Identity} and {@link ContractVersion} as typed arguments.
 * Both filters run before every Xbox route's handler, so a missing value is a wiring error, not a request error.
 */
public class PipelineArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == Identity.class || type == ContractVersion.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest webRequest,
                                  WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (parameter.getParameterType() == Identity.class) {
            return PipelineValues.identity(request).orElseThrow(() -> missing(AuthenticationFilter.class));
        }
        return PipelineValues.contractVersion(request).orElseThrow(() -> missing(ContractVersionFilter.class));
    }

    private static IllegalStateException missing(Class<?> filter) {
        return new IllegalStateException(filter.getSimpleName() + " must run before the handlers of Xbox routes");
    }
}
