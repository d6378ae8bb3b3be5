"""Run the APPSYNC_JS resolver under node, with a stand-in for AppSync's ``util``.

The stand-in implements what AppSync documents for ``util.error(message,
errorType, data, errorInfo)``: evaluation stops and the field gets that error.
It lets the tests feed the request handler's payload to the real Python handler
and its result back through the response handler, as AppSync would.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from tests.deploy.conftest import ROOT

RESOLVER_JS = ROOT / "resolvers" / "appsync" / "lambda_resolver.js"

RUNNER = r"""
import { readFileSync } from 'node:fs';
globalThis.__util = {
  error(message, errorType, data, errorInfo) {
    const thrown = new Error(message);
    thrown.appsyncError = { message, errorType: errorType ?? null, data: data ?? null,
                            errorInfo: errorInfo ?? null };
    throw thrown;
  },
};
const source = readFileSync(process.argv[2], 'utf8').replace(
  "import { util } from '@aws-appsync/utils';", 'const util = globalThis.__util;');
const resolver = await import('data:text/javascript,' + encodeURIComponent(source));
const calls = JSON.parse(readFileSync(0, 'utf8'));
const answers = calls.map(([handler, ctx]) => {
  try {
    return { value: resolver[handler](ctx) ?? null };
  } catch (thrown) {
    if (!thrown.appsyncError) throw thrown;
    return { error: thrown.appsyncError };
  }
});
process.stdout.write(JSON.stringify(answers));
"""


def node() -> str | None:
    return shutil.which("node")


def run(calls: list[tuple[str, dict[str, Any]]], workdir: Path) -> list[dict[str, Any]]:
    """[(handler name, ctx)] -> [{"value": ...} or {"error": {...}}], in one node process."""
    runner = workdir / "run_resolver.mjs"
    runner.write_text(RUNNER)
    node_path = node()
    assert node_path is not None
    done = subprocess.run(
        [node_path, str(runner), str(RESOLVER_JS)],
        input=json.dumps(calls),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    answers: list[dict[str, Any]] = json.loads(done.stdout)
    return answers
