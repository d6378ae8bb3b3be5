"""Browsing: pages that visit every row once, filters, and tokens that cannot be forged."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest

from resolvers.core import cursor, reads
from resolvers.core.errors import ValidationError
from resolvers.core.ports import Warehouse
from resolvers.core.tables import Employee, Table
from tests.resolvers.core.factories import load_random_dataset

TOKENS = cursor.PageTokens(b"a test key of thirty-two bytes!!")


def all_pages(warehouse: Warehouse, table: Table, limit: int, where: object = None) -> list[int]:
    ids: list[int] = []
    token = None
    while True:
        page = reads.page(warehouse, TOKENS, table, limit, token, where)  # type: ignore[arg-type]
        ids.extend(r.id for r in page.items)
        if page.next_token is None:
            return ids
        token = page.next_token


@pytest.mark.parametrize("limit", [1, 7, 1000])
def test_paging_visits_every_employee_exactly_once_in_id_order(
    warehouse: Warehouse, limit: int
) -> None:
    data = load_random_dataset(warehouse, employees=300)
    ids = all_pages(warehouse, Table.HIRED_EMPLOYEES, limit)
    assert ids == [e["id"] for e in data.employees]


def test_a_page_that_ends_exactly_on_the_last_row_has_no_next_token(warehouse: Warehouse) -> None:
    load_random_dataset(warehouse, employees=20)
    page = reads.page(warehouse, TOKENS, Table.HIRED_EMPLOYEES, 20, None)
    assert (len(page.items), page.next_token) == (20, None)


def test_filters_match_an_independent_computation(warehouse: Warehouse) -> None:
    data = load_random_dataset(warehouse, employees=400)
    hired_from = datetime(2021, 3, 1, tzinfo=UTC)
    hired_to = datetime(2021, 9, 1, tzinfo=UTC)
    where = reads.employee_query(department_id=2, hired_from=hired_from, hired_to=hired_to)
    expected = [
        e["id"]
        for e in data.employees
        if e["departmentId"] == 2 and hired_from <= datetime.fromisoformat(e["datetime"]) < hired_to
    ]
    assert expected, "the dataset should have matches"
    assert all_pages(warehouse, Table.HIRED_EMPLOYEES, 3, where) == expected


def test_name_contains_is_case_insensitive_and_literal(warehouse: Warehouse) -> None:
    load_random_dataset(warehouse, employees=120)
    found = all_pages(
        warehouse, Table.HIRED_EMPLOYEES, 50, reads.employee_query(name_contains="SON 11")
    )
    assert found == [11, *range(110, 120)]
    assert (
        all_pages(warehouse, Table.HIRED_EMPLOYEES, 50, reads.employee_query(name_contains="%"))
        == []
    )


@pytest.mark.parametrize("limit", [0, -1, 1001])
def test_limits_outside_1_to_1000_are_refused(warehouse: Warehouse, limit: int) -> None:
    with pytest.raises(ValidationError) as refused:
        reads.page(warehouse, TOKENS, Table.JOBS, limit, None)
    assert refused.value.field == "limit"


@pytest.mark.parametrize("token", ["garbage", "eyJhIjoxfQ", "", "%%%"])
def test_forged_tokens_are_refused(warehouse: Warehouse, token: str) -> None:
    with pytest.raises(ValidationError) as refused:
        reads.page(warehouse, TOKENS, Table.JOBS, 10, token)
    assert refused.value.field == "nextToken"


def test_a_token_cannot_be_replayed_on_another_table_or_filter(warehouse: Warehouse) -> None:
    load_random_dataset(warehouse, employees=50)
    token = reads.page(warehouse, TOKENS, Table.HIRED_EMPLOYEES, 5, None).next_token
    with pytest.raises(ValidationError):
        reads.page(warehouse, TOKENS, Table.JOBS, 5, token)
    with pytest.raises(ValidationError):
        reads.page(
            warehouse, TOKENS, Table.HIRED_EMPLOYEES, 5, token, reads.employee_query(job_id=1)
        )


def _edited(token: str, **changes: object) -> str:
    """The token with its payload changed and its signature kept, as an attacker would."""
    body, signature = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    raw = json.dumps({**payload, **changes}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=") + "." + signature


def test_an_edited_token_cannot_skip_ahead(warehouse: Warehouse) -> None:
    load_random_dataset(warehouse, employees=50)
    token = reads.page(warehouse, TOKENS, Table.HIRED_EMPLOYEES, 5, None).next_token
    assert token is not None
    assert reads.page(warehouse, TOKENS, Table.HIRED_EMPLOYEES, 5, token).items[0].id == 6
    for forged in (_edited(token, a=40), _edited(token, a=-1), token.split(".")[0]):
        with pytest.raises(ValidationError) as refused:
            reads.page(warehouse, TOKENS, Table.HIRED_EMPLOYEES, 5, forged)
        assert (refused.value.field, refused.value.rule) == ("nextToken", cursor.FORGED)


def test_a_token_signed_with_another_key_is_refused(warehouse: Warehouse) -> None:
    load_random_dataset(warehouse, employees=20)
    other = cursor.PageTokens(b"another key, also thirty-two byt")
    token = reads.page(warehouse, other, Table.HIRED_EMPLOYEES, 5, None).next_token
    with pytest.raises(ValidationError, match="nextToken: " + cursor.FORGED):
        reads.page(warehouse, TOKENS, Table.HIRED_EMPLOYEES, 5, token)


def test_a_stale_token_is_refused(warehouse: Warehouse) -> None:
    load_random_dataset(warehouse, employees=20)
    now = [1_800_000_000.0]
    tokens = cursor.PageTokens(TOKENS.key, clock=lambda: now[0])
    token = reads.page(warehouse, tokens, Table.HIRED_EMPLOYEES, 5, None).next_token
    now[0] += cursor.MAX_AGE_SECONDS
    assert reads.page(warehouse, tokens, Table.HIRED_EMPLOYEES, 5, token).items[0].id == 6
    now[0] += 1
    with pytest.raises(ValidationError, match="nextToken: " + cursor.STALE):
        reads.page(warehouse, tokens, Table.HIRED_EMPLOYEES, 5, token)


def test_a_short_key_is_refused() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        cursor.PageTokens(b"short")


def test_a_filter_with_an_empty_time_window_is_refused() -> None:
    moment = datetime(2021, 1, 1, tzinfo=UTC)
    with pytest.raises(ValidationError) as refused:
        reads.employee_query(hired_from=moment, hired_to=moment)
    assert refused.value.field == "filter.hiredTo"


def test_get_many_returns_only_what_exists(warehouse: Warehouse) -> None:
    load_random_dataset(warehouse, employees=10)
    found = reads.get_many(warehouse, Table.HIRED_EMPLOYEES, [3, 3, 999, 1])
    assert sorted(found) == [1, 3]
    assert isinstance(found[3], Employee)


def test_row_count_counts_what_the_pages_walk_through(warehouse: Warehouse) -> None:
    data = load_random_dataset(warehouse, employees=400)
    where = reads.employee_query(department_id=2, name_contains="son 1")
    assert reads.row_count(warehouse, Table.HIRED_EMPLOYEES) == len(data.employees)
    assert reads.row_count(warehouse, Table.DEPARTMENTS) == len(data.departments)
    walked = all_pages(warehouse, Table.HIRED_EMPLOYEES, 1000, where)
    assert walked, "the dataset should have matches"
    assert reads.row_count(warehouse, Table.HIRED_EMPLOYEES, where) == len(walked)


def test_a_filter_counts_employees_only(warehouse: Warehouse) -> None:
    with pytest.raises(ValidationError) as refused:
        reads.row_count(warehouse, Table.JOBS, reads.employee_query(job_id=1))
    assert refused.value.field == "filter"
