"""Fixtures shared by every test: warehouses, services, the handler's context."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

from resolvers import wiring
from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.adapters.fakes.redshift_data import FakeRedshiftData
from resolvers.adapters.redshift_data_client import Connection, DataApi
from resolvers.adapters.redshift_warehouse import RedshiftWarehouse
from resolvers.core.ports import Warehouse
from resolvers.settings import Settings

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
"""The historic CSVs (read in place, never copied into the project)."""


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


WAREHOUSES = {"duckdb": _duckdb, "redshift": _redshift_on_fake}
"""Every Warehouse adapter the core's tests run against; more join as they are built."""


@pytest.fixture(params=sorted(WAREHOUSES))
def warehouse(request: pytest.FixtureRequest, tmp_path: Path) -> Warehouse:
    return WAREHOUSES[request.param](tmp_path)


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
    """A local server on a free port, in this process, over a fresh data dir."""

    url: str
    settings: Settings
    services: wiring.Services


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    from localserver.app import create_app

    settings = Settings.from_env({"HRGRAPH_DATA_DIR": str(tmp_path / "server-data")})
    services = wiring.build(settings)
    port = free_port()
    config = uvicorn.Config(
        create_app(settings, services), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the local server did not start")
        time.sleep(0.02)
    yield LiveServer(f"http://127.0.0.1:{port}/graphql", settings, services)
    server.should_exit = True
    thread.join(timeout=10)
    wiring.use(None)
