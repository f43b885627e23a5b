package dev.xblmock.common.web;

import java.util.Locale;
import java.util.Optional;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;

/**
 * SPEC 1.6: which Xbox routes a request's {@code Host} may reach. Behind the proxy, the hosts file or Docker's
 * aliases a request names the real host it was meant for, and a client with a wrong base URL must fail here as
 * it would in production: {@code titlestorage.xboxlive.com} serves Title Storage only,
 * {@code userstats.xboxlive.com} User Statistics only, and another {@code xboxlive.com} name (which the proxy
 * tunnels, since the certificate covers {@code *.xboxlive.com}) no Xbox route at all. Loopback names, IP
 * addresses and any other name serve both services, as one local listener does.
 */
public final class ServiceHosts {

    private static final String XBOX_DOMAIN = "xboxlive.com";

    private ServiceHosts() {
    }

    /**
     * The 404 {@code NoSuchRoute} for an Xbox route ({@code rawPath}, outside the control plane) the host does
     * not serve, or empty when it does.
     */
    public static Optional<XblException> refusal(String method, String hostName, String rawPath) {
        if (hostName == null) {
            return Optional.empty();
        }
        String host = normalized(hostName);
        if (!host.equals(XBOX_DOMAIN) && !host.endsWith("." + XBOX_DOMAIN)) {
            return Optional.empty();
        }
        XboxService asked = XboxService.of(rawPath);
        for (XboxService service : new XboxService[] {XboxService.TITLE_STORAGE, XboxService.USER_STATS}) {
            if (host.equals(service.host())) {
                if (asked == service) {
                    return Optional.empty();
                }
                String elsewhere = asked.host() == null ? ""
                        : " " + asked.title() + " is emulated at " + asked.host() + ".";
                return Optional.of(XblException.of(ErrorCode.NO_SUCH_ROUTE,
                        "No route matches %s %s on host %s, which serves %s only.%s", method,
                        Identifiers.printable(rawPath), host, service.title(), elsewhere));
            }
        }
        return Optional.of(XblException.of(ErrorCode.NO_SUCH_ROUTE,
                "Host %s is not emulated: xblmock answers %s (%s) and %s (%s); requests for other Xbox Live "
                        + "services must not reach it.", host, XboxService.TITLE_STORAGE.host(),
                XboxService.TITLE_STORAGE.title(), XboxService.USER_STATS.host(), XboxService.USER_STATS.title()));
    }

    /** Lower case, without the trailing dot of a fully qualified name. */
    private static String normalized(String hostName) {
        String host = hostName.toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
