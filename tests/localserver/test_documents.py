"""Limits before work: each attack that froze the local server for everyone is refused before
the work it would cause, on both endpoints, while another client keeps being answered.

Over real HTTP and websockets. Each test is one attack a signed-in user could make,
asserts why it was refused (or how it was bounded), and that a bystander's simple
query was never starved meanwhile (tests/localserver/test_concurrency.py's bound).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest
from graphql import parse
from graphql.language import Lexer, Source, TokenKind
from websockets.sync.client import connect

from client.api import realtime_url
from localserver.documents import estimated_tokens, shape
from localserver.limits import from_serverless
from tests.conftest import LiveServer, ProcessServer
from tests.localserver.test_concurrency import WAIT, bystander

LIMITS = from_serverless()


def post(server: LiveServer | ProcessServer, query: str, variables: Any = None) -> httpx.Response:
    body = {"query": query, "variables": variables or {}}
    return httpx.post(server.url, json=body, headers=server.headers, timeout=WAIT)


def refusal(response: httpx.Response) -> str:
    assert response.status_code == 400, response.text[:300]
    [error] = response.json()["errors"]
    assert error["errorType"] == "ValidationError"
    message: str = error["message"]
    return message


def aliases(count: int, field: str = "me { username }") -> str:
    return "{ " + " ".join(f"a{i}: {field}" for i in range(count)) + " }"


def test_fifteen_thousand_aliases_are_refused_while_parsing(live_server: LiveServer) -> None:
    document = aliases(15_000)  # 450 KB: it made every other client wait 70 s
    with bystander(live_server) as others:
        for _ in range(3):
            message = refusal(post(live_server, document))
    assert f"more than {LIMITS.document_tokens} tokens. Parsing aborted." in message
    others.assert_never_starved()


def test_thousands_of_aliases_are_refused_before_validation(live_server: LiveServer) -> None:
    # 3,500: under the token limit; validated and run, 5,000 cost others 9 s.
    document = aliases(3_500)
    with bystander(live_server) as others:
        for _ in range(3):
            message = refusal(post(live_server, document))
    assert f"selects more than {LIMITS.document_fields:,} fields" in message
    others.assert_never_starved()


def test_a_huge_document_is_refused_unparsed(live_server: LiveServer) -> None:
    document = "{ me { " + "username " * 600_000 + "} }"  # 5.4 MB: it held others up 7 s
    with bystander(live_server) as others:
        message = refusal(post(live_server, document))
    assert f"at most {LIMITS.document_chars:,}" in message
    others.assert_never_starved()


@pytest.mark.parametrize(
    "document",
    [
        '{ me { username } } # a comment { with } (tokens) "inside"',
        '{ employees(filter: {name: "a \\" b { c } d"}) { items { id } } }',
        '{ x: ask(question: """a "quoted" \\""" block { } """) { sql } }',
        "{ employees(limit: -12) { items { id } } department(id: 1.5e3) { id } }",
        "query q($a: Int = 3) @skip(if: true) { ...f } fragment f on Query { me { username } }",
    ],
)
def test_the_token_estimate_never_exceeds_graphql_cores_count(document: str) -> None:
    lexer, counted = Lexer(Source(document)), 0
    while lexer.advance().kind != TokenKind.EOF:
        counted += 1
    assert estimated_tokens(document) <= counted


def test_fragments_count_every_field_they_spread() -> None:
    # Each level spreads the one below twice: 2^20 fields in a few hundred bytes.
    levels = [f"fragment f{i} on Me {{ ...f{i + 1} ...f{i + 1} }}" for i in range(20)]
    document = parse("{ me { ...f0 } } " + " ".join(levels) + " fragment f20 on Me { username }")
    assert shape(document, LIMITS.document_fields)[0] > LIMITS.document_fields


REPORTS = aliases(1_000, "hiresByQuarter(year: 2021) { department }")
"""Under the resolver count, yet each one scans the table: they held others up 26 s."""


def test_a_thousand_reports_cost_what_they_do(
    live_server: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse, ran = live_server.services.warehouse, []
    report = warehouse.hires_by_quarter

    def counted(year: int) -> Any:
        ran.append(year)
        return report(year)

    monkeypatch.setattr(warehouse, "hires_by_quarter", counted)
    with bystander(live_server) as others:
        response = post(live_server, REPORTS)
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["errorType"] == "ResolverExecutionLimitReached"
    assert "cost 50,000" in error["message"]
    assert ran == []  # refused before any ran
    others.assert_never_starved()
    twenty = aliases(
        1_000 // LIMITS.cost("Query.hiresByQuarter"), "hiresByQuarter(year: 2021) { q1 }"
    )
    assert "errors" not in post(live_server, twenty).json()  # what the limit allows still runs


def test_a_runaway_lpad_is_refused_by_the_sql_guard(live_server: LiveServer) -> None:
    # It grew the handler to 5.3 GB and ran 30 s, past the SQL deadline of 10 s.
    query = "query($sql: String!) { runSql(sql: $sql) { rowCount } }"
    sql = "SELECT LENGTH(LPAD('a', 2147483647, 'x')) AS n"
    with bystander(live_server) as others:
        body = post(live_server, query, {"sql": sql}).json()
    [error] = body["errors"]
    assert error["errorType"] == "ValidationError"
    assert "LPAD's length must be a number from 0 to 1000" in error["message"]
    others.assert_never_starved()


def _b64(value: dict[str, Any]) -> str:
    return base64.b64encode(json.dumps(value).encode()).decode()


def test_a_huge_realtime_start_is_refused_unparsed(live_server: LiveServer) -> None:
    # One start of 300,000 fields froze the whole server for 8 s: it was parsed on the loop.
    auth = {
        "host": live_server.base_url.removeprefix("http://"),
        "Authorization": live_server.token,
    }
    url = f"{realtime_url(live_server.url)}?header={_b64(auth)}&payload={_b64({})}"
    subscription = "subscription { onEmployeesInserted { " + "inserted " * 300_000 + "} }"
    payload = {
        "data": json.dumps({"query": subscription, "variables": {}}),
        "extensions": {"authorization": auth},
    }
    with (
        bystander(live_server) as others,
        connect(url, subprotocols=["graphql-ws"], max_size=None) as ws,  # type: ignore[list-item]
    ):
        ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(ws.recv(timeout=WAIT))["type"] == "connection_ack"
        ws.send(json.dumps({"id": "big", "type": "start", "payload": payload}))
        answer = json.loads(ws.recv(timeout=WAIT))
    assert answer["type"] == "error" and answer["id"] == "big"
    [error] = answer["payload"]["errors"]
    assert f"at most {LIMITS.document_chars:,}" in error["message"]
    others.assert_never_starved()


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b'{"query": "{ me { username } }", "variables": {"n": ' + b"9" * 5000 + b"}}", "4,300"),
        (b'[{"query": "{ me { username } }"}]', "does not batch"),
    ],
    ids=["a 5,000-digit number", "a batch"],
)
def test_a_body_json_cannot_read_is_a_clear_400(
    live_server: LiveServer, body: bytes, words: str
) -> None:
    headers = {**live_server.headers, "Content-Type": "application/json"}
    response = httpx.post(live_server.url, content=body, headers=headers, timeout=WAIT)
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["errorType"] == "MalformedHttpRequestException"
    assert words in error["message"]
