package dev.xblmock.cluster;

import software.amazon.awssdk.services.s3.S3Client;

/** The cluster's bucket, checked to exist, and the client that reaches it. */
public record ClusterBucket(S3Client s3, String name) {
}
