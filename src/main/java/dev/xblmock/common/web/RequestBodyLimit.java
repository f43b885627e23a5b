package dev.xblmock.common.web;

/** A route family's largest request body; {@link RequestBodySpooler} receives no more than the largest of them. */
public interface RequestBodyLimit {

    long maxRequestBodyBytes();
}
