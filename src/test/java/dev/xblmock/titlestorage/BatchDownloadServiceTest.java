package dev.xblmock.titlestorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identity;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.titlestorage.MultipartStream.Header;
import dev.xblmock.titlestorage.MultipartStream.Part;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.StorageRoot;
import dev.xblmock.titlestorage.domain.BlobAttributes;
import dev.xblmock.titlestorage.store.BlobMetadata;
import dev.xblmock.titlestorage.store.BlobStore;
import dev.xblmock.titlestorage.store.EtagSource;
import dev.xblmock.titlestorage.store.MemoryBlobStore;
import dev.xblmock.titlestorage.store.StagedUpload;
import dev.xblmock.titlestorage.store.StagingBudget;
import dev.xblmock.titlestorage.store.WriteGuard;
import dev.xblmock.titlestorage.web.BatchParts;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class BatchDownloadServiceTest {

    private static final String SCID = "MockScid";

    private final MemoryBlobStore memory = new MemoryBlobStore(new EtagSource(Clock.systemUTC()),
            StagingBudget.unlimited());
    /** A spy, to see when blobs are looked up. */
    private final BlobStore store = Mockito.spy(memory);

    private final StoragePath.BatchBlob binaryBlob =
            new StoragePath.BatchBlob(StorageRoot.TRUSTED_PLATFORM, SCID, "dir/save.bin", BlobType.BINARY);

    @Test
    void looksUpEachBlobOnlyWhenItsPartIsReached() throws IOException {
        put(binaryBlob.keyFor("1"), "one");
        put(binaryBlob.keyFor("2"), "two");
        BatchDownloadService service = service(Set.of());

        Iterator<Part> parts = parts(service, binaryBlob, List.of(new Xuid(1), new Xuid(2), new Xuid(1)), Identity.ANONYMOUS);
        verify(store, never()).open(any());

        Part first = parts.next();
        verify(store, times(1)).open(any());
        verify(store).open(binaryBlob.keyFor("1"));
        assertThat(new String(first.body().source().open().readAllBytes())).isEqualTo("one");
        parts.next();
        verify(store, times(2)).open(any());
        verify(store).open(binaryBlob.keyFor("2"));
        parts.next();
        verify(store, times(2)).open(binaryBlob.keyFor("1"));
        assertThat(parts.hasNext()).isFalse();
    }

    @Test
    void buildsTheSpecHeadersForEachOutcome() {
        BlobMetadata stored = put(binaryBlob.keyFor("18446744073709551615"), "asdf123");
        BatchDownloadService service = service(Set.of());

        Iterator<Part> parts = parts(service, binaryBlob, List.of(new Xuid(-1), new Xuid(789)), Identity.ANONYMOUS);

        Part found = parts.next();
        assertThat(found.headers()).containsExactly(
                new Header("Content-Disposition", "binary; name=\"18446744073709551615\"; filename=\"18446744073709551615\""),
                new Header("HttpStatusCode", "200"),
                new Header("ETag", stored.etag().toString()),
                new Header("Content-Type", "application/octet-stream"));
        assertThat(found.body().length()).isEqualTo(7);
        Part missing = parts.next();
        assertThat(missing.headers()).containsExactly(
                new Header("Content-Disposition", "binary; name=\"789\"; filename=\"789\""),
                new Header("HttpStatusCode", "404"));
        assertThat(missing.body()).isNull();
    }

    @Test
    void aReadForbiddenPartIs403WithoutLookingAtTheStore() {
        put(binaryBlob.keyFor("2"), "two");
        BatchDownloadService service = service(Set.of("2"));
        Identity caller = new Identity(new Xuid(1), "uhs", null, null, null, false, true);

        Iterator<Part> parts = parts(service, binaryBlob, List.of(new Xuid(2), new Xuid(1)), caller);

        assertThat(parts.next().headers()).containsExactly(
                new Header("Content-Disposition", "binary; name=\"2\"; filename=\"2\""),
                new Header("HttpStatusCode", "403"));
        verify(store, never()).open(any());
        assertThat(parts.next().headers()).contains(new Header("HttpStatusCode", "404"));
    }

    @Test
    void jsonPartsAreApplicationJson() {
        StoragePath.BatchBlob jsonBlob = new StoragePath.BatchBlob(StorageRoot.JSON, SCID, "a.json", BlobType.JSON);
        put(jsonBlob.keyFor("5"), "{}");
        Part part = parts(service(Set.of()), jsonBlob, List.of(new Xuid(5)), Identity.ANONYMOUS).next();
        assertThat(part.headers()).contains(new Header("Content-Type", "application/json"));
    }

    @Test
    void theRootsTypeRulesApply() {
        BatchDownloadService service = service(Set.of());
        StoragePath.BatchBlob binaryInJson = new StoragePath.BatchBlob(StorageRoot.JSON, SCID, "a.bin", BlobType.BINARY);
        assertThatThrownBy(() -> service.checkType(binaryInJson)).isInstanceOfSatisfying(XblException.class, e -> {
            assertThat(e.errorCode().code()).isEqualTo("TypeNotAllowed");
            assertThat(e.detail()).isEqualTo("Type 'binary' is not allowed in json storage; allowed: json.");
        });
        StoragePath.BatchBlob config = new StoragePath.BatchBlob(StorageRoot.UNIVERSAL_PLATFORM, SCID, "c", BlobType.CONFIG);
        assertThatThrownBy(() -> parts(service, config, List.of(new Xuid(1)), Identity.ANONYMOUS))
                .isInstanceOf(XblException.class);
    }

    /** The service's items as the controller writes them: the parts' headers are the wire's. */
    private static Iterator<Part> parts(BatchDownloadService service, StoragePath.BatchBlob blob, List<Xuid> xuids,
                                        Identity caller) {
        return BatchParts.of(service.items(blob, xuids, caller), blob.type());
    }

    /** A service whose access rules forbid reading the namespaces of {@code forbiddenOwners}. */
    private BatchDownloadService service(Set<String> forbiddenOwners) {
        AccessRules rules = Mockito.mock(AccessRules.class);
        when(rules.mayRead(any(), any())).thenAnswer(call -> !forbiddenOwners.contains(call.<Namespace>getArgument(1).owner()));
        return new BatchDownloadService(store, rules);
    }

    private BlobMetadata put(BlobKey key, String text) {
        try {
            StagedUpload staged = memory.stage();
            staged.append(new ByteArrayInputStream(text.getBytes()));
            return memory.commit(key, staged, BlobAttributes.NONE, WriteGuard.NONE);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
