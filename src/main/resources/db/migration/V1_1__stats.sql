-- User Statistics on the cluster backend: one row per user, the same JSON document the filesystem backend
-- keeps in stats/<xuid>.json. A row with no document is a user being written for the first time (the row
-- is what concurrent writers lock).
CREATE TABLE user_stats (
    xuid     bigint PRIMARY KEY,
    document bytea
);
