"""``make run``'s first step: create the local database and, when it is empty, fill it.

Seeding writes straight through the core (the same validation and ingest the
API runs) rather than over HTTP, because it runs before any server: DuckDB
lets one process own the file, so seeding must finish before ``hrgraph-local
serve`` starts, and must refuse politely while a server holds the file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from client.csvfile import COLUMNS as CSV_COLUMNS
from client.csvfile import api_row
from client.demo_data import departments, employees, jobs
from client.loading import batched
from client.models import Table as ClientTable
from hrgraph_contract.settings import Settings
from resolvers.core import ingest
from resolvers.core.ports import Warehouse
from resolvers.core.tables import MAX_BATCH_ROWS, Table

DEFAULT_EMPLOYEES = 10_000
DEFAULT_SEED = 2024


class DatabaseLocked(RuntimeError):
    """Another process (usually ``hrgraph-local serve``) holds the database file."""


@dataclass
class TableSeed:
    table: Table
    received: int = 0
    inserted: int = 0
    rejected: Counter[str] = field(default_factory=Counter)


@dataclass
class SeedReport:
    database: str
    existing_rows: dict[Table, int]
    seeded: list[TableSeed] = field(default_factory=list)

    @property
    def was_empty(self) -> bool:
        return not any(self.existing_rows.values())


def open_warehouse(settings: Settings) -> Warehouse:
    """The local DuckDB warehouse with its tables created from resolvers/sql/ DDL."""
    if settings.warehouse != "duckdb":
        raise ValueError("seeding is for the local DuckDB warehouse (HRGRAPH_WAREHOUSE=duckdb)")
    import duckdb

    from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse

    try:
        return DuckDBWarehouse(settings.database_path)
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise DatabaseLocked(
                f"{settings.database_path} is in use by another process "
                "(is `hrgraph-local serve` running?); stop it, then seed again"
            ) from None
        raise


def seed(
    settings: Settings, employee_count: int = DEFAULT_EMPLOYEES, seed_value: int = DEFAULT_SEED
) -> SeedReport:
    """Create the tables; load the demo dataset only when every table is empty."""
    warehouse = open_warehouse(settings)
    try:
        report = SeedReport(
            str(settings.database_path), {table: warehouse.count(table) for table in Table}
        )
        if report.was_empty:
            now = datetime.now(UTC)
            plan: list[tuple[Table, Iterable[list[str]]]] = [
                (Table.DEPARTMENTS, departments()),
                (Table.JOBS, jobs()),
                (Table.HIRED_EMPLOYEES, employees(employee_count, seed_value)),
            ]
            for table, rows in plan:
                report.seeded.append(_ingest(warehouse, table, rows, now))
        return report
    finally:
        close = getattr(warehouse, "close", None)
        if callable(close):
            close()


def _ingest(
    warehouse: Warehouse, table: Table, rows: Iterable[list[str]], now: datetime
) -> TableSeed:
    """Rows of CSV cells through the core's ingest, 1000 at a time, as a load would send them."""
    columns = CSV_COLUMNS[ClientTable(table.value)]
    outcome = TableSeed(table)
    for batch in batched(rows, MAX_BATCH_ROWS):
        report = ingest.insert_batch(warehouse, table, [api_row(columns, r) for r in batch], now)
        outcome.received += report.received
        outcome.inserted += report.inserted
        outcome.rejected.update(r.reason.value for r in report.rejected)
    return outcome
