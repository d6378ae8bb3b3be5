-- {assignments} is "column = :column, ..." over the table's own columns.
UPDATE {table} SET {assignments} WHERE id = :id
