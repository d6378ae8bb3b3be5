"""The web app as its image runs it: the wheel, in a clean virtualenv, outside the source tree.

Every other test imports the app from the checkout, so a file the wheel forgets (as
schema.graphql once was: every sign-in crashed in the image) passes them all. Here the
wheel is built from exactly what infra/streamlit/Dockerfile copies, installed with
--no-deps on requirements/webapp.txt alone into a virtualenv of its own (kept in
build/ while webapp.txt is unchanged, so only the first run pays for pandas and
pyarrow), and the Dockerfile's CMD runs from an empty folder with the Dockerfile's
ENV. Then a person signs in and opens every page in Chromium.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from streamlit_app.access import TITLES, PageName
from tests.conftest import LiveServer, free_port
from tests.streamlit_app.conftest import add_user, until_healthy
from tests.streamlit_app.test_browser import (
    DESKTOP,
    new_page,
    open_menu_item,
    shot,
    sign_in,
)

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "infra" / "streamlit" / "Dockerfile"
WEBAPP_REQUIREMENTS = ROOT / "requirements" / "webapp.txt"
VENV = ROOT / "build" / "webapp-venv"
HEADINGS = {
    PageName.DATA: "Data",
    PageName.REPORTS: "Reports",
    PageName.ASK: "Ask a question",
    PageName.LOAD: "Load a CSV file",
    PageName.BACKUPS: "Backups",
}
DEV_TOOLS = {"pytest", "moto", "playwright", "mypy", "ruff", "duckdb", "strawberry-graphql"}

pytestmark = [pytest.mark.browser, pytest.mark.slow]


class Image:
    """What the Dockerfile says: the wheel stage's sources, the final ENV and CMD."""

    def __init__(self, text: str) -> None:
        stages = text.split("\nFROM ")
        wheel, final = stages[1], stages[2]
        self.sources = [line.split()[1] for line in wheel.splitlines() if line.startswith("COPY ")]
        self.env: dict[str, str] = {}
        joined = final.replace("\\\n", " ")
        for line in joined.splitlines():
            if line.startswith("ENV "):
                for pair in line.removeprefix("ENV ").split():
                    name, _, value = pair.partition("=")
                    self.env[name] = value
            if line.startswith("CMD "):
                self.cmd: list[str] = json.loads(line.removeprefix("CMD "))
        self.installs = [line for line in joined.splitlines() if line.startswith("RUN pip")]


IMAGE = Image(DOCKERFILE.read_text(encoding="utf-8"))


def test_the_image_installs_the_web_apps_own_requirements_and_no_dev_tool() -> None:
    assert any("-r /tmp/webapp.txt" in line for line in IMAGE.installs)
    assert "requirements/dev.txt" not in DOCKERFILE.read_text(encoding="utf-8")
    pinned = _pins(WEBAPP_REQUIREMENTS)
    assert not DEV_TOOLS & set(pinned)
    # The same versions make installs (one set of pins for the project).
    dev = _pins(ROOT / "requirements" / "dev.txt")
    assert {name: version for name, version in pinned.items() if dev.get(name) != version} == {}


def test_the_image_runs_serve_py_without_probing_instance_metadata() -> None:
    assert IMAGE.cmd[:3] == ["python", "-m", "streamlit_app"]  # serve.py: kept sessions on
    assert IMAGE.env["AWS_EC2_METADATA_DISABLED"] == "true"
    assert sorted(IMAGE.sources) == [
        "client/",
        "hrgraph_contract/",
        "pyproject.toml",
        "streamlit_app/",
    ]


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[name.lower().replace("_", "-")] = version
    return pins


def _run(*command: str | Path, cwd: Path | None = None) -> None:
    subprocess.run([str(c) for c in command], check=True, cwd=cwd, capture_output=True)


def _webapp_venv() -> Path:
    """A virtualenv holding requirements/webapp.txt alone, rebuilt when that file changes."""
    digest = hashlib.sha256(WEBAPP_REQUIREMENTS.read_bytes() + sys.version.encode()).hexdigest()
    stamp = VENV / ".requirements.sha256"
    if not (stamp.is_file() and stamp.read_text() == digest):
        shutil.rmtree(VENV, ignore_errors=True)
        _run(sys.executable, "-m", "venv", VENV)
        pip = (VENV / "bin" / "python", "-m", "pip", "--disable-pip-version-check")
        _run(*pip, "install", "--quiet", "-r", WEBAPP_REQUIREMENTS)
        stamp.write_text(digest)
    return VENV / "bin" / "python"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of the Dockerfile's sources, installed as the image installs it."""
    work = tmp_path_factory.mktemp("image")
    source = work / "src"
    source.mkdir()
    for name in IMAGE.sources:
        origin = ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(origin, source / name)
    wheels = work / "wheels"
    pip = (sys.executable, "-m", "pip", "--disable-pip-version-check")
    _run(*pip, "wheel", "--quiet", "--no-deps", "--wheel-dir", wheels, source)
    python = _webapp_venv()
    (wheel,) = wheels.glob("hrgraph-*.whl")
    _run(python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", wheel)
    return python


def test_the_installed_packages_are_the_web_apps_alone(installed: Path) -> None:
    frozen = subprocess.run(
        [str(installed), "-m", "pip", "list", "--format=freeze", "--disable-pip-version-check"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    names = {line.split("==")[0].lower().replace("_", "-") for line in frozen.splitlines()}
    assert "hrgraph" in names
    assert names - {"hrgraph", "pip", "setuptools"} == set(_pins(WEBAPP_REQUIREMENTS))
    checked = subprocess.run([str(installed), "-m", "pip", "check"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout


@pytest.fixture
def image_url(installed: Path, live_server: LiveServer, tmp_path: Path) -> Iterator[str]:
    """The Dockerfile's CMD, from an empty folder, on a loopback port of its own."""
    port = free_port()
    command = [str(installed) if part == "python" else part for part in IMAGE.cmd]
    command = [
        f"--server.port={port}"
        if part.startswith("--server.port=")
        else "--server.address=127.0.0.1"
        if part.startswith("--server.address=")
        else part
        for part in command
    ]
    workdir = tmp_path / "home"
    workdir.mkdir()
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(workdir),
        **IMAGE.env,
        "HRGRAPH_URL": live_server.url,
        "HRGRAPH_DATA_DIR": str(tmp_path / "app-data"),
        "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",
    }
    log_path = tmp_path / "streamlit.log"
    with until_healthy(command, port, environment, log_path, cwd=workdir, seconds=90) as url:
        yield url
    assert "Traceback" not in log_path.read_text(), log_path.read_text()


def test_the_installed_app_signs_in_and_opens_every_page(
    live_server: LiveServer,
    image_url: str,
    chromium: Browser,
) -> None:
    add_user(live_server, "alice", "Admins")
    page = new_page(chromium, DESKTOP)
    sign_in(page, image_url, "alice")
    expect(page.get_by_role("heading", name="Account")).to_be_visible()
    for name, heading in HEADINGS.items():
        open_menu_item(page, TITLES[name][0], heading)
        expect(page.get_by_test_id("stException")).to_have_count(0)
    open_menu_item(page, "Account")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    shot(page, "40-installed-app-account")
