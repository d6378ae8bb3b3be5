-- Head of a multi-row insert; the adapter appends "(...), (...)" rows as quoted literals
-- (the Data API has no array parameters) and splits them to stay under 100 KB a statement.
INSERT INTO {table} ({columns}) VALUES
