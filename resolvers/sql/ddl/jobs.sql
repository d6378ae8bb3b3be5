-- Small dimension, like departments: DISTSTYLE ALL for local joins in the reports.
CREATE TABLE IF NOT EXISTS jobs (
    id BIGINT NOT NULL,
    job VARCHAR(1020) NOT NULL,
    PRIMARY KEY (id)
)
DISTSTYLE ALL
SORTKEY (id)
