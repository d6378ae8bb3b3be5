-- Redshift restores stage in a real table: a Data API batch is one session, and loading a
-- large backup takes several calls (or a COPY), which a TEMP table would not outlive.
-- One name per table: a restore first drops a leftover of a killed one.
CREATE TABLE {staging} AS SELECT {columns} FROM {table} WHERE 1 = 0
