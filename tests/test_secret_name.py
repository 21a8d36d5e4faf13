"""One name for the secret: ``secret_key`` everywhere; the old ``api_key`` names still work for
one release, each with a DeprecationWarning (or, on the command line, a one-line notice)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from forter_orders import mock as mock_module
from forter_orders.cli import _app
from forter_orders.mock import DEFAULT_SECRET_KEY, MockConfig, MockServer
from forter_orders.testing import ForterMockState

runner = CliRunner()


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[MockConfig]:
    """``forter-orders mock`` with ``serve`` replaced: the configs it would have served."""
    configs: list[MockConfig] = []

    def fake_serve(config: MockConfig, **_: Any) -> None:
        configs.append(config)

    monkeypatch.setattr(mock_module, "serve", fake_serve)
    monkeypatch.delenv("FORTER_MOCK_SECRET_KEY", raising=False)
    return configs


def test_mock_command_reads_the_key_from_a_file(tmp_path: Path, served: list[MockConfig]) -> None:
    key_file = tmp_path / "key"
    key_file.write_text("file-key\n", encoding="utf-8")
    result = runner.invoke(_app.app, ["mock", "--secret-key-file", str(key_file)])
    assert result.exit_code == 0, result.output
    assert [c.secret_key for c in served] == ["file-key"]


def test_mock_command_reads_the_key_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, served: list[MockConfig]
) -> None:
    monkeypatch.setenv("FORTER_MOCK_SECRET_KEY", "env-key")
    assert runner.invoke(_app.app, ["mock"]).exit_code == 0
    assert [c.secret_key for c in served] == ["env-key"]


def test_mock_command_defaults_to_the_public_mock_key(served: list[MockConfig]) -> None:
    assert runner.invoke(_app.app, ["mock"]).exit_code == 0
    assert [c.secret_key for c in served] == [DEFAULT_SECRET_KEY]


def test_mock_command_old_api_key_flag_works_with_a_notice(served: list[MockConfig]) -> None:
    result = runner.invoke(_app.app, ["mock", "--api-key", "flag-key"])
    assert result.exit_code == 0
    assert [c.secret_key for c in served] == ["flag-key"]
    assert "--api-key is deprecated" in result.stderr
    assert "--secret-key-file" in result.stderr
    assert "flag-key" not in result.output


def test_mock_command_empty_key_file_is_a_usage_error(
    tmp_path: Path, served: list[MockConfig]
) -> None:
    key_file = tmp_path / "key"
    key_file.write_text("  \n", encoding="utf-8")
    result = runner.invoke(_app.app, ["mock", "--secret-key-file", str(key_file)])
    assert result.exit_code == 2
    assert "is empty" in result.stderr
    assert served == []


def test_old_python_names_warn_and_return_the_secret_key() -> None:
    with pytest.warns(DeprecationWarning, match="DEFAULT_SECRET_KEY"):
        old_default = mock_module.DEFAULT_API_KEY
    assert old_default == DEFAULT_SECRET_KEY
    with MockServer(MockConfig(secret_key="k2", validate=False)) as server:
        with pytest.warns(DeprecationWarning, match="use secret_key"):
            assert server.api_key == "k2"
        state = ForterMockState(server)
        assert state.secret_key == "k2"
        with pytest.warns(DeprecationWarning, match="use secret_key"):
            assert state.api_key == "k2"
