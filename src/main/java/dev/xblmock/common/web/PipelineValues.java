package dev.xblmock.common.web;

import java.util.Optional;

import dev.xblmock.common.identity.Identity;
import jakarta.servlet.ServletRequest;

/**
 * The values the pipeline's filters establish once per request (the caller's identity, the contract version)
 * and the one way to read them back: handlers get them as typed arguments ({@link PipelineArgumentResolver}),
 * later filters through these accessors. The request attribute names are this class's alone.
 */
public final class PipelineValues {

    private static final String IDENTITY = Identity.class.getName();
    private static final String CONTRACT_VERSION = ContractVersion.class.getName();

    private PipelineValues() {
    }

    static void setIdentity(ServletRequest request, Identity identity) {
        request.setAttribute(IDENTITY, identity);
    }

    static void setContractVersion(ServletRequest request, ContractVersion version) {
        request.setAttribute(CONTRACT_VERSION, version);
    }

    /** Empty before {@link AuthenticationFilter} accepted the request (a fault or an authentication refusal). */
    public static Optional<Identity> identity(ServletRequest request) {
        return Optional.ofNullable((Identity) request.getAttribute(IDENTITY));
    }

    /** Empty before {@link ContractVersionFilter} accepted the request. */
    public static Optional<ContractVersion> contractVersion(ServletRequest request) {
        return Optional.ofNullable((ContractVersion) request.getAttribute(CONTRACT_VERSION));
    }
}
