package dev.xblmock.titlestorage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xblmock.common.error.XblException;
import org.junit.jupiter.api.Test;

/** The budget's own rules; what the stores count against it is in {@link BlobStoreContractTest}. */
class StagingBudgetTest {

    @Test
    void aRefusedReservationOrUploadLeavesNothingCounted() {
        StagingBudget budget = new StagingBudget(1, 100_000);
        budget.startUpload();
        budget.reserve(60_000);
        assertThatThrownBy(budget::startUpload).isInstanceOf(XblException.class);
        assertThatThrownBy(() -> budget.reserve(40_001)).isInstanceOf(XblException.class);
        assertThat(budget.uploads()).isEqualTo(1);
        assertThat(budget.bytes()).isEqualTo(60_000);
        budget.reserve(40_000);
        budget.release(100_000);
        budget.endUpload();
        assertThat(budget.uploads()).isZero();
        assertThat(budget.bytes()).isZero();
    }

    @Test
    void theLimitsLetAtLeastOneUploadMakeProgress() {
        assertThatThrownBy(() -> new StagingBudget(0, 1 << 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("xblmock.storage.max-staged-uploads must be at least 1, not 0");
        assertThatThrownBy(() -> new StagingBudget(1, 65_535)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("xblmock.storage.max-staged-bytes must be at least 65536, not 65535");
    }
}
