"""Fixtures shared by tests/ and contract_tests/: the pinned npm tools in tools/spec."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

NODE_TOOLS = Path(__file__).resolve().parent / "tools" / "spec" / "node_modules" / ".bin"


def _node_tool(name: str) -> Path:
    """The path of an npm tool from tools/spec; skips (fails under CI) when it is missing."""
    path = NODE_TOOLS / name
    if not path.exists():
        reason = f"{name} is not installed in tools/spec: run scripts/bootstrap (needs npm)"
        if os.environ.get("FORTER_REQUIRE_NODE_TOOLS") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def node_tool() -> Callable[[str], Path]:
    """``node_tool("redocly")``: the pinned npm tool's path (Redocly CLI, Prism)."""
    return _node_tool
