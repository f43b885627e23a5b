package dev.xblmock.titlestorage;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identity;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.StorageRoot;
import dev.xblmock.titlestorage.settings.StorageProperties;
import org.springframework.stereotype.Component;

/**
 * SPEC 1.2 ownership: who may write and read a namespace. Callers whose ownership is not checked (auth mode
 * off, or anonymous in loose mode) may do anything.
 */
@Component
public class AccessRules {

    private final StorageProperties properties;

    public AccessRules(StorageProperties properties) {
        this.properties = properties;
    }

    /** PUT/DELETE: a user's storage only by that user, global only by a developer, sessions by anyone. */
    public void checkWrite(Identity caller, Namespace namespace) {
        switch (namespace.root().ownerKind()) {
            case TITLE -> {
                if (!caller.mayWriteGlobal()) {
                    throw XblException.of(ErrorCode.FORBIDDEN,
                            "Only a developer token (claim dev=true) may write global storage; caller %s is not one.",
                            caller.xuid());
                }
            }
            case USER -> {
                if (!caller.owns(Xuid.parse(namespace.owner()))) {
                    throw XblException.of(ErrorCode.FORBIDDEN,
                            "Caller xuid %s may not write the storage of xuid %s.", caller.xuid(), namespace.owner());
                }
            }
            case SESSION -> {
                // any caller may write session storage (SPEC 7)
            }
        }
    }

    /** Reads of another user's storage are allowed unless {@code xblmock.storage.read-access.<root>=owner}. */
    public boolean mayRead(Identity caller, Namespace namespace) {
        return namespace.root().ownerKind() != StorageRoot.OwnerKind.USER
                || properties.readAccessFor(namespace.root()) == StorageProperties.ReadAccess.EVERYONE
                || caller.owns(Xuid.parse(namespace.owner()));
    }

    public void checkRead(Identity caller, Namespace namespace) {
        if (!mayRead(caller, namespace)) {
            throw XblException.of(ErrorCode.FORBIDDEN,
                    "Caller xuid %s may not read the %s storage of xuid %s (read access: owner).",
                    caller.xuid(), namespace.root().segment(), namespace.owner());
        }
    }
}
