package dev.xblmock.common.web;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** SPEC 1.3: parses {@code x-xbl-contract-version}; 400 when malformed, 406 when the service lacks it. */
@Component
public class ContractVersionFilter extends XboxRouteFilter {

    public ContractVersionFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        super(resolver, FilterOrder.CONTRACT_VERSION);
    }

    @Override
    protected void check(HttpServletRequest request, HttpServletResponse response) {
        ContractVersion version = ContractVersion.parse(request.getHeader(ContractVersion.HEADER));
        XboxService service = XboxService.of(request.getRequestURI());
        if (!service.supportsContractVersion(version.value())) {
            throw XblException.of(ErrorCode.UNSUPPORTED_CONTRACT_VERSION,
                    "Header x-xbl-contract-version %d is not supported by %s; supported: %s.", version.value(),
                    service.journalName(), service == XboxService.TITLE_STORAGE ? "1, 2" : "1, 2, 3");
        }
        PipelineValues.setContractVersion(request, version);
    }
}
