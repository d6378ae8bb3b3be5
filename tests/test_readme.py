"""The README tells the truth about the settings and the two commands."""

from __future__ import annotations

from pathlib import Path

from hrgraph_contract.settings import markdown_table

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_settings_table_is_the_one_the_code_generates() -> None:
    text = README.read_text(encoding="utf-8")
    between = text.split("<!-- settings:start -->")[1].split("<!-- settings:end -->")[0]
    assert between.strip() == markdown_table(), (
        "run `python -m hrgraph_contract.settings` into README"
    )


def test_the_readme_starts_with_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert text.index("make run") < text.index("## Architecture")
    assert text.index("make test") < text.index("## Architecture")


def test_bedrock_setup_says_what_an_admin_does_once_and_what_us_means() -> None:
    """AWS retired the console's Model access page; the first call subscribes the account."""
    text = README.read_text(encoding="utf-8")
    assert "Model access → request" not in text  # the retired console page
    once = text.split("**Bedrock: what an admin does once.**")[1].split("**1. Package")[0]
    assert "aws-marketplace:Subscribe" in once and "first call" in once
    assert "use case" in once
    assert "`us.`" in once and "eu.anthropic" in once and "outside the US" in once
