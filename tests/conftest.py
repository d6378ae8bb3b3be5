"""Fixtures shared by every test: warehouses, services, the handler's context."""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import uvicorn

from hrgraph_contract.settings import Settings
from hrgraph_testing.postgres_engine import (
    PostgresCluster,
    PostgresMissing,
    PostgresRedshiftEngine,
)
from hrgraph_testing.redshift_data import FakeRedshiftData
from resolvers import wiring
from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.adapters.redshift_data_client import Connection, DataApi
from resolvers.adapters.redshift_warehouse import RedshiftWarehouse
from resolvers.core.ports import Warehouse

if TYPE_CHECKING:
    from localserver.lambda_process import LambdaProcess

pytest_plugins = ["tests.deploy.request_recorder"]
"""Records the adapter tests' AWS requests for tests/deploy/test_lambda_botocore.py."""

HISTORIC_DATA = Path(__file__).resolve().parent / "data" / "historic"
"""The historic CSVs, kept in the repository (their README says where they came from)."""


def _duckdb(tmp_path: Path) -> Warehouse:
    return DuckDBWarehouse(tmp_path / "warehouse.duckdb")


def _redshift_on_fake(tmp_path: Path) -> Warehouse:
    """The Redshift adapter on the fake Data API (real SQL on DuckDB, Redshift's rules)."""
    fake = FakeRedshiftData(page_size=50)
    warehouse = RedshiftWarehouse(
        DataApi(fake, Connection("dev", workgroup="hrgraph"), sleep=_no_wait)
    )
    warehouse.create_tables()
    return warehouse


def _no_wait(seconds: float) -> None:
    """Polls and backoffs of the Data API client cost no time against the fake."""


def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    if not folder.is_dir():
        return {}
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}


@pytest.fixture(autouse=True, scope="session")
def _historic_data_stays_untouched() -> Iterator[None]:
    """A test that writes beside the historic CSVs (a load leaves its rejects file beside
    its input) would change what later tests read: it fails the run here."""
    before = _listing(HISTORIC_DATA)
    yield
    after = _listing(HISTORIC_DATA)
    assert after == before, f"a test wrote into {HISTORIC_DATA}: {sorted(set(after) ^ set(before))}"


WAREHOUSES = {"duckdb": _duckdb, "redshift": _redshift_on_fake}
"""Every Warehouse adapter the core's tests run against; more join as they are built."""


@pytest.fixture(params=[*sorted(WAREHOUSES), "redshift-postgres"])
def warehouse(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Warehouse]:
    """Each adapter; the Redshift one also on the fake's PostgreSQL engine (a second engine
    that must agree with the DuckDB one on every answer)."""
    if request.param != "redshift-postgres":
        yield WAREHOUSES[request.param](tmp_path)
        return
    engine = PostgresRedshiftEngine(request.getfixturevalue("postgres_cluster"))
    warehouse = RedshiftWarehouse(
        DataApi(
            FakeRedshiftData(engine, page_size=50),
            Connection("dev", workgroup="hrgraph"),
            sleep=_no_wait,
        )
    )
    warehouse.create_tables()
    yield warehouse
    engine.close()


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """A throwaway PostgreSQL cluster (Unix socket only) for the fake's lock-faithful engine.

    Under /tmp rather than pytest's tmp dir: as root the server runs as ``postgres``,
    which cannot enter pytest's root-only directories.
    """
    directory = Path(tempfile.mkdtemp(prefix="hrgraph-pg-"))
    try:
        cluster = PostgresCluster.start(directory)
    except PostgresMissing as missing:
        shutil.rmtree(directory, ignore_errors=True)
        pytest.fail(str(missing))
    yield cluster
    cluster.stop()
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(autouse=True)
def _private_credentials(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real ~/.config/hrgraph/credentials.json."""
    monkeypatch.setenv("HRGRAPH_CREDENTIALS_FILE", str(tmp_path / "credentials.json"))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.from_env({"HRGRAPH_DATA_DIR": str(tmp_path / "data")})


@pytest.fixture
def services(settings: Settings) -> Iterator[wiring.Services]:
    """The handler wired to a fresh DuckDB in a temporary data dir."""
    built = wiring.build(settings)
    wiring.use(built)
    yield built
    wiring.use(None)


@dataclass
class FakeLambdaContext:
    function_name: str = "hrgraph-test"
    memory_limit_in_mb: int = 512
    invoked_function_arn: str = "arn:aws:lambda:eu-west-1:123456789012:function:hrgraph-test"
    aws_request_id: str = "test-request-id"

    def get_remaining_time_in_millis(self) -> int:
        """What the Lambda runtime answers at the start of an invocation (serverless.yml: 29 s)."""
        return 29_000


@pytest.fixture
def lambda_context() -> FakeLambdaContext:
    return FakeLambdaContext()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class LiveServer:
    """A local server on a free port, in this process, over a fresh data dir.

    Auth is on, as in `make run`: ``token`` is an ID token of ``admin`` (group
    Admins); send it raw in the Authorization header (``headers``).
    """

    url: str
    settings: Settings
    services: wiring.Services
    token: str = ""

    @property
    def base_url(self) -> str:
        return self.url.removesuffix("/graphql")

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": self.token}


ADMIN_PASSWORD = "admin-password"


LOOP_THREAD = "live-server-loop:{port}"
"""The name of the thread that runs the event loop of the app served on ``port``: tests read
its CPU clock (tests/localserver/test_concurrency.py, loop_cpu)."""


@contextmanager
def serving(
    settings: Settings, services: wiring.Services | None, **app_options: Any
) -> Iterator[str]:
    """Run create_app(settings, services) with uvicorn in a thread; yield its /graphql URL."""
    from localdev.server import create_app, server_config

    port = free_port()
    app = create_app(settings, services, **app_options)
    server = uvicorn.Server(server_config(app, replace(settings, log_level="warning"), port=port))
    thread = threading.Thread(target=server.run, name=LOOP_THREAD.format(port=port), daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the local server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}/graphql"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        wiring.use(None)


@pytest.fixture
def live_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LiveServer]:
    """The server, and its admin's token exported as HRGRAPH_TOKEN (as a script would)."""
    settings = Settings.from_env({"HRGRAPH_DATA_DIR": str(tmp_path / "server-data")})
    token = admin_token(settings)
    monkeypatch.setenv("HRGRAPH_TOKEN", token)
    services = wiring.build(settings)
    with serving(settings, services) as url:
        yield LiveServer(url, settings, services, token)


@dataclass
class ProcessServer:
    """A local server as ``hrgraph-local serve`` runs it: the handler in a process of its own."""

    url: str
    settings: Settings
    handler: LambdaProcess
    token: str = ""

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": self.token}


@contextmanager
def serving_in_two_processes(settings: Settings, **app_options: Any) -> Iterator[ProcessServer]:
    """The server in a thread here, its Lambda handler (and DuckDB) in a process of its own."""
    from localserver.lambda_process import LambdaProcess
    from localserver.limits import from_serverless

    with (
        LambdaProcess(settings, app_options.get("limits") or from_serverless()) as handler,
        serving(settings, None, runner=handler, **app_options) as url,
    ):
        yield ProcessServer(url, settings, handler, admin_token(settings))


@pytest.fixture
def process_server(tmp_path: Path) -> Iterator[ProcessServer]:
    settings = Settings.from_env({"HRGRAPH_DATA_DIR": str(tmp_path / "server-data")})
    with serving_in_two_processes(settings) as server:
        yield server


def admin_token(settings: Settings) -> str:
    """Create the admin in the data dir's local issuer and sign them in; their ID token."""
    from argon2 import PasswordHasher

    from localcognito.issuer import LocalIssuer
    from localcognito.users import UserStore

    issuer = LocalIssuer.in_data_dir(settings.data_dir)
    # Cheap argon2 parameters for the fixture's admin: every server test signs in.
    fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    UserStore.in_data_dir(settings.data_dir, fast).add("admin", ADMIN_PASSWORD, ["Admins"])
    signed_in = issuer.login("admin", ADMIN_PASSWORD)
    assert signed_in is not None
    token: str = signed_in["IdToken"]
    return token
