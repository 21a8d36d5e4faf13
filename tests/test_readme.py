"""The README's code is real: its integration block and its plugin example run here."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from forter_orders.mock import MockConfig, MockServer

pytest_plugins = ["pytester"]

# the run_script fixture of tests/conftest.py
RunScript = Callable[[Path, Any], subprocess.CompletedProcess[str]]
ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def readme_block(name: str) -> str:
    """The ```python block that follows ``<!-- readme-test: NAME -->`` in the README."""
    match = re.search(
        rf"<!-- readme-test: {name} -->\n```python\n(.*?)\n```", README, flags=re.DOTALL
    )
    assert match, f"README has no block marked readme-test: {name}"
    return match.group(1) + "\n"


@pytest.fixture
def mock() -> Iterator[MockServer]:
    with MockServer(MockConfig(), host="127.0.0.1", port=0) as server:
        yield server


def test_readme_commands_are_the_scripts() -> None:
    assert "scripts/demo    #" in README
    assert "scripts/test    #" in README
    ci = (ROOT / ".ci" / "run").read_text()
    assert "scripts/test" in ci
    for script in ("demo", "test", "bootstrap", "regenerate", "bench"):
        assert os.access(ROOT / "scripts" / script, os.X_OK), script


def integration_script(tmp_path: Path) -> Path:
    """The README's integration block, written out as a script."""
    script = tmp_path / "integration.py"
    script.write_text(readme_block("integration"))
    return script


def test_readme_integration_block_runs_against_the_mock(
    mock: MockServer, tmp_path: Path, run_script: RunScript
) -> None:
    result = run_script(integration_script(tmp_path), mock)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["capture", "cancel"]
    sent = [r["orderId"] for r in mock.received]
    assert sent == ["web-1001", "web-1002"]
    assert mock.secret_key not in result.stdout + result.stderr


def test_readme_integration_block_fails_open(
    mock: MockServer, tmp_path: Path, run_script: RunScript
) -> None:
    mock.script_order("web-1001", "http-503")
    result = run_script(integration_script(tmp_path), mock)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["capture", "cancel"]
    assert "no Forter decision" in result.stderr
    # one try and one retry for the failing order, then the second order
    assert [r["orderId"] for r in mock.received] == ["web-1001", "web-1001", "web-1002"]


def test_readme_plugin_example_passes_as_a_merchant_suite(pytester: pytest.Pytester) -> None:
    example = ROOT / "examples" / "mobile_app_order.json"
    pytester.makeconftest(
        f"""
        import json
        from pathlib import Path

        import pytest


        @pytest.fixture
        def mobile_order():
            return json.loads(Path({str(example)!r}).read_text())
        """
    )
    pytester.makepyfile(test_checkout=readme_block("plugin"))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
