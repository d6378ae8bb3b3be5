"""Records read by id, kept in memory until the next write: for the warehouse that owns its file.

Why: each DuckDB query costs some 0.4 ms of CPU whatever it reads (a point
read of one employee among a thousand as much as a scan), while records are
read by id all the time: every ``department(id)`` and ``employee(id)``, and
every employee page asks for its departments and jobs. Only an adapter that
sees every write may keep such a cache: DuckDB lets one process open its file
for writing, and every write of ours (insert, correction, delete, restore,
import) goes through the adapter's write lock, which calls ``written()`` after
the commit. (Redshift is written by other Lambdas too: it gets no cache.) A
write forgets its own table's rows: a write to employees forgets no department.

A read that raced a write must not leave the old row behind: each read notes
the generation it started in and stores its rows only if no write has ended
since. Absent ids are remembered too (a miss costs the same query).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from resolvers.core.tables import Record, Table

Fetch = Callable[[Table, Sequence[int]], dict[int, Record]]

MAX_IDS = 100_000
"""Past this many remembered ids of one table its cache starts again (memory stays bounded:
100,000 employees with 30-character names take about 40 MB)."""


class ReferenceCache:
    """get_many through memory for ``tables``; every other table reads straight through."""

    def __init__(self, tables: frozenset[Table], fetch: Fetch) -> None:
        self._tables = tables
        self._fetch = fetch
        self._lock = threading.Lock()
        self._generation = 0
        self._known: dict[Table, dict[int, Record | None]] = {table: {} for table in tables}

    def get_many(self, table: Table, ids: Sequence[int]) -> dict[int, Record]:
        if table not in self._tables:
            return self._fetch(table, ids)
        found: dict[int, Record] = {}
        missing: list[int] = []
        with self._lock:
            generation = self._generation
            known = self._known[table]
            for id in ids:
                if id in known:
                    record = known[id]
                    if record is not None:
                        found[id] = record
                else:
                    missing.append(id)
        if missing:
            fetched = self._fetch(table, missing)
            found.update(fetched)
            self._remember(table, missing, fetched, generation)
        return found

    def written(self, table: Table | None = None) -> None:
        """A write to ``table`` (None: to any table) has ended, committed or rolled back:
        forget its rows, and keep no read that started before it."""
        with self._lock:
            self._generation += 1
            for cached in self._tables if table is None else self._tables & {table}:
                self._known[cached] = {}

    def _remember(
        self, table: Table, ids: list[int], fetched: dict[int, Record], generation: int
    ) -> None:
        with self._lock:
            if generation != self._generation:
                return  # a write ended while this read ran: its rows may be old
            known = self._known[table]
            if len(known) + len(ids) > MAX_IDS:
                known.clear()
            for id in ids:
                known[id] = fetched.get(id)
