"""Fixtures of the contract suite: a dedicated mock on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from forter_orders.mock import MockConfig, MockServer


@pytest.fixture(scope="session")
def contract_mock() -> Iterator[MockServer]:
    """A mock of its own for the contract suite (recordings off: thousands of cases), answering
    like Forter: 400 for what the client's default validation treats as an error."""
    with MockServer(MockConfig(max_recorded=0), host="127.0.0.1", port=0) as server:
        yield server


@pytest.fixture(scope="session")
def strict_contract_mock() -> Iterator[MockServer]:
    """A strict mock: 400 for everything the spec's strict view finds, so every body that breaks
    the published spec (schemathesis' negative data) is refused."""
    config = MockConfig(max_recorded=0, strict=True)
    with MockServer(config, host="127.0.0.1", port=0) as server:
        yield server
