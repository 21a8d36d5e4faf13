"""pytest plugin for testing Forter integrations against the local Order v3 mock.

Registered through the ``pytest11`` entry point, so it is active wherever ``forter-orders``
is installed. It imports nothing heavy until a fixture is used: the mock (Starlette,
uvicorn, openapi-core) starts only in sessions that ask for it.

Fixtures:

``forter_mock``
    Session-scoped :class:`forter_orders.mock.MockServer` on a free loopback port.
``forter_mock_state``
    Function-scoped :class:`ForterMockState`: clears the mock before and after the test
    and offers scripting (``queue``, ``script_order``) and inspection (``received``,
    ``orders``, ``stats``) helpers.
``forter_client``
    A :class:`forter_orders.ForterClient` pointed at the mock (with a clean state).

Strict checking, so that a misspelled member fails a test on purpose: ``pytest --forter-strict``
(or ``forter_strict = true`` in the ini file) for every test, ``@pytest.mark.forter_strict`` for
one test (``@pytest.mark.forter_strict(False)`` opts a test out). In a strict test the mock
answers 400 to what the spec's strict view finds, not only to errors, and ``forter_client`` uses
``validation="strict"`` (it raises ``OrderValidationError`` before sending). Without it, the mock
answers like Forter and reports the warnings in ``x-mock-warnings`` and
``forter_mock_state.warnings``.

Disable with ``-p no:forter_orders``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from forter_orders.mock import MockServer

__all__ = ["ForterMockState", "forter_client", "forter_mock", "forter_mock_state"]

_STRICT_OPTION = "--forter-strict"
_STRICT_INI = "forter_strict"
_STRICT_MARKER = "forter_strict"


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--forter-strict`` / ``forter_strict``: strict validation in every forter fixture."""
    group = parser.getgroup("forter_orders", "Forter Order v3 mock")
    group.addoption(
        _STRICT_OPTION,
        action="store_true",
        default=None,
        help="strict validation for every test: the mock answers 400 to spec warnings and "
        "forter_client refuses them (default: like Forter, errors only)",
    )
    parser.addini(
        _STRICT_INI,
        type="bool",
        default=False,
        help="strict validation for every test (as --forter-strict)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``forter_strict`` marker."""
    config.addinivalue_line(
        "markers",
        f"{_STRICT_MARKER}(on=True): strict validation in this test's forter fixtures (the mock "
        "answers 400 to spec warnings; forter_client uses validation='strict')",
    )


def _strict_for(request: pytest.FixtureRequest) -> bool:
    marker = request.node.get_closest_marker(_STRICT_MARKER)
    if marker is not None:
        return bool(marker.args[0]) if marker.args else bool(marker.kwargs.get("on", True))
    option = request.config.getoption(_STRICT_OPTION)
    if option is not None:
        return bool(option)
    return bool(request.config.getini(_STRICT_INI))


class ForterMockState:
    """Per-test view of the session mock: script outcomes, read what it received."""

    def __init__(self, server: MockServer) -> None:
        self.server = server

    @property
    def url(self) -> str:
        """Base URL of the mock, e.g. ``http://127.0.0.1:40123``."""
        return self.server.url

    @property
    def site_id(self) -> str:
        """Site id the mock expects in ``x-forter-siteid``."""
        return self.server.site_id

    @property
    def secret_key(self) -> str:
        """Test secret key the mock expects as the Basic user name."""
        return self.server.secret_key

    @property
    def api_key(self) -> str:
        """Deprecated old name of :attr:`secret_key` (removed in 0.3.0)."""
        warnings.warn(
            "forter_mock_state.api_key is deprecated and will be removed in 0.3.0: use secret_key",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.server.secret_key

    @property
    def strict(self) -> bool:
        """Whether the mock refuses (400) spec warnings in this test, not only errors."""
        return self.server.strict

    @strict.setter
    def strict(self, value: bool) -> None:
        self.server.strict = value

    @property
    def warnings(self) -> list[dict[str, Any]]:
        """What strict validation said about the orders of this test, oldest first: one
        ``{"orderId", "path", "message", "code"}`` per warning (also in ``x-mock-warnings``)."""
        return [
            {"orderId": entry["orderId"], **warning}
            for entry in self.server.received
            for warning in entry.get("warnings", ())
        ]

    def queue(self, *scenarios: str) -> None:
        """Answer the next order requests with these scenarios, in order (e.g. ``"http-503"``)."""
        self.server.queue(*scenarios)

    def script_order(self, order_id: str, scenario: str) -> None:
        """Answer every request for ``order_id`` with ``scenario`` (e.g. ``"decline"``)."""
        self.server.script_order(order_id, scenario)

    @property
    def received(self) -> list[dict[str, Any]]:
        """Every request the mock recorded in this test, oldest first (Authorization redacted)."""
        return self.server.received

    @property
    def orders(self) -> list[dict[str, Any]]:
        """JSON bodies of the order requests received in this test, oldest first."""
        return [
            entry["json"]
            for entry in self.server.received
            if entry["orderId"] is not None and isinstance(entry["json"], dict)
        ]

    @property
    def stats(self) -> dict[str, Any]:
        """Order requests answered in this test: ``{"requests": n, "byScenario": {...},
        "byStatus": {...}}`` (exact even past the recording limit)."""
        return self.server.stats

    def clear(self) -> None:
        """Forget recordings, stats and scripted scenarios."""
        self.server.clear()


def _require_mock() -> None:
    """Fail the test with one line naming the install command when [mock] is missing."""
    from forter_orders._extras import MissingExtraError, require

    try:
        require("mock", "the forter_mock fixture")
    except MissingExtraError as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="session")
def forter_mock() -> Iterator[MockServer]:
    """A running Forter Order v3 mock for the whole session (default test credentials)."""
    _require_mock()
    from forter_orders.mock import MockServer  # lazy: keep plugin import cheap

    with MockServer(host="127.0.0.1", port=0) as server:
        yield server


@pytest.fixture
def forter_mock_state(
    forter_mock: MockServer, request: pytest.FixtureRequest
) -> Iterator[ForterMockState]:
    """The session mock, cleared before and after the test, so no test sees another's orders;
    strict when the test is (``--forter-strict``, ``@pytest.mark.forter_strict``)."""
    forter_mock.clear()
    forter_mock.strict = _strict_for(request)
    yield ForterMockState(forter_mock)
    forter_mock.clear()


@pytest.fixture
def forter_client(
    forter_mock_state: ForterMockState, request: pytest.FixtureRequest
) -> Iterator[Any]:
    """A ``forter_orders.ForterClient`` configured for the mock (closed after the test), with
    ``validation="strict"`` in strict tests (else the client's default or FORTER_VALIDATION)."""
    import forter_orders

    client_cls = getattr(forter_orders, "ForterClient", None)
    if client_cls is None:
        raise RuntimeError("forter_orders.ForterClient is missing: is forter-orders complete?")
    client = client_cls(
        site_id=forter_mock_state.site_id,
        secret_key=forter_mock_state.secret_key,
        base_url=forter_mock_state.url,
        validation="strict" if _strict_for(request) else None,
    )
    try:
        yield client
    finally:
        close = getattr(client, "close", None)
        if callable(close):
            close()
