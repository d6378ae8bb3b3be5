"""Fuzzing the API as a hostile or clumsy client would, over real HTTP, as a signed-in admin.

Schemathesis (its GraphQL support, on hypothesis-graphql) writes documents for
every query and mutation of the served schema, in both modes: valid ones
(any values the types allow) and invalid ones (wrong types, missing
arguments). Whatever it sends, the server must:

- never answer 5xx, and answer JSON;
- never report ``InternalFailure`` (that means a bug of ours, issue 12);
- leave every row a mutation does not name untouched: an insert may add only
  the ids of its rows, an update or delete touch only its ``id``; backups and
  refusals change nothing. (``restoreTable`` replaces a whole table by design,
  in a job: it is left out, see SKIPPED.)

Bounded for CI: a fixed number of examples in total, derandomized so a run is
reproducible, on a small seeded data set.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import graphql
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode
from schemathesis.graphql import nodes

from hrgraph_contract.settings import Settings
from resolvers import wiring
from resolvers.core.tables import Table
from tests.conftest import admin_token, serving

EXAMPLES = 300
"""Documents sent in all, over every operation and both modes (about 20 s on 2 cores)."""

TABLE_OF = {
    "Department": Table.DEPARTMENTS,
    "Departments": Table.DEPARTMENTS,
    "Job": Table.JOBS,
    "Jobs": Table.JOBS,
    "Employee": Table.HIRED_EMPLOYEES,
    "Employees": Table.HIRED_EMPLOYEES,
}
WRITE = re.compile(r"^(insert|update|delete)(Departments?|Jobs?|Employees?)$")

Snapshot = dict[tuple[Table, int], Any]

SKIPPED = {"Mutation.restoreTable"}
"""Replaces a whole table by design, in a background job that outlives the request, so
"rows it does not name" has no meaning; tests/resolvers/core/test_backup.py covers it."""


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


# AppSync's scalars: mostly well-formed values (so resolvers run), some hostile text.
_DATETIMES = st.one_of(
    st.datetimes(timezones=st.just(UTC)).map(_iso),
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    st.text(max_size=30),
)
schemathesis.graphql.scalar("AWSDateTime", _DATETIMES.map(nodes.String))
schemathesis.graphql.scalar("AWSJSON", st.just('{"a": 1}').map(nodes.String))
schemathesis.graphql.scalar("AWSDate", st.dates().map(lambda d: nodes.String(d.isoformat())))
schemathesis.graphql.scalar("AWSTime", st.times().map(lambda t: nodes.String(t.isoformat())))
schemathesis.graphql.scalar("AWSTimestamp", st.integers(0, 2**31).map(nodes.Int))
schemathesis.graphql.scalar("AWSEmail", st.emails().map(nodes.String))
schemathesis.graphql.scalar("AWSURL", st.just("https://example.com").map(nodes.String))
schemathesis.graphql.scalar("AWSPhone", st.just("+15555550100").map(nodes.String))
schemathesis.graphql.scalar("AWSIPAddress", st.ip_addresses().map(lambda a: nodes.String(str(a))))


@dataclass
class FuzzTarget:
    url: str
    token: str
    services: wiring.Services
    schema: Any

    def snapshot(self) -> Snapshot:
        rows: Snapshot = {}
        for table in Table:
            after = 0
            while page := self.services.warehouse.page(table, after, 1000):
                rows.update({(table, r.id): r for r in page})
                after = page[-1].id
        return rows


SEED = """mutation {
  insertDepartments(rows: [{id: 1, department: "Engineering"}, {id: 2, department: "Sales"}])
    { inserted }
  insertJobs(rows: [{id: 1, job: "Engineer"}, {id: 2, job: "Clerk"}]) { inserted }
  insertEmployees(rows: [
    {id: 1, name: "Ada", datetime: "2021-02-01T10:00:00Z", departmentId: 1, jobId: 1}
    {id: 2, name: "Bob", datetime: "2021-11-01T10:00:00Z", departmentId: 2, jobId: 2}
    {id: 3, name: "Cy", datetime: "2022-03-01T10:00:00Z"}
  ]) { inserted }
}"""


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FuzzTarget]:
    data_dir: Path = tmp_path_factory.mktemp("fuzz")
    settings_ = Settings.from_env({"HRGRAPH_DATA_DIR": str(data_dir)})
    token = admin_token(settings_)
    services = wiring.build(settings_)
    with serving(settings_, services) as url:
        import httpx

        seeded = httpx.post(url, json={"query": SEED}, headers={"Authorization": token}).json()
        assert "errors" not in seeded, seeded
        schema = schemathesis.graphql.from_url(url, headers={"Authorization": token})
        yield FuzzTarget(url, token, services, schema)


def _operations(schema: Any) -> st.SearchStrategy[Any]:
    strategies = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.label in SKIPPED:
            continue
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            strategies.append(operation.as_strategy(generation_mode=mode))
    return st.one_of(strategies)


def _named_ids(document: str) -> tuple[bool, set[tuple[Table, int]]]:
    """(whether it restores a table, the (table, id) pairs its writes may touch)."""
    try:
        parsed = graphql.parse(document)
    except graphql.GraphQLError:
        return False, set()
    restores, touched = False, set()
    for definition in parsed.definitions:
        if not isinstance(definition, graphql.OperationDefinitionNode):
            continue
        for selection in definition.selection_set.selections:
            if not isinstance(selection, graphql.FieldNode):
                continue
            name = selection.name.value
            restores |= name == "restoreTable"
            match = WRITE.match(name)
            if not match:
                continue
            table = TABLE_OF[match.group(2)]
            arguments = {
                a.name.value: graphql.value_from_ast_untyped(a.value)
                for a in selection.arguments or ()
            }
            ids = [arguments.get("id")]
            rows = arguments.get("rows")
            if isinstance(rows, list):
                ids += [r.get("id") for r in rows if isinstance(r, dict)]
            for raw in ids:
                number = _as_id(raw)
                if number is not None:
                    touched.add((table, number))
    return restores, touched


def _as_id(raw: Any) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.strip().isascii() and raw.strip().isdigit():
        return int(raw.strip())
    return None


def _operation_name(document: str) -> str:
    match = re.search(r"\{\s*(\w+)", document)
    return match.group(1) if match else "?"


def test_no_document_breaks_the_server_or_touches_rows_it_does_not_name(
    target: FuzzTarget,
) -> None:
    """Failures are gathered, not raised one by one: a run costs the same whatever it finds
    (no shrinking), and the report shows the shortest document of every kind of failure."""
    headers = {"Authorization": target.token}
    seen = {"before": target.snapshot()}
    failures: dict[tuple[str, str], str] = {}

    def failed(kind: str, document: str, detail: str) -> None:
        key = (_operation_name(document), kind)
        report = f"{kind} for:\n{document}\n-> {detail[:600]}"
        if key not in failures or len(report) < len(failures[key]):
            failures[key] = report

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=_operations(target.schema))
    def fuzz(case: Any) -> None:
        document = case.body if isinstance(case.body, str) else ""
        response = case.call(base_url=target.url, headers=headers, timeout=30)
        if response.status_code >= 500:
            failed(f"HTTP {response.status_code}", document, response.text)
        try:
            body = response.json()
        except ValueError:
            failed("a body that is not JSON", document, response.text)
            body = {}
        errors = (body.get("errors") if isinstance(body, dict) else None) or []
        kinds = {e.get("errorType") for e in errors if isinstance(e, dict)}
        for kind in kinds & {"InternalFailure", "Lambda:Unhandled"}:
            failed(str(kind), document, response.text)
        if not document.lstrip().startswith("mutation"):
            return  # a query has no resolver that writes: no need to read every row again
        restores, touched = _named_ids(document)
        after = target.snapshot()
        if not restores:
            before = seen["before"]
            changed = sorted(
                key
                for key in before.keys() | after.keys()
                if before.get(key) != after.get(key) and key not in touched
            )
            if changed:
                failed("rows outside its ids changed", document, str(changed[:10]))
        seen["before"] = after

    fuzz()
    assert not failures, f"{len(failures)} kind(s) of failure:\n\n" + "\n\n".join(
        failures[k] for k in sorted(failures)
    )
