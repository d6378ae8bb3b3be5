"""The demo dataset: deterministic, realistic, faulty on purpose, any size."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import datetime
from pathlib import Path

from client import demo_data
from client.csvfile import CsvSource
from client.models import Table


def test_departments_and_jobs_have_the_expected_sizes_and_unique_names() -> None:
    departments = demo_data.departments()
    jobs = demo_data.jobs()
    assert len(departments) == 12
    assert 170 <= len(jobs) <= 190
    for rows in (departments, jobs):
        assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
        assert len({r[1] for r in rows}) == len(rows)


def test_the_same_seed_gives_the_same_rows_and_another_seed_others() -> None:
    first = list(demo_data.employees(500, seed=7))
    assert first == list(demo_data.employees(500, seed=7))
    assert first != list(demo_data.employees(500, seed=8))
    assert len(first) == 500


def test_rows_stream_lazily_so_any_size_is_possible() -> None:
    huge = demo_data.employees(10**9, seed=1)
    head = list(itertools.islice(huge, 3))
    assert [row[0] for row in head] == ["1", "2", "3"]


def _parses(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def test_a_small_share_of_rows_is_faulty_in_every_way_and_the_rest_is_clean() -> None:
    count = 20_000
    rows = list(demo_data.employees(count, seed=3))
    department_ids = {r[0] for r in demo_data.departments()}
    job_ids = {r[0] for r in demo_data.jobs()}
    ids = Counter(r[0] for r in rows)
    faults = {
        "missing name": sum(1 for r in rows if not r[1]),
        "bad datetime": sum(1 for r in rows if not _parses(r[2])),
        "unknown department": sum(1 for r in rows if r[3] and r[3] not in department_ids),
        "duplicate id": sum(n - 1 for n in ids.values() if n > 1),
    }
    for kind, found in faults.items():
        assert 0 < found < count * 0.01, kind
    assert all(r[4] in job_ids for r in rows if r[4])
    # Empty departments and jobs are allowed by the rules and appear now and then.
    assert 0 < sum(1 for r in rows if not r[3]) < count * 0.02
    assert 0 < sum(1 for r in rows if not r[4]) < count * 0.02


def test_names_are_realistic_and_include_non_ascii_letters() -> None:
    names = [r[1] for r in demo_data.employees(2000, seed=5) if r[1]]
    assert all(" " in name for name in names)
    assert any(not name.isascii() for name in names)
    assert len(set(names)) > 1000


def test_hires_spread_over_2019_to_2024_with_hiring_seasons() -> None:
    moments = [
        datetime.fromisoformat(r[2]) for r in demo_data.employees(30_000, seed=11) if _parses(r[2])
    ]
    years = Counter(m.year for m in moments)
    assert set(years) == set(range(2019, 2025))
    assert years[2024] > years[2019]
    months = Counter(m.month for m in moments)
    assert months[1] + months[9] > 1.5 * (months[8] + months[12])
    assert all(r[2].endswith("Z") for r in demo_data.employees(100, seed=11) if _parses(r[2]))


def test_written_files_have_the_historic_format(tmp_path: Path) -> None:
    files = demo_data.write_dataset(tmp_path, 300, seed=2)
    raw = files.hired_employees.read_bytes()
    assert raw.count(b"\r\n") == 300
    assert raw.count(b"\n") == 300
    assert not raw.startswith(b"\xef\xbb\xbf")
    source = CsvSource(files.hired_employees, Table.HIRED_EMPLOYEES)
    assert source.header is None
    assert [r.cells for r in source.rows()] == list(demo_data.employees(300, seed=2))
    assert len(list(CsvSource(files.departments, Table.DEPARTMENTS).rows())) == 12
