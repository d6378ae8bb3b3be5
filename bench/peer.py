"""The peer of bench/concurrency.py: PostGraphile 4 on PostgreSQL 15, on the same machine.

Issue 21 asks that hrgraph's local door answer 32 clients' simple queries faster than
a GraphQL server the field uses, measured in the same run. PostGraphile 4 (its last
major before 5's rewrite) serves a PostgreSQL schema as GraphQL; it runs here as its
documentation advises for production, so that the comparison is against its best:

- ``NODE_ENV=production``, one Node process (``--cluster-workers`` would split 2
  cores that hrgraph's two processes and wrk share too), no ``--watch``;
- ``--disable-query-log`` (it prints every query otherwise), ``--disable-graphiql``,
  ``--disable-default-mutations`` (the bench only reads), and the flags its help marks
  [RECOMMENDED]: ``--no-setof-functions-contain-nulls``, ``--no-ignore-rbac``,
  ``--no-ignore-indexes``, ``--dynamic-json``;
- no JWT (``--jwt-secret``): each request runs one SQL statement, with no
  transaction around it to set claims; hrgraph checks a token in every request;
- its default pool of 10 connections to a throwaway cluster
  (``hrgraph_testing.postgres_engine.PostgresCluster``: ``initdb`` in a temp dir,
  a Unix socket only), whose tables hold the rows the bench gives hrgraph.

PostGraphile is pinned with its lock in ``bench/postgraphile/`` and installed there by
``make postgraphile`` (``npm ci``; never at import time). Without it or without
PostgreSQL, :func:`peer_server` yields None and :func:`missing` says how to get it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.ingest import free_port
from hrgraph_testing.postgres_engine import PostgresCluster, PostgresMissing, server_binaries

HERE = Path(__file__).resolve().parent / "postgraphile"
CLI = HERE / "node_modules" / "postgraphile" / "cli.js"
NAME = "PostGraphile"
DEPARTMENT = '{ departmentById(id: "1") { id department } }'
"""hrgraph's ``department(id: 1)``: ids are BIGINT in the DDL, PostGraphile's BigInt is a string."""
EMPLOYEE = '{ hiredEmployeeById(id: "1") { id name datetime } }'
OPTIONS = [
    "--disable-query-log",
    "--disable-graphiql",
    "--disable-default-mutations",
    "--no-setof-functions-contain-nulls",
    "--no-ignore-rbac",
    "--no-ignore-indexes",
    "--dynamic-json",
]
# resolvers/sql/ddl without Redshift's DISTSTYLE and SORTKEY.
DDL = """
CREATE TABLE departments (id BIGINT NOT NULL PRIMARY KEY, department VARCHAR(1020) NOT NULL);
CREATE TABLE jobs (id BIGINT NOT NULL PRIMARY KEY, job VARCHAR(1020) NOT NULL);
CREATE TABLE hired_employees (
    id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(1020) NOT NULL, datetime TIMESTAMP NOT NULL,
    department_id BIGINT, job_id BIGINT
);
"""


@dataclass
class Peer:
    url: str
    processes: list[int]
    """PostGraphile's Node process and PostgreSQL's postmaster: their trees serve the peer."""


def missing() -> str | None:
    """Why the peer cannot run here, with the command that fixes it; None when it can."""
    if shutil.which("node") is None:
        return "node is not installed (apt-get install nodejs npm), then `make postgraphile`"
    if not CLI.exists():
        return "PostGraphile is not installed: `make postgraphile` (npm ci in bench/postgraphile)"
    try:
        server_binaries()
    except PostgresMissing as error:
        return str(error)
    return None


def version() -> str:
    """The installed PostGraphile's version, as the report names it."""
    return str(json.loads((CLI.parent / "package.json").read_text())["version"])


@contextmanager
def peer_server(
    departments: list[tuple[int, str]], employees: list[tuple[int, str, str, int]]
) -> Iterator[Peer | None]:
    """PostgreSQL holding these rows and PostGraphile in front; None when either is missing."""
    if missing() is not None:
        yield None
        return
    directory = Path(tempfile.mkdtemp(prefix="hrgraph-bench-peer-"))
    cluster = PostgresCluster.start(directory)
    try:
        with cluster.connect() as connection:
            connection.execute(DDL)
            with connection.cursor() as cursor:
                cursor.executemany("INSERT INTO departments VALUES (%s, %s)", departments)
                cursor.executemany(
                    "INSERT INTO hired_employees (id, name, datetime, department_id)"
                    " VALUES (%s, %s, %s::timestamptz AT TIME ZONE 'UTC', %s)",
                    employees,
                )
            connection.execute("ANALYZE")
        port = free_port()
        env = {
            **os.environ,
            "NODE_ENV": "production",
            "PGHOST": str(directory),
            "PGPORT": str(cluster.port),
            "PGUSER": cluster.user,
            "PGDATABASE": "postgres",
        }
        command = ["node", str(CLI), "--host", "127.0.0.1", "--port", str(port), *OPTIONS]
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/graphql"
        try:
            _wait_ready(url, process)
            postmaster = int((directory / "data" / "postmaster.pid").read_text().split()[0])
            yield Peer(url, [process.pid, postmaster])
        finally:
            process.terminate()
            process.wait(timeout=30)
    finally:
        cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)


def _wait_ready(url: str, process: subprocess.Popen[bytes]) -> None:
    """Until the schema is introspected and a read answers with data (a few seconds)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("PostGraphile exited before it was ready")
        try:
            answer = httpx.post(url, json={"query": DEPARTMENT}, timeout=2)
            if answer.status_code == 200 and answer.json().get("data"):
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError("PostGraphile did not become ready")
