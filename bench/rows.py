"""Generated employees for the benchmarks, shaped as the API's rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

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
