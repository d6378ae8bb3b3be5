"""Generated employees for the benchmarks, shaped as the API's rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from resolvers.adapters.redshift_data_client import Connection, DataApi
from resolvers.adapters.redshift_warehouse import RedshiftWarehouse
from resolvers.core import ingest
from resolvers.core.tables import Table

START = datetime(2021, 1, 1, tzinfo=UTC)


def employees(
    first: int, count: int, step: timedelta = timedelta(minutes=1)
) -> list[dict[str, Any]]:
    """Ids first.., hired ``step`` apart from START, spread over 12 departments and 49 jobs."""
    return [
        {
            "id": i,
            "name": f"Person {i}",
            "datetime": (START + step * i).isoformat(),
            "departmentId": i % 12 + 1,
            "jobId": i % 49 + 1,
        }
        for i in range(first, first + count)
    ]


def redshift_warehouse(client: Any) -> RedshiftWarehouse:
    """A warehouse on a (fake) Data API client: its tables made, 12 departments and 49 jobs in."""
    warehouse = RedshiftWarehouse(
        DataApi(client, Connection("dev", workgroup="bench"), sleep=lambda _: None)
    )
    warehouse.create_tables()
    ingest.insert_batch(
        warehouse, Table.DEPARTMENTS, [{"id": i, "department": f"D{i}"} for i in range(1, 13)]
    )
    ingest.insert_batch(warehouse, Table.JOBS, [{"id": i, "job": f"J{i}"} for i in range(1, 50)])
    return warehouse
