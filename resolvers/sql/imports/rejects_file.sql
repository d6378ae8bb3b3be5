-- The rejects file's rows: where each refused row was, why, and its cells as written
-- (each adapter orders them by line as it writes the file).
SELECT r.line, r.reason, r.field, r.message, {cells}
FROM {rejected} AS r
JOIN {staged} AS s ON s.{position} = r.pos
