"""Fixtures of the contract suite: a dedicated mock on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from forter_orders.mock import MockConfig, MockServer


@pytest.fixture(scope="session")
def contract_mock() -> Iterator[MockServer]:
    """A mock of its own for the contract suite (recordings off: thousands of cases)."""
    with MockServer(MockConfig(max_recorded=0), host="127.0.0.1", port=0) as server:
        yield server
