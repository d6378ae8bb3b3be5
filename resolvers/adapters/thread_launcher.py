"""The local JobLauncher: a worker thread in the server process.

One worker, so jobs run one after another in the order they were made (a
restore queued behind a backup waits for it, as DuckDB's single writer would
make it wait anyway). A server that stops waits for the running job; one
killed leaves it unfinished, and the next server marks it FAILED.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from resolvers.core.errors import Unavailable

log = logging.getLogger(__name__)


class ThreadLauncher:
    """Implements the JobLauncher port on a one-thread pool."""

    def __init__(self, run: Callable[[str], object], workers: int = 1) -> None:
        self._run = run
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="hrgraph-job")

    def launch(self, job_id: str) -> None:
        try:
            self._pool.submit(self._guarded, job_id)
        except RuntimeError as error:  # the pool was shut down
            raise Unavailable(f"the local worker has stopped: {error}") from error

    def _guarded(self, job_id: str) -> None:
        try:
            self._run(job_id)
        except Exception:  # run() records failures itself; this is a bug of ours
            log.exception("job %s crashed its worker thread", job_id)

    def shutdown(self, wait: bool = True) -> None:
        self._pool.shutdown(wait=wait)
