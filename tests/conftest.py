"""Fixtures shared by the test modules (they cannot import each other under importlib mode)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import pytest


class MockTarget(Protocol):
    """What a script needs to reach a mock: a MockServer or the plugin's ForterMockState."""

    @property
    def url(self) -> str: ...
    @property
    def site_id(self) -> str: ...
    @property
    def secret_key(self) -> str: ...


RunScript = Callable[[Path, MockTarget], "subprocess.CompletedProcess[str]"]


def _run_script(script: Path, mock: MockTarget) -> subprocess.CompletedProcess[str]:
    """Run ``script`` as a merchant would, configured for ``mock`` through FORTER_* variables."""
    env = {
        **os.environ,
        "FORTER_SITE_ID": mock.site_id,
        "FORTER_SECRET_KEY": mock.secret_key,
        "FORTER_BASE_URL": mock.url,
    }
    return subprocess.run(
        [sys.executable, str(script)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def run_script() -> RunScript:
    """``run_script(path, mock)``: run an example script against a mock; returns the process."""
    return _run_script
