"""The client against the real local server over HTTP, on the historic data.

Every expected value is computed in the test from the CSV files with plain
Python (tests/client/expected.py), never read back from the system itself.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from client import errors
from client.api import HrClient
from client.csvfile import COLUMNS, api_row
from client.loading import Undated, load_csv
from client.models import InsertResult, RejectReason, Table
from hrgraph_contract.settings import Settings
from resolvers import wiring
from tests.client import expected
from tests.conftest import HISTORIC_DATA, LiveServer, admin_token, serving

YEAR = 2021


@dataclass
class Historic:
    api: HrClient
    departments: dict[str, str]
    jobs: dict[str, str]
    rows: list[list[str]]
    verdicts: expected.Verdicts


@pytest.fixture(scope="module")
def historic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Historic]:
    """One server for the module, with the three historic files loaded through the API.

    The tests below only read, or try writes the API refuses, so they share it.
    """
    folder = tmp_path_factory.mktemp("historic")
    departments = {r[0]: r[1] for r in expected.read(HISTORIC_DATA / "departments.csv")}
    jobs = {r[0]: r[1] for r in expected.read(HISTORIC_DATA / "jobs.csv")}
    rows = expected.read(HISTORIC_DATA / "hired_employees.csv")
    verdicts = expected.employee_verdicts(rows, set(departments), set(jobs), 1000)
    settings = Settings.from_env({"HRGRAPH_DATA_DIR": str(folder / "server-data")})
    token = admin_token(settings)
    with serving(settings, wiring.build(settings)) as url, HrClient(url, token) as api:
        for table in Table:
            copy = folder / f"{table.value}.csv"  # rejects are written beside the file
            copy.write_bytes((HISTORIC_DATA / copy.name).read_bytes())
            load_csv(api, table, copy, undated=Undated.NOW)  # as the verdicts expect
        yield Historic(api, departments, jobs, rows, verdicts)


def test_hires_by_quarter_matches_the_csv(historic: Historic) -> None:
    want = expected.quarterly(historic.verdicts.inserted, historic.departments, historic.jobs, YEAR)
    got = [
        (r.department, r.job, r.q1, r.q2, r.q3, r.q4) for r in historic.api.hires_by_quarter(YEAR)
    ]
    assert want  # the historic data has hires in 2021
    assert got == want


def test_departments_above_mean_matches_the_csv(historic: Historic) -> None:
    want, mean = expected.above_mean(historic.verdicts.inserted, historic.departments, YEAR)
    got = historic.api.departments_above_mean(YEAR)
    assert want
    assert [(r.id, r.department, r.hired) for r in got] == want
    assert all(r.mean == pytest.approx(mean) for r in got)


def test_hire_years_counts_and_every_department_over_http(historic: Historic) -> None:
    years = historic.api.hire_years()
    assert YEAR in years and years == sorted(years)
    above = historic.api.departments_above_mean(YEAR)
    every = historic.api.hires_by_department(YEAR)
    assert [r for r in every if r.hired > r.mean] == above
    assert historic.api.row_count("hired_employees") == len(historic.verdicts.inserted)
    assert historic.api.row_count("departments") == len(historic.departments)
    one = every[0].id
    in_one = [e.id for e in historic.api.iter_employees({"departmentId": one}, page_size=1000)]
    assert historic.api.row_count("hired_employees", {"departmentId": one}) == len(in_one)


def test_a_year_without_hires_has_empty_reports(historic: Historic) -> None:
    assert historic.api.hires_by_quarter(2019) == []
    assert historic.api.departments_above_mean(2019) == []


@pytest.mark.parametrize("page_size", [1, 97, 1000])
def test_pagination_visits_every_row_exactly_once(historic: Historic, page_size: int) -> None:
    if page_size == 1:  # a request per row: the 12 departments are enough
        ids = [d.id for d in historic.api.iter_departments(page_size=1)]
        assert ids == sorted(int(k) for k in historic.departments)
        return
    assert [j.id for j in historic.api.iter_jobs(page_size=page_size)] == sorted(
        int(k) for k in historic.jobs
    )
    employees = list(historic.api.iter_employees(page_size=page_size))
    assert [e.id for e in employees] == sorted(historic.verdicts.inserted)
    assert [d.id for d in historic.api.iter_departments(page_size=page_size)] == sorted(
        int(k) for k in historic.departments
    )


def test_filtered_pages_hold_exactly_the_matching_rows(historic: Historic) -> None:
    department = "5"
    want = sorted(i for i, row in historic.verdicts.inserted.items() if row[3] == department)
    got = historic.api.iter_employees({"departmentId": int(department)}, page_size=50)
    assert [e.id for e in got] == want


def test_an_employee_reads_back_as_loaded(historic: Historic) -> None:
    row_id, row = next(
        (i, r) for i, r in historic.verdicts.inserted.items() if r[2] and r[3] and r[4]
    )
    employee = historic.api.employee(row_id)
    assert employee is not None
    assert employee.name == row[1]
    assert employee.datetime == expected.parse_moment(row[2])
    assert employee.department is not None and employee.job is not None
    assert employee.department.department == historic.departments[row[3]]
    assert employee.job.job == historic.jobs[row[4]]


def test_a_duplicate_batch_inserts_nothing(historic: Historic) -> None:
    columns = COLUMNS[Table.HIRED_EMPLOYEES]
    batch = [api_row(columns, row) for row in list(historic.verdicts.inserted.values())[:1000]]
    result = historic.api.insert(Table.HIRED_EMPLOYEES, batch)
    assert (result.received, result.inserted, result.inserted_ids) == (1000, 0, [])
    assert {r.reason for r in result.rejected} == {RejectReason.ALREADY_EXISTS}
    assert [r.index for r in result.rejected] == list(range(1000))


def test_refusals_arrive_as_typed_errors(historic: Historic) -> None:
    referenced = next(r[3] for r in historic.verdicts.inserted.values() if r[3])
    with pytest.raises(errors.Conflict):
        historic.api.delete_department(int(referenced))
    with pytest.raises(errors.NotFound):
        historic.api.update_job(999_999, "Nobody")
    with pytest.raises(errors.ValidationError) as invalid:
        historic.api.insert(Table.JOBS, [])
    assert invalid.value.field == "rows"


def test_a_row_json_cannot_carry_as_utf8_costs_that_row_alone(live_server: LiveServer) -> None:
    """A lone surrogate cannot be UTF-8: the client sends it escaped, the server refuses
    its row, and the rest of the batch goes in."""
    rows = [{"id": "1", "department": "Sales"}, {"id": "2", "department": "Bad \ud800"}]
    with HrClient(live_server.url, live_server.token) as api:
        result = api.insert(Table.DEPARTMENTS, rows)

    assert result.inserted_ids == [1]
    assert [(r.index, r.reason, r.field) for r in result.rejected] == [
        (1, RejectReason.INVALID, "department")
    ]


def test_a_subscriber_sees_the_batches_that_land(live_server: LiveServer) -> None:
    received: list[InsertResult] = []
    failures: list[BaseException] = []

    def listen() -> None:
        try:
            with HrClient(live_server.url, live_server.token) as listener:
                for result in listener.on_employees_inserted():
                    received.append(result)
                    if len(received) == 2:
                        return
        except BaseException as failure:  # surfaced by the assertion below
            failures.append(failure)

    thread = threading.Thread(target=listen, daemon=True)
    thread.start()
    sent: list[list[int]] = []
    with HrClient(live_server.url, live_server.token) as api:
        # Keep inserting until the subscriber has seen two batches: it may join late.
        for batch in range(1, 100):
            if len(received) >= 2 or failures:
                break
            ids = [batch * 10 + 1, batch * 10 + 2]
            rows = [{"id": i, "name": f"Person {i}"} for i in ids]
            sent.append(api.insert(Table.HIRED_EMPLOYEES, rows).inserted_ids)
            time.sleep(0.2)
    thread.join(timeout=30)
    assert not failures
    assert len(received) == 2
    first = sent.index(received[0].inserted_ids)
    assert received[1].inserted_ids == sent[first + 1]
    assert received[0].table is Table.HIRED_EMPLOYEES
