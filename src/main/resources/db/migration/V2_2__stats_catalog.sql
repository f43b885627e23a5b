-- What the seed says about titles and stat groups (the User Statistics catalog), shared by every instance.
CREATE TABLE stats_title (
    title_id text PRIMARY KEY,
    scid     text NOT NULL
);

-- A group's definition (its stats and their properties, in order) as JSON.
CREATE TABLE stats_group (
    scid       text NOT NULL,
    name       text NOT NULL,
    definition text NOT NULL,
    PRIMARY KEY (scid, name)
);
