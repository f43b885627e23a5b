package dev.xblmock.titlestorage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** SPEC 3.4, 3.7: the quota is soft by default (a write may exceed it) and configurable per root kind. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "xblmock.storage.quota-bytes.sessions=1000")
class SoftQuotaIT extends TitleStorageApi {

    @Test
    void aWriteMayTakeUsedBytesPastTheQuota() {
        String root = session("big");
        upload(root + "/data/a.bin,binary", randomBytes(900, 1));
        upload(root + "/data/b.bin,binary", randomBytes(600, 2));
        assertThat(get(root).asString()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":1500,\"quotaBytes\":1000}}");
        assertThat(get(global()).asString()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":0,\"quotaBytes\":268435456}}");
    }
}
