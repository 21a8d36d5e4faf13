"""The exit codes of ``forter-orders send``, in one place.

``send --help``, the top-level help, docs/cli.md and the README are written from (or checked
against, by ``tests/test_cli_exit_codes.py``) this table, so they cannot drift apart.
"""

from __future__ import annotations

from typing import Final, NamedTuple

EXIT_OK: Final = 0
EXIT_FAILED: Final = 1
EXIT_USAGE: Final = 2
EXIT_SIGINT: Final = 130
EXIT_SIGTERM: Final = 143


class ExitCode(NamedTuple):
    """One row: the code as shown (``"130 / 143"``), a few words, and the full meaning."""

    code: str
    short: str
    meaning: str


SEND_EXIT_CODES: Final = (
    ExitCode(
        "0",
        "every order answered",
        "every order of the input has a decision or a fallback (in this run, or in the "
        "journal from an earlier one)",
    ),
    ExitCode(
        "1",
        "some order not sent or not answered",
        "some order was not sent or not answered: it ended in an error, it is invalid (refused "
        "by validation, listed before sending), or the run stopped before reaching it; re-run "
        "the same command (same --out) to retry exactly those",
    ),
    ExitCode(
        "2",
        "nothing sent, or stopped early: fix, then re-run",
        "nothing was sent - a usage error, missing or bad settings (every missing one named), "
        "unreadable input (a line that is not JSON, a CSV, an empty file), a journal that is "
        "busy or belongs to another input - or the run stopped early: Forter refused the "
        "credentials (401/403; only the orders already in flight were sent after it), or the "
        "journal could not be written (a full disk); fix, then re-run the same command",
    ),
    ExitCode(
        "130 / 143",
        "interrupted",
        "interrupted by Ctrl-C / SIGTERM; the journal keeps every finished order, re-run to resume",
    ),
)


def send_exit_help() -> str:
    """The exit codes as ``--help`` text (one paragraph per code)."""
    return "\n\n".join(f"{row.code}: {row.meaning}." for row in SEND_EXIT_CODES)


def send_exit_summary() -> str:
    """One line for the top-level help and the README: ``0 every order answered; 1 ...``."""
    return "; ".join(f"{row.code} {row.short}" for row in SEND_EXIT_CODES)


def send_exit_table() -> str:
    """The Markdown table docs/cli.md holds verbatim."""
    rows = ["| code | `send` |", "|---|---|"]
    rows += [f"| {row.code} | {row.meaning} |" for row in SEND_EXIT_CODES]
    return "\n".join(rows)


__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_SIGINT",
    "EXIT_SIGTERM",
    "EXIT_USAGE",
    "SEND_EXIT_CODES",
    "ExitCode",
    "send_exit_help",
    "send_exit_summary",
    "send_exit_table",
]
