-- Serialises writers: Redshift enforces no primary key and new clusters run at SNAPSHOT
-- isolation, so two anti-join inserts could both add an id. Taken first in the
-- transaction; {tables} is always in the order departments, jobs, hired_employees so
-- that two writers never wait on each other in a cycle.
LOCK {tables}
