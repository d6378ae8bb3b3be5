-- Redshift: the import's staging table, every cell as text, so a bad value is a verdict and
-- not a failed COPY. pos numbers the rows as COPY adds them (IDENTITY); it lives for the
-- import's one session (a TEMP table of its one BatchExecuteStatement).
CREATE TEMP TABLE {staged} (
    pos BIGINT IDENTITY(1, 1),
    {columns}
)
