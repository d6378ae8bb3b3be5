"""Build the Lambda's zip: hrgraph_contract/, resolvers/ (its sql/ inside) and lambda.txt.

Why a script and not a Serverless plugin: the Lambda runs on Graviton (arm64) with
Python 3.12 while this machine is x86_64 with 3.11, so the compiled dependencies
(fastavro, rapidfuzz) must be pip's manylinux aarch64 wheels for cp312, chosen with
--platform/--python-version; and the zip must hold nothing else (no DuckDB, pandas,
tests, the local stand-ins or client). serverless.yml points at the zip as its artifact.

boto3 and botocore are bundled too, pinned with everything they need: the runtime's own
copy differs by region and date and may lack what the adapters send (ExecutionMode of
BatchExecuteStatement came in botocore 1.43.60); /var/task is first on the runtime's
sys.path, so the zip's copy is the one imported, and tests/deploy validate every request
against it. lambda.txt is installed with --no-deps, so it must list every dependency.

Bytecode: /var/task is read-only in Lambda, so Python cannot cache what it compiles and
every cold start compiles botocore, pydantic, sqlglot and the rest again. The zip carries
their bytecode, compiled at build time by a CPython of the runtime's version (3.12: its
.pyc format is its own, so this machine's 3.11 cannot write it), found on PATH or among
pyenv's versions, or named with --python. The .pyc files are unchecked-hash ones (PEP 552):
Lambda unpacks the zip with its fixed timestamps, which a timestamp-checked .pyc would see
as a changed source and ignore.

    python infra/lambda_package.py            # writes build/hrgraph-lambda.zip
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements" / "lambda.txt"
CODE = ("hrgraph_contract", "resolvers")
# Not runtime code: the APPSYNC_JS file is inlined into the AppSync resolvers. (The test
# doubles live outside both packages, in hrgraph_testing/, which the zip never takes.)
EXCLUDED_DIRS = {"__pycache__", "appsync", "bin", "tests"}
EXCLUDED_SUFFIXES = {".pyc", ".pyo"}
BOTOCORE_SERVICES = frozenset(
    {"redshift-data", "s3", "bedrock-runtime", "dynamodb", "lambda", "sts", "secretsmanager"}
)
"""The AWS services the Lambda's code may call: botocore's models of the other ~440 stay out
of the zip (28 MB of the 56 unzipped). tests/deploy check every recorded request's service
is here; a client for another one fails with UnknownServiceError."""
# pyarrow (the worker reads UNLOAD's Parquet parts) without what it never loads: Arrow Flight
# and the S3 filesystem (separate libraries only their own optional modules link; S3 goes
# through boto3), C++ headers, Cython sources and pyarrow's tests. 149 MB -> about 93 MB
# unzipped, keeping the whole zip far below Lambda's 250 MB.
EXCLUDED_DEPENDENCY_PATTERNS = (
    "pyarrow/include/*",
    "pyarrow/src/*",
    "pyarrow/tests/*",
    "pyarrow/*.pyx",
    "pyarrow/*.pxd",
    "pyarrow/*.pxi",
    "pyarrow/libarrow_flight*",
    "pyarrow/libarrow_python_flight*",
    "pyarrow/_flight*",
    "pyarrow/libarrow_s3*",
    "pyarrow/_s3fs*",
)
PLATFORMS = ("manylinux_2_28_aarch64", "manylinux_2_17_aarch64", "manylinux2014_aarch64")
# A fixed timestamp keeps the zip byte-identical for identical inputs (no needless redeploys).
EPOCH = (2020, 1, 1, 0, 0, 0)
TARGET_PYTHON = "3.12"
"""The Lambda runtime's Python (serverless.yml: python3.12); its bytecode goes in the zip."""
TASK_ROOT = "/var/task"
"""Where Lambda unpacks the zip: the paths the bytecode's tracebacks name."""


def install_dependencies(target: Path, requirements: Path = REQUIREMENTS) -> None:
    """pip-install the pinned wheels for the Lambda's platform; reused while lambda.txt is."""
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()
    stamp = target / ".requirements.sha256"
    if stamp.is_file() and stamp.read_text() == digest:
        return
    shutil.rmtree(target, ignore_errors=True)
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    command += ["--no-deps", "--no-compile", "--only-binary=:all:", "--implementation", "cp"]
    command += ["--python-version", "3.12", "--target", str(target), "-r", str(requirements)]
    for platform in PLATFORMS:
        command += ["--platform", platform]
    subprocess.run(command, check=True)  # noqa: S603 (a fixed argv, no shell)
    stamp.write_text(digest)


def _files(base: Path, under: Path) -> Iterator[tuple[Path, str]]:
    for path in sorted(under.rglob("*")):
        relative = path.relative_to(base)
        if not path.is_file() or path.name == ".requirements.sha256":
            continue
        if EXCLUDED_DIRS & set(relative.parts[:-1]) or path.suffix in EXCLUDED_SUFFIXES:
            continue
        if _unused_service_model(relative.parts):
            continue
        yield path, relative.as_posix()


def _unused_service_model(parts: tuple[str, ...]) -> bool:
    """botocore/data/<service>/... for a service the Lambda never calls."""
    return (
        len(parts) > 3 and parts[:2] == ("botocore", "data") and parts[2] not in BOTOCORE_SERVICES
    )


def find_target_python(explicit: str | None = None) -> Path | None:
    """A CPython TARGET_PYTHON: ``explicit``, else python3.12 on PATH, else one of pyenv's."""
    if explicit:
        return Path(explicit)
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates = [shutil.which(f"python{TARGET_PYTHON}")]
    candidates += [
        str(p) for p in sorted(pyenv.glob(f"{TARGET_PYTHON}.*/bin/python{TARGET_PYTHON}"))
    ]
    for candidate in candidates:
        if candidate and _version(Path(candidate)) == TARGET_PYTHON:
            return Path(candidate)
    return None


def _version(python: Path) -> str | None:
    try:
        done = subprocess.run(  # noqa: S603 (a fixed argv, no shell)
            [str(python), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def build_zip(
    output: Path, dependencies: Path, root: Path = ROOT, python: Path | None = None
) -> list[str]:
    """Write the zip (code and dependencies at its root); return the names it holds.

    With ``python`` (a CPython TARGET_PYTHON) every module's bytecode goes in too.
    """
    entries = [item for name in CODE for item in _files(root, root / name)]
    entries += [
        (path, name)
        for path, name in _files(dependencies, dependencies)
        if not any(fnmatch.fnmatch(name, pattern) for pattern in EXCLUDED_DEPENDENCY_PATTERNS)
    ]
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hrgraph-lambda-") as scratch:
        if python is not None:
            entries += _bytecode(python, entries, Path(scratch))
        with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path, name in sorted(entries, key=lambda entry: entry[1]):
                info = zipfile.ZipInfo(name, date_time=EPOCH)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, path.read_bytes())
    return [name for _, name in entries]


def _bytecode(python: Path, entries: list[tuple[Path, str]], stage: Path) -> list[tuple[Path, str]]:
    """The zip's modules compiled by ``python`` into ``stage``: (pyc, name in the zip) pairs."""
    for path, name in entries:
        if name.endswith(".py"):
            (stage / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, stage / name)
    command = [str(python), "-m", "compileall", "-q", "-j", "0"]
    command += ["--invalidation-mode", "unchecked-hash", "-s", str(stage), "-p", TASK_ROOT]
    subprocess.run([*command, str(stage)], check=True, timeout=900)  # noqa: S603 (fixed argv)
    return [(pyc, pyc.relative_to(stage).as_posix()) for pyc in sorted(stage.rglob("*.pyc"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "build" / "hrgraph-lambda.zip")
    parser.add_argument("--deps", type=Path, default=ROOT / "build" / "lambda-deps")
    parser.add_argument(
        "--python", help=f"a CPython {TARGET_PYTHON} to compile bytecode with (default: found)"
    )
    args = parser.parse_args(argv)
    python = find_target_python(args.python)
    if python is None or _version(python) != TARGET_PYTHON:
        print(
            f"no CPython {TARGET_PYTHON} found (PATH, pyenv): the zip's bytecode must be "
            f"compiled by the runtime's Python; install one or pass --python",
            file=sys.stderr,
        )
        return 2
    install_dependencies(args.deps)
    names = build_zip(args.output, args.deps, python=python)
    unzipped = sum(info.file_size for info in zipfile.ZipFile(args.output).infolist())
    print(
        f"{args.output.relative_to(ROOT)}: {len(names)} files, "
        f"{args.output.stat().st_size / 1e6:.1f} MB zipped, {unzipped / 1e6:.1f} MB unzipped"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
