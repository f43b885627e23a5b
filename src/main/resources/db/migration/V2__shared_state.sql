-- What every instance of the cluster backend decides from shared state (dev.xblmock.cluster): fault rules,
-- rate-limit windows, the token signing secret and the local CA. Each decision is one statement.

-- Counters that a reset restarts (fault rule ids count from 1 again after a reset).
CREATE TABLE shared_counter (
    name  text   PRIMARY KEY,
    value bigint NOT NULL
);
INSERT INTO shared_counter (name, value) VALUES ('fault_rule_id', 0);

-- The fault rules, oldest first (row_id); id is the one the control plane shows. remaining counts down for a rule
-- with times (NULL without); rolls counts the probability rolls of a seeded rule, so every instance continues
-- the same random sequence.
CREATE TABLE fault_rule (
    row_id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                  bigint           NOT NULL,
    method              text,
    path                text,
    status              integer,
    retry_after_seconds integer,
    delay_ms            bigint,
    times               bigint,
    remaining           bigint,
    probability         double precision,
    seed                bigint,
    rolls               bigint           NOT NULL DEFAULT 0
);

-- Rate limiting per caller: the admission times (epoch milliseconds) of its most recent admitted requests,
-- newest first, as many as the largest window counts; admitted says what the caller's last request was told.
CREATE TABLE rate_limit_caller (
    caller     text     PRIMARY KEY,
    admissions bigint[] NOT NULL,
    admitted   boolean  NOT NULL
);

-- Secrets created once by whichever instance comes first (the token signing secret).
CREATE TABLE shared_secret (
    name  text  PRIMARY KEY,
    value bytea NOT NULL
);

-- The local CA (PEM), created once by whichever instance comes first; each instance issues its own server
-- certificate from it.
CREATE TABLE tls_authority (
    id              integer PRIMARY KEY CHECK (id = 1),
    certificate_pem text    NOT NULL,
    key_pem         text    NOT NULL
);
