"""HrClient: every operation of schema.graphql as a typed Python method (sync, gql over httpx).

The typed methods are generated (client/generated.py: ``Operations``, one method per
file of client/operations, and the models they return); HrClient is their transport
(``execute`` and ``subscribe`` on gql) plus what a caller wants beyond one call: pages
as iterators, a table given by name, a job followed to its end, absolute download links.

Errors come back as the classes in client/errors.py, chosen by the
``errorType`` the server puts on each GraphQL error. The token is sent raw in
the ``Authorization`` header, as AppSync's Cognito user pool mode expects; it
is asked of a token provider before every request, so a login helper can
refresh it without the client knowing how.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncGenerator, Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx
import orjson
from gql import Client, GraphQLRequest
from gql.transport.exceptions import (
    TransportConnectionFailed,
    TransportError,
    TransportProtocolError,
    TransportQueryError,
    TransportServerError,
)
from gql.transport.httpx import HTTPXTransport

from client import documents
from client.errors import (
    ApiError,
    ConnectionFailed,
    InternalFailure,
    NotFound,
    Unauthorized,
    ValidationError,
    error_class,
    from_graphql_error,
    from_http_status,
)
from client.generated import (
    Backup,
    BackupDownload,
    BackupJob,
    BackupPage,
    Department,
    Employee,
    EmployeeFilter,
    InsertResult,
    Job,
    Operations,
    UnreadableBackup,
)
from client.model_base import Page, format_datetime
from hrgraph_contract import Table

T = TypeVar("T")

POLL_FIRST_SECONDS = 0.25
"""A job's first poll: a small job ends within a second, and its end should show at once."""
POLL_MOST_SECONDS = 2.0
"""The longest wait between polls: each is half as long again as the last, up to this, so a
long job (backup, restore, import) costs a request per 2 s, not two a second."""
TokenProvider = Callable[[], str | None]
"""Returns the token to send now (None: send none); called before every request."""

_INSERT_OPERATIONS = {
    Table.DEPARTMENTS: "insertDepartments",
    Table.JOBS: "insertJobs",
    Table.HIRED_EMPLOYEES: "insertEmployees",
}


class _TokenAuth(httpx.Auth):
    def __init__(self, provider: TokenProvider) -> None:
        self._provider = provider

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._provider()
        if token:
            request.headers["Authorization"] = token
        response = yield request
        # A refused token gets one refresh (a provider that can refresh), then the error stands.
        refresh = getattr(self._provider, "refresh", None)
        if response.status_code == 401 and token and callable(refresh):
            request.headers["Authorization"] = refresh()
            yield request


def _datetime_as_text(value: Any) -> str:
    if isinstance(value, datetime):
        return format_datetime(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


_REFUSE_WHAT_JSON_REFUSES = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
_JSON_CONTENT = {"Content-Type": "application/json"}


def _body(payload: dict[str, Any]) -> bytes:
    """The request's body, written here rather than by httpx (``json=``), for two reasons.

    Speed: httpx writes with json.dumps, 1.5 ms for a 1000-row batch and a third
    of the client's time per batch; orjson takes 0.1 ms and writes the same bytes
    for strings, integers, nulls and booleans, which is what rows hold.

    Everything else takes the json module, which writes datetimes as AWSDateTime
    text and escapes every non-ASCII character. So a lone surrogate, which UTF-8
    cannot carry (httpx failed the whole batch on it), reaches the server, which
    refuses that row alone. A float never takes orjson, which writes NaN as null
    (a quiet "absent"); NaN and infinities are refused here, as JSON has no such numbers.
    """
    if not _holds_float(payload.get("variables")):
        try:
            return orjson.dumps(payload, option=_REFUSE_WHAT_JSON_REFUSES)
        except TypeError:
            pass  # a datetime, a lone surrogate, an integer past 64 bits
    try:
        text = json.dumps(
            payload, default=_datetime_as_text, separators=(",", ":"), allow_nan=False
        )
    except ValueError as error:  # NaN or an infinity
        raise ValidationError(f"variables: {error}", info={"field": "variables"}) from None
    return text.encode("ascii")


def _holds_float(value: Any) -> bool:
    """Whether a float is anywhere in these JSON-like values (one pass, no recursion)."""
    pending = [value]
    for item in pending:
        kind = type(item)
        if kind is dict:
            pending.extend(item.values())
        elif kind is list or kind is tuple:
            pending.extend(item)
        elif kind is float:
            return True
    return False


def _as_text(payload: Any) -> str:
    """What gql logs of a request at DEBUG (the body itself is ``_body``'s)."""
    return json.dumps(payload, default=_datetime_as_text)


class HrClient(Operations):
    """A connection to one hrgraph API (AppSync or the local server).

    >>> with HrClient("http://127.0.0.1:8000/graphql") as api:
    ...     api.insert("departments", [{"id": 1, "department": "Sales"}]).inserted
    """

    def __init__(
        self,
        url: str,
        token: str | None = None,
        *,
        token_provider: TokenProvider | None = None,
        timeout: float = 60.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        """``transport`` replaces the network (httpx.MockTransport in tests)."""
        if token is not None and token_provider is not None:
            raise ValueError("give a token or a token_provider, not both")
        provider: TokenProvider = token_provider or (lambda: token)
        options: dict[str, Any] = {"auth": _TokenAuth(provider), "timeout": timeout}
        if transport is not None:
            options["transport"] = transport
        self.url = url
        self._provider = provider
        self._gql = Client(transport=HTTPXTransport(url, json_serialize=_as_text, **options))
        self._session = self._gql.connect_sync()  # type: ignore[no-untyped-call]

    @property
    def token_provider(self) -> TokenProvider:
        """What this client asks for a token before each request (kept by the web app)."""
        return self._provider

    def close(self) -> None:
        self._gql.close_sync()  # type: ignore[no-untyped-call]

    def __enter__(self) -> HrClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    # -- plumbing -------------------------------------------------------------

    def execute(self, operation: str, variables: Mapping[str, Any] | None = None) -> Any:
        """Run one operation from client/operations and return its root field's value."""
        request = GraphQLRequest(
            documents.load(operation),
            variable_values=dict(variables or {}),
            operation_name=operation,
        )
        # httpx sends ``content`` when it is given, and ``json`` (gql's own) only otherwise.
        extra = {"content": _body(request.payload), "headers": _JSON_CONTENT}
        try:
            data = self._session.execute(request, extra_args=extra)
        except TransportQueryError as failure:
            raise _query_error(failure) from None
        except TransportConnectionFailed as failure:
            if isinstance(failure.__cause__, ApiError):  # raised by the token provider
                raise failure.__cause__ from None
            raise ConnectionFailed(f"cannot reach {self.url}: {failure}") from None
        except TransportServerError as failure:
            raise from_http_status(failure.code or 500, str(failure)) from None
        except TransportProtocolError as failure:
            raise InternalFailure(f"not a GraphQL answer from {self.url}: {failure}") from None
        except TransportError as failure:
            raise ConnectionFailed(f"{self.url}: {failure}") from None
        return data[operation]

    def _pages(self, fetch: Callable[[str | None], Page[T]]) -> Iterator[T]:
        token: str | None = None
        while True:
            page = fetch(token)
            yield from page.items
            token = page.next_token
            if token is None:
                return

    # -- inserts --------------------------------------------------------------

    def insert(self, table: Table | str, rows: Sequence[Mapping[str, Any]]) -> InsertResult:
        """Send one batch (1 to 1000 rows); every row gets a verdict in the result."""
        table = Table.parse(table)
        operation = _INSERT_OPERATIONS[table]
        return InsertResult.from_json(self.execute(operation, {"rows": list(rows)}))

    # -- reads ----------------------------------------------------------------

    def departments_page(
        self, limit: int | None = None, next_token: str | None = None
    ) -> Page[Department]:
        return self.departments(limit, next_token)

    def jobs_page(self, limit: int | None = None, next_token: str | None = None) -> Page[Job]:
        return self.jobs(limit, next_token)

    def employees_page(
        self,
        filter: EmployeeFilter | None = None,
        limit: int | None = None,
        next_token: str | None = None,
    ) -> Page[Employee]:
        return self.employees(filter, limit, next_token)

    def iter_departments(self, page_size: int | None = None) -> Iterator[Department]:
        """Every department, page after page, in id order."""
        return self._pages(lambda token: self.departments_page(page_size, token))

    def iter_jobs(self, page_size: int | None = None) -> Iterator[Job]:
        return self._pages(lambda token: self.jobs_page(page_size, token))

    def iter_employees(
        self, filter: EmployeeFilter | None = None, page_size: int | None = None
    ) -> Iterator[Employee]:
        return self._pages(lambda token: self.employees_page(filter, page_size, token))

    # -- by table name ------------------------------------------------------------

    def row_count(self, table: Table | str, filter: EmployeeFilter | None = None) -> int:
        """Rows of a table (a filter counts matching employees only)."""
        return super().row_count(Table.parse(table), filter)

    # -- backups --------------------------------------------------------------

    def backups_page(
        self,
        table: Table | str | None = None,
        limit: int | None = None,
        next_token: str | None = None,
    ) -> BackupPage:
        """A page of backups, newest first; ``unreadable`` lists those whose manifest is bad."""
        return self.backups(Table.parse(table) if table is not None else None, limit, next_token)

    def iter_backups(
        self, table: Table | str | None = None, page_size: int | None = None
    ) -> Iterator[Backup]:
        return self._pages(lambda token: self.backups_page(table, page_size, token))

    def all_backups(self, table: Table | str | None = None) -> BackupPage:
        """Every page at once: readable backups in ``items``, the rest in ``unreadable``."""
        items: list[Backup] = []
        unreadable: list[UnreadableBackup] = []
        token: str | None = None
        while True:
            page = self.backups_page(table, None, token)
            items.extend(page.items)
            unreadable.extend(page.unreadable)
            if (token := page.next_token) is None:
                return BackupPage(items, None, unreadable)

    def backup_table(self, table: Table | str, codec: str | None = None) -> BackupJob:
        """Start a backup; the job comes back QUEUED at once (follow it with ``wait_for_job``)."""
        return super().backup_table(Table.parse(table), codec.upper() if codec else None)

    def restore_table(
        self, table: Table | str, backup_id: int | str | None = None, force: bool | None = None
    ) -> BackupJob:
        """Start a restore; an unknown backup is refused at once, the rest runs in the job."""
        return super().restore_table(Table.parse(table), backup_id, force)

    def backup_jobs_page(
        self, limit: int | None = None, next_token: str | None = None
    ) -> Page[BackupJob]:
        return self.backup_jobs(limit, next_token)

    def wait_for_job(
        self,
        job: BackupJob,
        on_change: Callable[[BackupJob], None] | None = None,
        interval: float = POLL_FIRST_SECONDS,
        sleep: Callable[[float], None] = time.sleep,
    ) -> BackupJob:
        """Poll until the job is SUCCEEDED or FAILED; ``on_change`` sees every new state.

        Often at first (a small job ends within a second), then half as often again each
        time up to POLL_MOST_SECONDS: a long job costs a request per 2 s, not two a second.
        """
        current = job
        if on_change is not None:
            on_change(current)
        while not current.finished:
            sleep(interval)
            interval = min(interval * 1.5, POLL_MOST_SECONDS)
            found = self.backup_job(current.id)
            if found is None:
                raise NotFound(f"job {current.id} no longer exists")
            if found != current and on_change is not None:
                on_change(found)
            current = found
        return current

    def backup_download(self, id: str) -> BackupDownload:
        """A short-lived link to the backup's Avro file (Admins); anyone with it can fetch it."""
        link = self.backup_download_url(id)
        return replace(link, url=urljoin(self.url, link.url))

    # -- subscriptions --------------------------------------------------------

    def on_employees_inserted(self, ws_url: str | None = None) -> Iterator[InsertResult]:
        """Every accepted batch of employees as it lands, until the caller stops iterating."""
        for data in self.subscribe("onEmployeesInserted", {}, ws_url):
            if data is not None:
                yield InsertResult.from_json(data)

    def subscribe(
        self,
        operation: str,
        variables: Mapping[str, Any] | None = None,
        ws_url: str | None = None,
    ) -> Iterator[Any]:
        """Each event of one subscription, until the caller stops iterating.

        Speaks AppSync's real-time protocol in both doors (the local server
        serves it too, at /graphql/realtime), with the ID token in the
        handshake's ``header`` and in each ``start``. ``ws_url`` defaults to
        ``realtime_url(self.url)``.
        """
        from gql.transport.appsync_auth import AppSyncJWTAuthentication
        from gql.transport.appsync_websockets import AppSyncWebsocketsTransport

        token = self._provider()
        if not token:
            raise Unauthorized("a subscription needs a token: sign in with `hrgraph login`")
        url = ws_url or realtime_url(self.url)
        auth = AppSyncJWTAuthentication(host=urlsplit(self.url).netloc, jwt=token)
        transport = AppSyncWebsocketsTransport(url=url, auth=auth)
        request = GraphQLRequest(
            documents.load(operation),
            variable_values=dict(variables or {}),
            operation_name=operation,
        )

        async def stream() -> AsyncGenerator[dict[str, Any], None]:
            async with Client(transport=transport) as session:
                async for data in session.subscribe(request):
                    yield data

        # A loop of our own, so the websocket is closed inside it when the caller stops.
        loop = asyncio.new_event_loop()
        results = stream()
        try:
            while True:
                try:
                    data = loop.run_until_complete(anext(results))
                except StopAsyncIteration:
                    return
                yield data[operation]
        except TransportQueryError as failure:
            raise _query_error(failure) from None
        except TransportServerError as failure:  # refused at the handshake (connection_error)
            raise _connection_error(str(failure)) from None
        except (OSError, TransportError) as failure:
            raise ConnectionFailed(f"subscription to {url} failed: {failure}") from None
        finally:
            loop.run_until_complete(results.aclose())
            loop.close()


def job_failure(job: BackupJob) -> ApiError:
    """A FAILED job's error as the typed exception a direct call would have raised."""
    cls = error_class(job.error_type)
    what = f"{job.kind.lower()} of {job.table.value} (job {job.id})"
    return cls(f"{what} failed: {job.error or 'no reason given'}", error_type=job.error_type)


def _query_error(failure: TransportQueryError) -> ApiError:
    errors = failure.errors or []
    if errors and isinstance(errors[0], Mapping):
        error = from_graphql_error(errors[0])
        if len(errors) > 1:
            error.info.setdefault("moreErrors", errors[1:])
        return error
    return ApiError(str(failure))


def realtime_url(graphql_url: str) -> str:
    """Where AppSync's real-time protocol is served for a GraphQL URL.

    AppSync's own domain: the ``appsync-realtime-api`` host, same path. A
    custom domain, and the local server: ``/graphql/realtime`` on the same host.
    """
    parts = urlsplit(graphql_url)
    scheme = "wss" if parts.scheme in ("https", "wss") else "ws"
    if ".appsync-api." in parts.netloc:
        host = parts.netloc.replace(".appsync-api.", ".appsync-realtime-api.")
        return urlunsplit((scheme, host, parts.path, "", ""))
    return urlunsplit((scheme, parts.netloc, parts.path.rstrip("/") + "/realtime", "", ""))


def _connection_error(message: str) -> ApiError:
    """A refused handshake: AppSync says UnauthorizedException for a bad or missing token."""
    if "UnauthorizedException" in message:
        return Unauthorized(message)
    return ApiError(message)
