package dev.xblmock.common.web;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;

/** The parsed {@code x-xbl-contract-version} of a request (1 when the header is missing). */
public record ContractVersion(int value) {

    public static final String HEADER = "x-xbl-contract-version";

    /** SPEC 1.3: a positive integer that fits in 32 bits, else 400. */
    public static ContractVersion parse(String header) {
        if (header == null) {
            return new ContractVersion(1);
        }
        String text = withoutOptionalWhitespace(header);
        boolean digits = !text.isEmpty() && text.length() <= 10 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        long value = digits ? Long.parseLong(text) : -1;
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw XblException.of(ErrorCode.INVALID_CONTRACT_VERSION,
                    "Header x-xbl-contract-version '%s' must be a positive 32-bit integer.", Identifiers.printable(header));
        }
        return new ContractVersion((int) value);
    }

    /** HTTP's optional whitespace is SP and HTAB only; {@code trim()} would also drop control characters. */
    private static String withoutOptionalWhitespace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }
}
