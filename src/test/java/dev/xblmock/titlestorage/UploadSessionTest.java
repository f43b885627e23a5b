package dev.xblmock.titlestorage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;

import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.domain.Etag;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.StorageRoot;
import dev.xblmock.titlestorage.domain.BlobAttributes;
import dev.xblmock.titlestorage.store.EtagSource;
import dev.xblmock.titlestorage.store.MemoryBlobStore;
import dev.xblmock.titlestorage.store.StagedUpload;
import dev.xblmock.titlestorage.store.StagingBudget;
import org.junit.jupiter.api.Test;

class UploadSessionTest {

    @Test
    void aCommittedSessionKeepsItsAnswerButNotTheBytes() throws Exception {
        StagedUpload staged = new MemoryBlobStore(new EtagSource(Clock.systemUTC()), StagingBudget.unlimited()).stage();
        staged.append(new ByteArrayInputStream(new byte[2_000]));
        BlobKey key = new BlobKey(new Namespace(StorageRoot.GLOBAL, "", "Scid"), "a", BlobType.BINARY);
        UploadSession session = new UploadSession("id", key, staged, BlobAttributes.NONE, Instant.EPOCH);

        session.committed(new Etag(7));

        assertThat(session.committed()).isTrue();
        assertThat(session.committedEtag).isEqualTo(new Etag(7));
        // a replaced version must not stay reachable through a session that waits for a retransmission
        assertThat(session.staged).isNull();
    }
}
