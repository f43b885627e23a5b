package dev.xblmock.common;

/** A route family's largest request body; {@link RequestBodySpooler} receives no more than the largest of them. */
public interface RequestBodyLimit {

    long maxRequestBodyBytes();
}
