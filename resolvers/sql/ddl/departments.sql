-- Small dimension: a copy on every node (DISTSTYLE ALL) so report joins never move it.
-- VARCHAR(n) counts bytes in Redshift: 255 characters of UTF-8 need up to 1020.
-- PRIMARY KEY is informational in Redshift: the adapters prevent duplicates themselves.
CREATE TABLE IF NOT EXISTS departments (
    id BIGINT NOT NULL,
    department VARCHAR(1020) NOT NULL,
    PRIMARY KEY (id)
)
DISTSTYLE ALL
SORTKEY (id)
