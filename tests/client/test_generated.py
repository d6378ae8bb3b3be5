"""client/generated.py is what the contract says: regenerated here, it must come out the same.

The client's models and typed operations are generated from hrgraph_contract's
schema.graphql and client/operations (infra/generate_client.py, ``make client``).
A schema or operation change without a regeneration fails here, instead of leaving
the client silently reading what the server no longer sends.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import hrgraph_contract

ROOT = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    """infra/generate_client.py is a script, not a package: load it by path."""
    spec = importlib.util.spec_from_file_location(
        "generate_client", ROOT / "infra" / "generate_client.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate_client", module)
    spec.loader.exec_module(module)
    return module


generator = _generator()


def test_the_generated_client_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "generated.py"
    assert generator.main(["--output", str(fresh)]) == 0
    committed = (ROOT / "client" / "generated.py").read_text(encoding="utf-8")
    assert fresh.read_text(encoding="utf-8") == committed, "stale: run `make client`"
    assert generator.main(["--check"]) == 0


def test_a_hand_edit_of_a_generated_model_is_stale(tmp_path: Path) -> None:
    edited = tmp_path / "generated.py"
    text = (ROOT / "client" / "generated.py").read_text(encoding="utf-8")
    assert "    department: str\n" in text
    edited.write_text(text.replace("    department: str\n", "    department: int\n", 1))
    assert generator.main(["--check", "--output", str(edited)]) == 1


def test_a_schema_change_makes_the_committed_client_stale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A department's name made optional in the schema: the model must say str | None."""
    sdl = hrgraph_contract.full_sdl()
    department = sdl.index("type Department ")
    changed = sdl[:department] + sdl[department:].replace(
        "  department: String!\n", "  department: String\n", 1
    )
    assert changed != sdl
    monkeypatch.setattr(generator.hrgraph_contract, "full_sdl", lambda: changed)
    assert generator.main(["--check"]) == 1
    assert "    department: str | None\n" in generator.generate()
