package dev.xblmock.common.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring MVC adds {@code Content-Disposition: inline;filename=f.txt} (reflected-file-download protection) to
 * JSON answers whose URL ends in something like {@code a.bin,binary}. The real service sends no such
 * header and every blob URL has that shape, so the emulator drops exactly that value.
 */
@Component
public class RfdHeaderFilter extends OncePerRequestFilter implements Ordered {

    private static final String RFD_VALUE = "inline;filename=f.txt";

    @Override
    public int getOrder() {
        return FilterOrder.CORRELATION + 1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!isRfdHeader(name, value)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!isRfdHeader(name, value)) {
                    super.addHeader(name, value);
                }
            }
        });
    }

    private static boolean isRfdHeader(String name, String value) {
        return RFD_VALUE.equals(value) && HttpHeaders.CONTENT_DISPOSITION.equalsIgnoreCase(name);
    }
}
