"""The README's code is real: its integration block and its plugin example run here."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

# The client's modules load here, before pytester's in-process run snapshots sys.modules: a
# module first imported inside that run is dropped afterwards, and a second copy of
# forter_orders._errors would make isinstance checks between the two copies fail.
import forter_orders._client  # noqa: F401
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
    assert "scripts/try-wheel" in ci  # the Quick start from a wheel (needs PyPI: not a test)
    for script in ("demo", "test", "bootstrap", "regenerate", "bench", "try-wheel"):
        assert os.access(ROOT / "scripts" / script, os.X_OK), script


def test_readme_quickstart_block_reaches_the_mock(tmp_path: Path) -> None:
    script = tmp_path / "quickstart.py"
    script.write_text(readme_block("quickstart"))
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={k: v for k, v in os.environ.items() if not k.startswith("FORTER_")},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "APPROVE\n"


def test_readme_quickstart_commands_use_no_repository_files() -> None:
    section = README[README.index("## Quick start") : README.index("## The pipeline")]
    assert "examples/" not in section.replace("examples/fastapi", "")  # not in the wheel
    assert "pip install './forter-orders[all]'" in section  # not on PyPI yet: from a clone
    assert "forter-orders example mobile > order.json" in section


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
    result.assert_outcomes(passed=3)


# ---------------------------------------------------------------- docs/async.md: the FastAPI recipe

RECIPE = ROOT / "examples" / "fastapi_checkout.py"


def test_the_fastapi_recipe_in_the_docs_is_the_example_file() -> None:
    docs = (ROOT / "docs" / "async.md").read_text()
    match = re.search(
        r"<!-- recipe: examples/fastapi_checkout.py -->\n```python\n(.*?)```", docs, re.DOTALL
    )
    assert match, "docs/async.md has no recipe block"
    assert match.group(1) == RECIPE.read_text()


def _checkout(email: str, price: str = "55.00") -> dict[str, Any]:
    return {
        "email": email,
        "currency": "USD",
        "items": [{"name": "White handbag", "price": price, "quantity": 2}],
        "forter_token": "2315688945984e9ca69d4e2b_ftr",
    }


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_the_fastapi_recipe_runs_against_the_mock(
    mock: MockServer, monkeypatch: pytest.MonkeyPatch, anyio_backend: str
) -> None:
    monkeypatch.setenv("FORTER_SITE_ID", mock.site_id)
    monkeypatch.setenv("FORTER_SECRET_KEY", mock.secret_key)
    monkeypatch.setenv("FORTER_BASE_URL", mock.url)
    spec = importlib.util.spec_from_file_location("fastapi_checkout_recipe", RECIPE)
    assert spec is not None
    assert spec.loader is not None
    recipe = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, recipe)  # as `uvicorn module:app` would import it
    spec.loader.exec_module(recipe)
    app = recipe.app

    # The app's own lifespan opens and closes its AsyncForterClient; httpx calls the ASGI app
    # in this event loop, as a server would.
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 50123))
    async with (
        recipe.lifespan(app),
        httpx.AsyncClient(transport=transport, base_url="http://shop.test") as shop,
    ):
        approved = await shop.post("/checkout/web-1", json=_checkout("approve@forter.com"))
        declined = await shop.post("/checkout/web-2", json=_checkout("decline@forter.com"))
        mock.queue("http-503", "http-503")  # the first try and the retry both fail
        outage = await shop.post("/checkout/web-3", json=_checkout("approve@forter.com"))
        mock.script_order("web-4", "unknown-decision")
        unknown = await shop.post("/checkout/web-4", json=_checkout("x@example.com"))
        bad = await shop.post("/checkout/web-5", json=_checkout("a@b.c", price="1.005"))

    assert approved.json() == {
        "order_id": "web-1",
        "action": "capture",
        "forter_decision": "APPROVE",
        "fallback": False,
    }
    assert declined.json()["action"] == "cancel"
    assert (outage.json()["action"], outage.json()["fallback"]) == ("capture", True)
    assert (unknown.json()["action"], unknown.json()["forter_decision"]) == (
        "review",
        "VERIFICATION_REQUIRED",
    )
    assert bad.status_code == 422
    assert bad.json()["detail"][0].startswith("amountLocalCurrency: amount 1.005")
    sent = next(r for r in mock.received if r["orderId"] == "web-1")["json"]
    assert sent["totalAmount"] == {"amountLocalCurrency": "110.00", "currency": "USD"}
    assert sent["connectionInformation"]["customerIP"] == "203.0.113.7"
    assert "web-5" not in [r["orderId"] for r in mock.received]  # refused before sending
