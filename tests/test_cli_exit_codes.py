"""``send``'s exit codes say the same in its --help, the top-level help, docs/cli.md and the
README: all are written from, or compared with, the one table in ``forter_orders/cli/_exits.py``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from forter_orders.cli._app import app
from forter_orders.cli._exits import (
    SEND_EXIT_CODES,
    send_exit_summary,
    send_exit_table,
)

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def flat(text: str) -> str:
    """Text with rich's box characters, line breaks and runs of blanks removed."""
    return re.sub(r"\s+", " ", re.sub(r"[│╭╮╰╯─]", " ", text)).strip()


def help_of(*args: str) -> str:
    result = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return flat(result.output)


def test_the_table_has_every_code_send_returns() -> None:
    from forter_orders.cli import _exits

    codes = {row.code for row in SEND_EXIT_CODES}
    assert codes == {"0", "1", "2", "130 / 143"}
    assert (_exits.EXIT_OK, _exits.EXIT_FAILED, _exits.EXIT_USAGE) == (0, 1, 2)
    assert (_exits.EXIT_SIGINT, _exits.EXIT_SIGTERM) == (130, 143)


def test_send_help_lists_every_code_with_its_meaning() -> None:
    text = help_of("send")
    for row in SEND_EXIT_CODES:
        assert flat(f"{row.code}: {row.meaning}.") in text, row.code


def test_top_level_help_gives_the_summary() -> None:
    assert flat(send_exit_summary()) in help_of()


def test_docs_cli_holds_the_table_verbatim() -> None:
    docs = (ROOT / "docs" / "cli.md").read_text()
    assert send_exit_table() in docs


def test_readme_gives_the_summary() -> None:
    readme = flat((ROOT / "README.md").read_text())
    assert flat(f"`send` exit codes: {send_exit_summary()}.") in readme


@pytest.mark.parametrize("where", ["README.md", "docs/cli.md"])
def test_no_page_still_says_send_exits_0_with_invalid_orders(where: str) -> None:
    text = flat((ROOT / where).read_text())
    assert "no order ended in an error (`send`)" not in text
    assert "invalid are skipped" not in text
