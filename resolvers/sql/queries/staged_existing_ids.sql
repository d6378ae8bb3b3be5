-- Staged ids the table already holds (verdict ALREADY_EXISTS).
SELECT s.id FROM {staging} AS s JOIN {table} AS t ON t.id = s.id
