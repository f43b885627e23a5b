-- Multi-block uploads shared by every instance: a block may reach any of them. The accepted blocks' bytes are
-- the staging area's segments (table segment, in order); blocks counts them, as the token's suffix does.
CREATE TABLE upload_session (
    id                     text PRIMARY KEY,
    root                   text COLLATE "C" NOT NULL,
    owner                  text COLLATE "C" NOT NULL,
    scid                   text COLLATE "C" NOT NULL,
    file_name              text COLLATE "C" NOT NULL,
    staging_id             uuid        NOT NULL,
    first_client_file_time text,
    first_display_name     text,
    blocks                 int         NOT NULL,
    last_block_token       text,
    last_block_digest      bytea,
    committed_etag         bigint,
    last_activity          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX upload_session_activity ON upload_session (last_activity);
