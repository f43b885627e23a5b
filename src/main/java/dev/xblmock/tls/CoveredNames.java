package dev.xblmock.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.util.IPAddress;

/**
 * The host names and IP addresses a server certificate covers, matched the way TLS clients match them: exact
 * names case-insensitively, a {@code *.} wildcard for exactly one leftmost label.
 */
public final class CoveredNames {

    /** What the generated certificate always covers: both Xbox hosts, their siblings and this machine. */
    public static final List<String> BUILT_IN = List.of(
            "titlestorage.xboxlive.com", "userstats.xboxlive.com", "*.xboxlive.com", "localhost", "127.0.0.1");

    private final Set<String> dnsNames;
    private final Set<String> ipAddresses;

    private CoveredNames(Collection<String> dnsNames, Collection<String> ipAddresses) {
        this.dnsNames = new LinkedHashSet<>(dnsNames);
        this.ipAddresses = new LinkedHashSet<>(ipAddresses);
    }

    /** The built-in names plus {@code extraNames}, each sorted into DNS name or IP address. */
    static CoveredNames withExtras(List<String> extraNames) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        List<String> all = new ArrayList<>(BUILT_IN);
        all.addAll(extraNames);
        for (String name : all) {
            String trimmed = name.trim().toLowerCase(Locale.ROOT);
            if (IPAddress.isValid(trimmed)) {
                ips.add(canonicalIp(trimmed));
            } else if (isDnsName(trimmed)) {
                dns.add(trimmed);
            } else {
                throw new IllegalArgumentException("xblmock.tls.extra-names: '" + name
                        + "' is neither an IP address nor a host name (letters, digits, '-' and '.', optionally '*.' first)");
            }
        }
        return new CoveredNames(dns, ips);
    }

    /** The names in a certificate's subjectAltName extension. */
    static CoveredNames of(X509Certificate certificate) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> entry : names) {
                    int type = (Integer) entry.get(0);
                    if (type == 2) {
                        dns.add(entry.get(1).toString().toLowerCase(Locale.ROOT));
                    } else if (type == 7) {
                        ips.add(canonicalIp(entry.get(1).toString()));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("the server certificate's subjectAltName cannot be read", e);
        }
        return new CoveredNames(dns, ips);
    }

    public List<String> dnsNames() {
        return List.copyOf(dnsNames);
    }

    public List<String> ipAddresses() {
        return List.copyOf(ipAddresses);
    }

    /** True when a client checking {@code host} against the certificate accepts it. */
    public boolean covers(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (IPAddress.isValid(h)) {
            return ipAddresses.contains(canonicalIp(h));
        }
        if (dnsNames.contains(h)) {
            return true;
        }
        int dot = h.indexOf('.');
        return dot > 0 && dnsNames.contains("*" + h.substring(dot));
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>(dnsNames);
        all.addAll(ipAddresses);
        return String.join(", ", all);
    }

    /** One spelling per address ({@code ::1} and {@code 0:0:0:0:0:0:0:1} are the same); a literal needs no lookup. */
    static String canonicalIp(String literal) {
        try {
            return InetAddress.getByName(literal).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }

    private static boolean isDnsName(String name) {
        String rest = name.startsWith("*.") ? name.substring(2) : name;
        if (rest.isEmpty() || rest.length() > 253 || rest.startsWith(".") || rest.endsWith(".") || rest.contains("..")) {
            return false;
        }
        return rest.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.');
    }
}
