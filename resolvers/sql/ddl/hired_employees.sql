-- The fact table. EVEN distribution: a KEY on department_id would pile a dozen
-- departments onto a few slices. SORTKEY (datetime): both reports filter one year,
-- so zone maps skip every block outside it.
-- datetime is UTC (Redshift TIMESTAMP has no zone).
CREATE TABLE IF NOT EXISTS hired_employees (
    id BIGINT NOT NULL,
    name VARCHAR(1020) NOT NULL,
    datetime TIMESTAMP NOT NULL,
    department_id BIGINT,
    job_id BIGINT,
    PRIMARY KEY (id)
)
DISTSTYLE EVEN
SORTKEY (datetime)
