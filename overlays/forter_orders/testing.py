"""pytest plugin for testing Forter integrations against the local Order v3 mock.

Registered through the ``pytest11`` entry point, so it is active wherever ``forter-orders``
is installed. It imports nothing heavy until a fixture is used: the mock (Starlette,
uvicorn, openapi-core) starts only in sessions that ask for it.

Fixtures (each listed in ``docs/mock.md``, "Testing your integration with pytest"):

``forter_mock`` (session)
    :class:`forter_orders.mock.MockServer` on a free loopback port.
``forter_mock_state`` (function)
    :class:`ForterMockState`: clears the mock before and after the test and offers scripting
    (``queue``, ``script_order``) and inspection (``received``, ``orders``, ``warnings``,
    ``stats``, ``pending``) helpers.
``forter_client`` (function)
    A :class:`forter_orders.ForterClient` pointed at the mock (with a clean state), closed
    after the test.
``forter_async_client`` (function, async)
    A :class:`forter_orders.AsyncForterClient` pointed at the mock, closed after the test; for
    ``async def`` tests run by anyio's pytest plugin (``@pytest.mark.anyio``; anyio is a
    dependency of forter-orders, so the plugin is installed).

Isolation: the mock records each order request when it **arrives**, so a request the test
abandoned (a client timeout against ``slow:<ms>``) is in ``received`` with ``status`` ``None``;
and the clear between tests **fences** the requests still in flight, so none of them lands in a
later test's recordings or stats, or consumes the scenarios that test queued.

Strict checking, so that a misspelled member fails a test on purpose: ``pytest --forter-strict``
(or ``forter_strict = true`` in the ini file) for every test, ``@pytest.mark.forter_strict`` for
one test (``@pytest.mark.forter_strict(False)`` opts a test out). In a strict test the mock
answers 400 to what the spec's strict view finds, not only to errors, and ``forter_client`` and
``forter_async_client`` use ``validation="strict"`` (they raise ``OrderValidationError`` before
sending). Without it, the mock answers like Forter and reports the warnings in
``x-mock-warnings`` and ``forter_mock_state.warnings``.

Disable with ``-p no:forter_orders``.
"""

from __future__ import annotations

import warnings
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    # What the fixtures return, importable from here (lazily: see __getattr__ below).
    from forter_orders._client import AsyncForterClient, ForterClient
    from forter_orders.mock import MockServer

__all__ = [
    "AsyncForterClient",
    "ForterClient",
    "ForterMockState",
    "MockServer",
    "forter_async_client",
    "forter_client",
    "forter_mock",
    "forter_mock_state",
]


def __getattr__(name: str) -> Any:
    # The classes the fixtures return, for type annotations in merchants' tests
    # (``def test_x(forter_async_client: AsyncForterClient)``); imported on first use so that
    # loading the plugin stays cheap (MockServer needs the [mock] extra).
    if name in ("ForterClient", "AsyncForterClient"):
        import forter_orders

        return getattr(forter_orders, name)
    if name == "MockServer":
        _require_mock()
        from forter_orders.mock import MockServer

        return MockServer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    """Per-test view of the session mock: script outcomes, read what it received.

    What the ``forter_mock_state`` fixture returns. Everything here is about the current test
    only: the fixture clears the mock before and after it, and requests still in flight from an
    earlier test are fenced off (they neither show up here nor consume what this test queued).
    """

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
    def pending(self) -> list[str]:
        """The queued scenarios no order request has consumed yet, next first."""
        return self.server.controller.pending

    @property
    def received(self) -> list[dict[str, Any]]:
        """Every request the mock received in this test, in the order they arrived
        (Authorization redacted), as copies taken now.

        Recorded on arrival: a request still being answered (``slow:<ms>``), or one the client
        gave up on, is here with ``status`` ``None``; ``status`` is filled in when the answer
        goes out (``None`` for good when the connection was dropped, by the mock or the client).
        """
        return self.server.received

    @property
    def orders(self) -> list[dict[str, Any]]:
        """JSON bodies of the order requests received in this test, in arrival order (answered
        or not)."""
        return [
            entry["json"]
            for entry in self.server.received
            if entry["orderId"] is not None and isinstance(entry["json"], dict)
        ]

    @property
    def stats(self) -> dict[str, Any]:
        """Order requests answered in this test: ``{"requests": n, "byScenario": {...},
        "byStatus": {...}}`` (exact even past the recording limit; a request still being
        answered is counted when its answer goes out)."""
        return self.server.stats

    def clear(self) -> None:
        """Forget recordings, stats and scripted scenarios, and fence the requests in flight:
        when they are answered they touch none of the new state."""
        self.server.clear()

    def __repr__(self) -> str:
        return f"ForterMockState(url={self.url!r}, strict={self.strict!r})"


def _require_mock(feature: str = "the forter_mock fixture") -> None:
    """Fail the test with one line naming the install command when [mock] is missing."""
    from forter_orders._extras import MissingExtraError, require

    try:
        require("mock", feature)
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


def _client_settings(state: ForterMockState, request: pytest.FixtureRequest) -> dict[str, Any]:
    """What both client fixtures pass: the mock's URL and test credentials, and strict
    validation in strict tests (else the client's default, or FORTER_VALIDATION)."""
    return {
        "site_id": state.site_id,
        "secret_key": state.secret_key,
        "base_url": state.url,
        "validation": "strict" if _strict_for(request) else None,
    }


@pytest.fixture
def forter_client(
    forter_mock_state: ForterMockState, request: pytest.FixtureRequest
) -> Iterator[ForterClient]:
    """A ``forter_orders.ForterClient`` configured for the mock (closed after the test), with
    ``validation="strict"`` in strict tests (else the client's default or FORTER_VALIDATION)."""
    from forter_orders import ForterClient

    client = ForterClient(**_client_settings(forter_mock_state, request))
    try:
        yield client
    finally:
        client.close()


@pytest.fixture
async def forter_async_client(
    forter_mock_state: ForterMockState, request: pytest.FixtureRequest
) -> AsyncIterator[AsyncForterClient]:
    """A ``forter_orders.AsyncForterClient`` configured for the mock (closed after the test),
    strict like ``forter_client``. Use it in ``async def`` tests marked ``@pytest.mark.anyio``
    (anyio's pytest plugin runs the test and this fixture on the same event loop)."""
    from forter_orders import AsyncForterClient

    client = AsyncForterClient(**_client_settings(forter_mock_state, request))
    try:
        yield client
    finally:
        await client.close()
