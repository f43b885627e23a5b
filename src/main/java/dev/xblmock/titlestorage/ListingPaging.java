package dev.xblmock.titlestorage;

/**
 * One listing's paging (SPEC 3.6): how many items, from which offset, or where a previous page's
 * {@code continuationToken} (null when absent) left off.
 */
public record ListingPaging(int maxItems, int skipItems, String continuationToken) {

    public static final int DEFAULT_MAX_ITEMS = 100;
    public static final int LARGEST_MAX_ITEMS = 1000;

    /** Every item from {@code skipItems} on, as far as one page goes. */
    public static ListingPaging from(int skipItems) {
        return new ListingPaging(LARGEST_MAX_ITEMS, skipItems, null);
    }
}
