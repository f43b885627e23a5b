package dev.xblmock.common.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Lets hostile request targets reach the emulator's own checks instead of Tomcat's HTML 400 page:
 * <ul>
 *   <li>{@code %2F}, {@code %5C} and a raw {@code \} are passed through undecoded, so {@link RawPathFilter}
 *       (after authentication, as SPEC 7 orders) answers them with {@code InvalidPath} and the position;</li>
 *   <li>the characters Tomcat can be told to tolerate unencoded ({@code < > [ \ ] ^ ` { | }}) are accepted
 *       in paths and queries, so e.g. {@code ?select=level[3].quest} works and the validators name the
 *       character where it is not allowed;</li>
 *   <li>what Tomcat still refuses before any filter runs ({@code %00}, bad escapes, raw non-ASCII, an
 *       oversized request line or headers) is reported by {@link ProblemErrorReportValve} as problem+json;</li>
 *   <li>{@code 100 Continue} is sent when the body is first read, so a GET with {@code Expect: 100-continue}
 *       gets only its final response and a request rejected before its body is read never asks for it.</li>
 * </ul>
 * Runs after Spring Boot's own customizer, whose HTML error valve it replaces.
 */
@Component
public class TomcatHardening implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    /** Every character Tomcat accepts in relaxedPathChars / relaxedQueryChars. */
    static final String RELAXED_CHARS = "<>[\\]^`{|}";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setAllowBackslash(true); // only for routing; the raw path with '\' is still rejected
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setRelaxedPathChars(RELAXED_CHARS);
                http.setRelaxedQueryChars(RELAXED_CHARS);
                http.setContinueResponseTiming("onRead");
            }
        });
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve());
            }
        });
    }
}
