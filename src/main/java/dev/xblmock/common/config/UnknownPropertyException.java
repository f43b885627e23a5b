package dev.xblmock.common.config;

import java.util.List;

/** The configuration holds {@code xblmock.*} names that are no property: each line names one and its source. */
public class UnknownPropertyException extends RuntimeException {

    private final List<String> lines;

    UnknownPropertyException(List<String> lines) {
        super("unknown xblmock properties: " + String.join("; ", lines), null, false, false);
        this.lines = List.copyOf(lines);
    }

    public List<String> lines() {
        return lines;
    }
}
