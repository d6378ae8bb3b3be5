"""bench/peer.py: PostGraphile serves the bench's rows, or the bench says how to get it."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from bench import concurrency, peer


def test_without_postgraphile_the_bench_names_the_command_and_starts_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(peer, "CLI", tmp_path / "node_modules" / "postgraphile" / "cli.js")
    reason = peer.missing()
    assert reason is not None and "make postgraphile" in reason
    with peer.peer_server(concurrency.departments(), concurrency.employees()) as running:
        assert running is None


@pytest.mark.skipif(peer.missing() is not None, reason=f"{peer.missing()}")
def test_the_peer_answers_the_bench_queries_with_the_rows_hrgraph_holds() -> None:
    with peer.peer_server(concurrency.departments(), concurrency.employees()) as running:
        assert running is not None
        department = httpx.post(running.url, json={"query": peer.DEPARTMENT}).json()
        employee = httpx.post(running.url, json={"query": peer.EMPLOYEE}).json()
        # the processes whose CPU the bench counts: PostGraphile's and PostgreSQL's
        assert set(concurrency.cpu_by_process(running.processes)) >= set(running.processes)
    assert department == {"data": {"departmentById": {"id": "1", "department": "Department 1"}}}
    assert employee == {
        "data": {
            "hiredEmployeeById": {"id": "1", "name": "Person 1", "datetime": "2021-06-01T09:00:00"}
        }
    }
