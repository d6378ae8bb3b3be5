-- Serialises writers: Redshift enforces no primary key and new clusters run at SNAPSHOT
-- isolation, so two anti-join inserts could both add an id. Taken first in the
-- transaction; {tables} is always in the order hired_employees, departments, jobs
-- (sql_common.LOCK_ORDER, the order the reports read them) so that no two sessions wait
-- on each other in a cycle.
LOCK {tables}
