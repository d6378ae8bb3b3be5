"""The Bedrock question engine: Claude (Converse API) fills the typed query; we compile and run it.

question -> the model calls one of three tools (bedrock_prompt.py):
- ``answer_with_query``: its input is an HrQuery (the tool's input schema is
  HrQuery's JSON schema), validated by ``query.from_json``, checked against the
  names on record, compiled by the offline engine's compiler, judged by the SQL
  guard, run, and read back in words by the same restatement. The model
  writes no SQL for a question the query can express.
- ``answer_with_sql``: only for what HrQuery cannot hold; the SQL passes the
  guard and the answer says plainly it was free SQL, not a typed query.
- ``refuse``: a question outside the tables; refused with suggestions.

The first turn offers no free SQL (bedrock_prompt.FIRST_TURN_TOOLS): the model
answers with the typed query, refuses, or calls ``needs_free_sql`` to say what
the query cannot hold; only then, on the next turn, is ``answer_with_sql``
offered, and the fallback is logged.

Nothing is run unless the reply stopped for a tool call (``stopReason`` is
``tool_use``): a ``max_tokens`` cut is refused, never run as complete. A
tool input that is not an object or fails the schema, and SQL the guard (or
the warehouse) refuses, are sent back once each for one correction; a second
failure is an honest refusal. What goes back is our own rule (the schema's,
the guard's), or for a warehouse failure only its class and position
(``warehouse_feedback``): the warehouse's text quotes cell values.

The whole question runs under one deadline: Settings.bedrock_deadline_seconds,
cut to what the request has left (resolvers/deadline.py; in Lambda the
invocation's remaining time, within AppSync's 30 s). Every retry is
bedrock_calls.converse's: botocore's own are off (``total_max_attempts: 1``),
and each attempt's connect and read timeouts together fit the time left.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError

from hrgraph_contract.settings import Settings
from resolvers import deadline as request_deadline
from resolvers.adapters import bedrock_prompt as prompt
from resolvers.adapters.bedrock_calls import ClientFor, Deadline, Pacing, converse, logger
from resolvers.core.errors import InvalidQuery, Unavailable, ValidationError
from resolvers.core.ports import Answer, ChartHint, QueryParams, QueryRows, Warehouse
from resolvers.core.questions import catalog as names
from resolvers.core.questions.compiler import compile_tree
from resolvers.core.questions.examples import suggestions
from resolvers.core.questions.offline import HIRE_RANGE_SQL, Clock, OfflineEngine, utc_now
from resolvers.core.questions.query import (
    DifferenceQuery,
    Filters,
    HrQuery,
    ShareQuery,
    Threshold,
    from_json,
)
from resolvers.core.readonly_sql import run_guarded, run_sql
from resolvers.core.sql_guard import guard, guard_tree

if TYPE_CHECKING:
    from mypy_boto3_bedrock_runtime import BedrockRuntimeClient

MAX_TOKENS = 2048
MAX_TURNS = 4
"""The first reply, the free-SQL turn after needs_free_sql, and at most one correction each
for a bad tool input and a refused SQL."""
CONNECT_SECONDS = 2.0
"""At most this much of an attempt's time goes to connecting; the rest is the read timeout."""
FREE_SQL_NOTE = "Answered with free SQL written by the model, not a typed query"
MAX_FEEDBACK_CHARS = 300
TOO_SLOW = "must finish within"
"""How both warehouses word a query cut at its deadline."""
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`")


class _Correctable(Exception):
    """Something the model may mend once: ``kind`` is 'input' or 'sql'."""

    def __init__(self, kind: str, feedback: str) -> None:
        super().__init__(feedback)
        self.kind = kind
        self.feedback = feedback


def attempt_config(seconds: float) -> Config:
    """botocore's settings for one attempt that must end within ``seconds``, retrying nothing.

    ``total_max_attempts: 1`` is botocore's documented "no retries" (its
    Config docstring: it "includes the initial request, so a value of 1
    indicates that no requests will be retried"); ``max_attempts`` counts the
    retries after the first, so the ``max_attempts: 1`` this replaced meant two
    HTTP attempts per call, throttling included, behind bedrock_calls' back.
    A connect and then the read each get their own timeout, so they share
    the time rather than each taking all of it.
    """
    connect = min(CONNECT_SECONDS, seconds / 2)
    return Config(
        connect_timeout=connect,
        read_timeout=max(seconds - connect, 0.1),
        retries={"total_max_attempts": 1, "mode": "standard"},
    )


def scrub(text: str) -> str:
    """An error message safe to send back: quoted values blanked, one line, capped."""
    line = " ".join(_QUOTED.sub("'…'", text).split())
    return line[:MAX_FEEDBACK_CHARS]


class BedrockEngine:
    """Implements QuestionEngine with a Bedrock model filling HrQuery through a forced tool call."""

    engine = "BEDROCK"

    def __init__(
        self,
        client_for: ClientFor,
        warehouse: Warehouse,
        model_id: str,
        row_cap: int,
        deadline_seconds: float = 25.0,
        clock: Clock = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
        pacing: Pacing | None = None,
    ) -> None:
        self._client_for = client_for
        self._warehouse = warehouse
        self._model_id = model_id
        self._row_cap = row_cap
        self._deadline_seconds = deadline_seconds
        self._clock = clock
        self._monotonic = monotonic
        self._pacing = pacing or Pacing()
        self._span: tuple[names.Catalog, tuple[str | None, str | None]] | None = None
        self._prompt: tuple[tuple[names.Catalog, date], str] | None = None

    @classmethod
    def from_settings(
        cls, settings: Settings, warehouse: Warehouse, clock: Clock = utc_now
    ) -> BedrockEngine:
        """Clients whose timeouts fit the time left; botocore's own retries off (ours count)."""
        session = boto3.session.Session()

        @lru_cache(maxsize=32)
        def client_at(seconds: int) -> BedrockRuntimeClient:
            return session.client("bedrock-runtime", config=attempt_config(seconds))

        def client_for(seconds: float) -> BedrockRuntimeClient:
            return client_at(max(1, int(seconds)))

        try:
            client_for(settings.bedrock_deadline_seconds)
        except (
            BotoCoreError
        ) as error:  # e.g. no region: AWS_REGION is set in Lambda, maybe not here
            raise Unavailable(f"Bedrock cannot be reached ({type(error).__name__})") from None
        return cls(
            client_for,
            warehouse,
            settings.bedrock_model_id,
            settings.sql_row_limit,
            settings.bedrock_deadline_seconds,
            clock,
        )

    # -- what the model is told ----------------------------------------------

    def today(self) -> date:
        return self._clock().astimezone(UTC).date()

    def hire_span(
        self, catalog: names.Catalog, warehouse: Warehouse | None = None
    ) -> tuple[str | None, str | None]:
        """First and last hire dates on record, read once per catalog (one cheap query)."""
        if self._span is None or self._span[0] != catalog:
            first, last = run_sql(warehouse or self._warehouse, HIRE_RANGE_SQL, 1).rows[0]
            span = (str(first)[:10] if first else None, str(last)[:10] if last else None)
            self._span = (catalog, span)
        return self._span[1]

    def system_prompt(self, catalog: names.Catalog, warehouse: Warehouse | None = None) -> str:
        key = (catalog, self.today())
        if self._prompt is None or self._prompt[0] != key:
            first, last = self.hire_span(catalog, warehouse)
            facts = prompt.DataFacts(key[1], first, last, self._row_cap)
            examples = prompt.typed_examples(catalog, key[1])
            self._prompt = (key, prompt.system_prompt(catalog, facts, examples))
        return self._prompt[1]

    def request(
        self, system: str, messages: list[dict[str, Any]], free_sql: bool = False
    ) -> dict[str, Any]:
        return {
            "modelId": self._model_id,
            "system": [{"text": system}],
            "messages": messages,
            "toolConfig": prompt.tool_config(free_sql),
            "inferenceConfig": {"maxTokens": MAX_TOKENS, "temperature": 0.0},
        }

    # -- one question ----------------------------------------------------------

    def answer(self, question: str) -> Answer:
        seconds = request_deadline.remaining_seconds(self._deadline_seconds)
        deadline = Deadline(seconds, self._monotonic)
        warehouse = cast(Warehouse, WithinDeadline(self._warehouse, deadline))
        catalog = names.load(warehouse)
        system = self.system_prompt(catalog, warehouse)
        fenced = f"<question_json>\n{prompt.data_json(question)}\n</question_json>"
        messages: list[dict[str, Any]] = [{"role": "user", "content": [{"text": fenced}]}]
        corrected: set[str] = set()
        free_sql = False
        for turn in range(1, MAX_TURNS + 1):
            request = self.request(system, messages, free_sql)
            response = converse(self._client_for, request, deadline, self._pacing)
            stop = str(response.get("stopReason", ""))
            tool_use = _tool_use(response)
            if stop != "tool_use" or tool_use is None:
                return self._refused(question, _not_run(stop), catalog)
            if tool_use.get("name") == prompt.NEEDS_SQL_TOOL and not free_sql:
                free_sql = True
                logger.info("bedrock free SQL fallback", extra={"turn": turn + 1})
                messages += _tool_answer(tool_use, FREE_SQL_OFFERED, "success")
                continue
            try:
                return self._act(question, tool_use, catalog, warehouse, free_sql)
            except _Correctable as problem:
                if problem.kind in corrected:
                    return self._refused(question, _gave_up(problem), catalog)
                corrected.add(problem.kind)
                messages += _correction(tool_use, problem.feedback)
        return self._refused(question, "The model did not settle on an answer.", catalog)

    def _act(
        self,
        question: str,
        tool_use: dict[str, Any],
        catalog: names.Catalog,
        warehouse: Warehouse,
        free_sql: bool,
    ) -> Answer:
        name, data = tool_use.get("name"), tool_use.get("input")
        if name == prompt.QUERY_TOOL:
            query = _typed(data, catalog)
            try:
                safe = guard_tree(compile_tree(query), self._row_cap)
            except ValidationError as error:
                raise _Correctable("sql", feedback(error)) from None
            offline = OfflineEngine(warehouse, self._row_cap, self._clock)
            try:
                answered = offline.run(question, query, safe)
            except ValidationError as error:
                if error.rule.startswith(TOO_SLOW):
                    raise Unavailable(f"The query did not finish in time: {error.rule}") from None
                return self._refused(
                    question, f"The query could not run: {scrub(error.rule)}", catalog
                )
            return replace(answered, engine="BEDROCK")
        if name == prompt.SQL_TOOL and free_sql:
            logger.info("bedrock answered with free SQL")
            return self._free_sql(question, _fields(data, "sql", "explanation"), warehouse)
        if name == prompt.REFUSE_TOOL:
            reason = _fields(data, "reason")["reason"]
            return self._refused(question, f"Not answered: {reason[:300]}", catalog)
        offered = prompt.TOOLS if free_sql else prompt.FIRST_TURN_TOOLS
        raise _Correctable("input", f"that tool is not offered now; call {', '.join(offered)}")

    def _free_sql(self, question: str, proposal: dict[str, str], warehouse: Warehouse) -> Answer:
        try:
            safe = guard(proposal["sql"], self._row_cap)
            result = run_guarded(warehouse, safe)
        except ValidationError as error:
            if error.rule.startswith(TOO_SLOW):  # past the deadline: no retry fits
                raise Unavailable(f"The model's SQL took too long: {error.rule}") from None
            raise _Correctable("sql", feedback(error)) from None
        return Answer(
            question=question,
            engine="BEDROCK",
            sql=result.sql,
            columns=result.columns,
            rows=result.rows,
            explanation=f"{FREE_SQL_NOTE}: {proposal['explanation'][:300]}",
            chart=ChartHint("TABLE"),
            truncated=result.truncated,
            reading=None,
        )

    def _refused(self, question: str, reason: str, catalog: names.Catalog) -> Answer:
        return Answer(
            question=question,
            engine="BEDROCK",
            explanation=reason,
            refused=True,
            suggestions=suggestions(catalog),
        )


def _tool_use(response: Mapping[str, Any]) -> dict[str, Any] | None:
    message = (response.get("output") or {}).get("message") or {}
    for block in message.get("content") or []:
        if isinstance(block, dict) and isinstance(block.get("toolUse"), dict):
            return dict(block["toolUse"])
    return None


def _not_run(stop: str) -> str:
    if stop == "max_tokens":
        return (
            "The model's answer was cut off (max_tokens), so nothing was run. "
            "Ask a shorter question."
        )
    if stop in ("guardrail_intervened", "content_filtered"):
        return "The model declined to answer this question."
    return (
        f"The model did not answer through a tool (stopReason {stop or 'missing'}); "
        "nothing was run."
    )


def _gave_up(problem: _Correctable) -> str:
    what = "typed query" if problem.kind == "input" else "SQL"
    return f"The model's {what} was refused twice, so nothing was answered: {problem.feedback}"


FREE_SQL_OFFERED = "answer_with_sql is offered now: answer with one read-only SELECT, or refuse."


def _correction(tool_use: dict[str, Any], feedback: str) -> list[dict[str, Any]]:
    """The failed call and its error, so the model can mend it in the next turn."""
    return _tool_answer(tool_use, f"Refused: {feedback}. Call one tool again.", "error")


def _tool_answer(tool_use: dict[str, Any], text: str, status: str) -> list[dict[str, Any]]:
    return [
        {"role": "assistant", "content": [{"toolUse": tool_use}]},
        {
            "role": "user",
            "content": [
                {
                    "toolResult": {
                        "toolUseId": tool_use.get("toolUseId", ""),
                        "content": [{"text": text}],
                        "status": status,
                    }
                }
            ],
        },
    ]


WAREHOUSE_FAILED = "failed in the warehouse"
"""How both warehouses begin a query's failure (its rest is the warehouse's own text)."""
_WAREHOUSE_CLASSES = (
    ("a name that does not exist (table, column or function)",
     ("does not exist", "not found", "catalog error", "binder error")),
    ("a syntax error", ("syntax", "parser error")),
    ("a value that does not convert to the type asked for",
     ("convert", "invalid input", "conversion error", "cast")),
    ("a division by zero", ("division by zero", "divide by zero")),
    ("a number out of range", ("out of range", "overflow")),
    ("permission denied (only the three tables may be read)", ("permission denied",)),
)  # fmt: skip
_POSITION = re.compile(r"\b(?:position|line)\s*:?\s*(\d+)", re.IGNORECASE)


def feedback(error: ValidationError) -> str:
    """What the model is told of a refusal: our own rule, or a warehouse failure's class only.

    The guard's and the schema's rules are our words about the model's own
    input. A warehouse's message is not: it quotes the values it choked on
    (``invalid input syntax for integer: "Ada"``), with any quote, apostrophe
    or newline a value holds, so no scrubbing of it is safe. The model gets
    the failure's class, from a fixed list, and its position when the text has one.
    """
    if not error.rule.startswith(WAREHOUSE_FAILED):
        return f"{error.field}: {scrub(error.rule)}"
    return warehouse_feedback(error.rule.removeprefix(WAREHOUSE_FAILED))


def warehouse_feedback(text: str) -> str:
    lowered = text.lower()
    kind = next(
        (name for name, markers in _WAREHOUSE_CLASSES if any(m in lowered for m in markers)),
        "an error",
    )
    position = _POSITION.search(text)
    where = f" at position {position[1]}" if position else ""
    return f"sql: {WAREHOUSE_FAILED} with {kind}{where}"


def _typed(data: Any, catalog: names.Catalog) -> HrQuery:
    """The tool input as an HrQuery whose names are all on record, or a correctable failure."""
    if not isinstance(data, dict):
        raise _Correctable(
            "input", f"query: the tool input must be a JSON object, not {_kind(data)}"
        )
    try:
        query = from_json(data)
    except InvalidQuery as error:
        raise _Correctable("input", f"{error.field}: {scrub(error.rule)}") from None
    unknown = _unknown_names(query, catalog)
    if unknown:
        raise _Correctable(
            "input", f"{unknown}: names a value not on record; use a listed name exactly"
        )
    return query


def _unknown_names(query: HrQuery, catalog: names.Catalog) -> str | None:
    """The path of the first department or job name that is not on record (None: all are)."""
    inner = query.query
    departments, jobs = set(catalog.departments), set(catalog.jobs)
    named: list[tuple[str, Filters]] = []
    if (filters := getattr(inner, "filters", None)) is not None:
        named.append(("filters", filters))
    if isinstance(inner, ShareQuery) and inner.part is not None:
        named.append(("part", inner.part))
    if isinstance(inner, DifferenceQuery):
        named += [(f"sides.{i}", side) for i, side in enumerate(inner.sides)]
    checks: list[tuple[str, tuple[str, ...], set[str]]] = []
    for where, each in named:
        for side in ("include", "exclude"):
            checks.append(
                (f"{where}.departments.{side}", getattr(each.departments, side), departments)
            )
            checks.append((f"{where}.jobs.{side}", getattr(each.jobs, side), jobs))
    threshold = getattr(inner, "threshold", None)
    if isinstance(threshold, Threshold) and threshold.than is not None:
        than = threshold.than
        checks.append(("threshold.than.department", _some(than.department), departments))
        checks.append(("threshold.than.job", _some(than.job), jobs))
    if isinstance(threshold, Threshold) and threshold.versus is not None:
        checks.append(("threshold.versus.titles", threshold.versus.titles, jobs))
    for path, values, known in checks:
        for index, value in enumerate(values):
            if value not in known:
                return f"query.{path}.{index}"
    for where, each in named:  # an id must be a department of a name kept beside it
        for index, department_id in enumerate(each.department_ids):
            if catalog.department_name(department_id) not in each.departments.include:
                return f"query.{where}.department_ids.{index}"
    return None


def _some(name: str | None) -> tuple[str, ...]:
    return () if name is None else (name,)


def _fields(data: Any, *required: str) -> dict[str, str]:
    if not isinstance(data, dict):
        raise _Correctable("input", f"the tool input must be a JSON object, not {_kind(data)}")
    extra = sorted(set(data) - set(required))
    if extra:
        raise _Correctable("input", f"unknown field(s): {', '.join(e[:40] for e in extra)}")
    for field in required:
        if not isinstance(data.get(field), str) or not data[field].strip():
            raise _Correctable("input", f"{field}: must be a non-empty string")
    return {field: str(data[field]) for field in required}


def _kind(value: Any) -> str:
    return {str: "a string", list: "an array", type(None): "null"}.get(
        type(value), type(value).__name__
    )


class WithinDeadline:
    """The warehouse with every query's timeout cut to the question's time left.

    Stands in for the Warehouse wherever the question's path reads (the
    catalog, the hire span, the answer's query); other calls pass through.
    """

    def __init__(self, inner: Warehouse, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def query(
        self, sql: str, params: QueryParams | None = None, timeout_seconds: float | None = None
    ) -> QueryRows:
        left = self._deadline.remaining()
        if left <= 0:
            raise Unavailable("The question's deadline passed before its query could run")
        if timeout_seconds is not None:
            left = min(left, timeout_seconds)
        return self._inner.query(sql, params, timeout_seconds=left)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)
