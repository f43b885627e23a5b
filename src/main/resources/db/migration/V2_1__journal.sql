-- The request journal of the cluster backend: every instance's Xbox requests. sequence is claimed when a request
-- arrives (its place, newest first); recorded when its entry is written, so live streams can follow the table in
-- the order entries appear. journal_state.floor hides requests that arrived before the last reset.
CREATE SEQUENCE journal_sequence;
CREATE SEQUENCE journal_recorded;

CREATE TABLE journal_entry (
    sequence       bigint  PRIMARY KEY,
    recorded       bigint  NOT NULL DEFAULT nextval('journal_recorded') UNIQUE,
    request_id     text,
    epoch_millis   bigint  NOT NULL,
    method         text    NOT NULL,
    path           text    NOT NULL,
    query          text,
    status         integer NOT NULL,
    duration_nanos bigint  NOT NULL,
    xuid           bigint,
    error_code     text
);

CREATE TABLE journal_state (
    id    integer PRIMARY KEY CHECK (id = 1),
    floor bigint  NOT NULL
);
INSERT INTO journal_state (id, floor) VALUES (1, 0);
