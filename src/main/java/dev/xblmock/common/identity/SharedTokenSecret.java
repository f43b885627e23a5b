package dev.xblmock.common.identity;

/**
 * The random token signing secret shared by the instances of a cluster (when {@code xblmock.auth.secret} is not
 * set), so that a token minted by one instance is valid on all. Absent, each process makes its own.
 */
public interface SharedTokenSecret {

    /** The shared secret, created at random by whichever instance asks first. */
    byte[] current();

    /** Replaces the shared secret by a new random one, which it returns. */
    byte[] renew();
}
