package dev.xblmock.common.identity;

/**
 * The caller of an Xbox route as the authentication filter understood it. {@code xuid} is null for an
 * anonymous caller; {@code ownershipChecked} says whether SPEC 1.2 ownership rules apply to this caller.
 */
public record Identity(Xuid xuid, String userHash, String gamertag, String titleId, String sandbox,
                       boolean developer, boolean ownershipChecked) {

    public static final Identity ANONYMOUS = new Identity(null, null, null, null, null, false, false);

    /** The control plane acting on any storage: ownership rules do not apply (SPEC 5), every other rule does. */
    public static final Identity OPERATOR = ANONYMOUS;

    public boolean anonymous() {
        return xuid == null;
    }

    /** May this caller write storage owned by {@code owner}? */
    public boolean owns(Xuid owner) {
        return !ownershipChecked || owner.equals(xuid);
    }

    /** May this caller write title-owned (global) storage? */
    public boolean mayWriteGlobal() {
        return !ownershipChecked || developer;
    }
}
