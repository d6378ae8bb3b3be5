-- Fragment appended to insert_staged_new for each employee reference column.
AND (s.{column} IS NULL OR EXISTS (SELECT 1 FROM {target} AS r WHERE r.id = s.{column}))
