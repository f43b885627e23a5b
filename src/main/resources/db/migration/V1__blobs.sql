-- Title Storage on the cluster backend (docs/ARCHITECTURE.md, "Cluster backend"). V1.x are the blob store's,
-- upload sessions' and stats' migrations; V2.x the shared control-plane state's.

-- ETags: one sequence for every instance, so they keep growing across instances and restarts. It starts at the
-- .NET ticks of the migration's time, so values look like the real service's and like the other backends'.
CREATE SEQUENCE blob_etag MAXVALUE 1152921504606846975;
SELECT setval('blob_etag', 621355968000000000 + (extract(epoch FROM clock_timestamp()) * 10000000)::bigint);

-- A staging area: the objects one upload wrote, then (committed) the bytes of one blob version. A replaced or
-- deleted version is dead from dead_since; the sweeper removes it, and an upload idle for too long, once the
-- grace period is over. claimed_until: a sweeper is removing it (no object may be added then).
CREATE TABLE staging (
    id            uuid        PRIMARY KEY,
    last_activity timestamptz NOT NULL DEFAULT now(),
    committed     boolean     NOT NULL DEFAULT false,
    dead_since    timestamptz,
    claimed_until timestamptz
);
CREATE INDEX staging_sweepable ON staging (dead_since) WHERE dead_since IS NOT NULL;
CREATE INDEX staging_unfinished ON staging (last_activity) WHERE NOT committed;

-- Every object written to the bucket, recorded before it is written: nothing in the bucket is unknown here.
CREATE TABLE stored_object (
    object_key text PRIMARY KEY,
    staging_id uuid NOT NULL REFERENCES staging (id) ON DELETE CASCADE
);
CREATE INDEX stored_object_staging ON stored_object (staging_id);

-- A committed version's bytes: its segments in order, each a slice of one object.
CREATE TABLE segment (
    staging_id    uuid   NOT NULL REFERENCES staging (id) ON DELETE CASCADE,
    seq           int    NOT NULL,
    object_key    text   NOT NULL,
    object_offset bigint NOT NULL,
    length        bigint NOT NULL,
    PRIMARY KEY (staging_id, seq)
);

-- One row per namespace that ever held a blob: its counters, and the row every write to it locks (quota and
-- preconditions are decided under that lock, in one short transaction).
CREATE TABLE namespace (
    root       text COLLATE "C" NOT NULL,
    owner      text COLLATE "C" NOT NULL,
    scid       text COLLATE "C" NOT NULL,
    blobs      int    NOT NULL DEFAULT 0,
    used_bytes bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (root, owner, scid)
);

-- The committed blobs. file_name is "path,type"; collation "C" orders listings by code point, as the other
-- backends do.
CREATE TABLE blob (
    root             text COLLATE "C" NOT NULL,
    owner            text COLLATE "C" NOT NULL,
    scid             text COLLATE "C" NOT NULL,
    file_name        text COLLATE "C" NOT NULL,
    size             bigint NOT NULL,
    etag             bigint NOT NULL,
    client_file_time text,
    display_name     text,
    version          uuid   NOT NULL REFERENCES staging (id),
    PRIMARY KEY (root, owner, scid, file_name),
    FOREIGN KEY (root, owner, scid) REFERENCES namespace (root, owner, scid)
);
