-- DuckDB only: the staged rows in through the primary-key index, as one plain
-- INSERT. Most batches hold only new ids, and this is the cheapest way in (an
-- ON CONFLICT clause costs about 80% more even when nothing conflicts). An id
-- that is there already makes DuckDB refuse the whole statement, and the
-- adapter then runs insert_staged_returning.sql instead.
INSERT INTO {table} ({columns})
SELECT {columns} FROM {staging}
