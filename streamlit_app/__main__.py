"""``python -m streamlit_app [streamlit options]``: the web app as installed, from any folder.

What the image runs (infra/streamlit/Dockerfile). ``streamlit run`` takes a file, and
from a wheel that file is inside site-packages, wherever that is: this finds the
installed serve.py (kept sessions on, see serve.py) and runs Streamlit's own command
on it, with the settings .streamlit/config.toml gives a launch from the repository
root (a working folder elsewhere has no such file). Options given here come after
them, so they win.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SERVE = Path(__file__).with_name("serve.py")
DEFAULTS = (
    "--server.headless=true",
    "--browser.gatherUsageStats=false",
    "--client.toolbarMode=minimal",
    "--client.showErrorDetails=none",  # no traceback in the browser (pass =full to develop)
)


def command(options: list[str]) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(SERVE), *DEFAULTS, *options]


def main() -> None:
    argv = command(sys.argv[1:])
    os.execv(argv[0], argv)  # noqa: S606 (this interpreter, fixed arguments: no shell)


if __name__ == "__main__":
    main()
