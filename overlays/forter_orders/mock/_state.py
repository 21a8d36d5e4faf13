"""Mock configuration and the controller: scripted scenarios, random faults, recordings."""

from __future__ import annotations

import collections
import dataclasses
import random
import re
import threading
import time
from collections.abc import Mapping
from typing import Any, Final

from .. import _strict_json as strict_json
from .._pan import bytes_may_hold_pan, mask_pans, mask_pans_in
from ._scenarios import Scenario, parse_scenario

DEFAULT_SITE_ID: Final = "mock-site"
"""Site id the mock expects in ``x-forter-siteid`` unless configured otherwise."""

# A public test credential, never a real key.
DEFAULT_SECRET_KEY: Final = "mock_secret_key"  # noqa: S105 - public test credential
"""Secret key the mock expects as the Basic user name unless configured otherwise."""

_REDACTED: Final = "Basic ***"
_BODY_PREVIEW: Final = 200

DEFAULT_READ_TIMEOUT: Final = 10.0
"""Seconds a client has to send a whole request (from connecting, or from its first byte on a
kept-alive connection) before the mock drops it: idle, slowloris and slow-body connections end."""

DEFAULT_MAX_BODY_BYTES: Final = 8 * 1024 * 1024
"""The largest request body the mock reads (an order is a few KiB; a 5 MB string in a field, as
the bad-input suite sends, still fits). Larger is a 413, decided from ``Content-Length`` before
anything is read, or as soon as a chunked body passes it."""

# Request headers whose values are credentials: recordings (served over HTTP) show them masked.
_CREDENTIAL_HEADERS: Final = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "x-api-key",
        "api-key",
        "apikey",
        "x-auth-token",
        "x-access-token",
        "x-csrf-token",
        "x-xsrf-token",
        "x-amz-security-token",
    }
)
# ... and any header whose name says it carries one (_CREDENTIAL_PARTS: as a whole part).
_CREDENTIAL_PARTS: Final = frozenset({"key", "bearer", "pass", "pwd", "jwt"})
_CREDENTIAL_WORDS: Final = (
    "auth",
    "token",
    "secret",
    "password",
    "passwd",
    "cookie",
    "session",
    "credential",
    "signature",
    "api-key",
    "apikey",
    "private",
)


@dataclasses.dataclass(frozen=True, slots=True)
class MockConfig:
    """Start-up options of the mock.

    Attributes:
        site_id: value the ``x-forter-siteid`` header must carry.
        secret_key: secret key expected as the HTTP Basic user name (the password is ignored,
            as Forter ignores it).
        fault_rate: probability (0..1) that an order request gets a random fault from
            ``fault_kinds`` when no scenario was asked for.
        fault_kinds: scenario names random faults are drawn from.
        latency_ms: delay added to every order request.
        seed: seed for the fault generator (``None``: unpredictable); equal seeds and equal
            request sequences give equal faults.
        max_recorded: how many requests are kept for inspection (oldest dropped first).
        validate: check bodies against the spec (``False``: only JSON-object and orderId checks).
        strict: refuse (400) what the spec's strict view finds, not only the errors the
            client's default validation refuses; the default mode accepts those orders and
            lists the warnings in the ``x-mock-warnings`` header and the recordings.
        read_timeout: seconds a client has to send a whole request (idle, slowloris and
            slow-body connections are dropped after it; a kept-alive connection idle between
            requests is closed by uvicorn after 5 s).
        max_body_bytes: the largest request body read; larger is a 413, before reading it.
    """

    site_id: str = DEFAULT_SITE_ID
    secret_key: str = DEFAULT_SECRET_KEY
    fault_rate: float = 0.0
    fault_kinds: tuple[str, ...] = ("http-503",)
    latency_ms: int = 0
    seed: int | None = None
    max_recorded: int = 1000
    validate: bool = True
    # strict keeps the place it had before the safety limits came: appended fields only.
    strict: bool = False
    read_timeout: float = DEFAULT_READ_TIMEOUT
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES

    def __post_init__(self) -> None:
        if not 0.0 <= self.fault_rate <= 1.0:
            raise ValueError(f"fault_rate must be within 0..1, got {self.fault_rate}")
        if self.latency_ms < 0:
            raise ValueError(f"latency_ms must be >= 0, got {self.latency_ms}")
        if self.max_recorded < 0:
            raise ValueError(f"max_recorded must be >= 0, got {self.max_recorded}")
        if not self.site_id or not self.secret_key:
            raise ValueError("site_id and secret_key must not be empty")
        if not self.read_timeout > 0:
            raise ValueError(f"read_timeout must be > 0 seconds, got {self.read_timeout}")
        if self.max_body_bytes < 1:
            raise ValueError(f"max_body_bytes must be >= 1, got {self.max_body_bytes}")
        # A list passed by a caller would make the frozen config hashable-in-name only.
        object.__setattr__(self, "fault_kinds", tuple(self.fault_kinds))
        if self.fault_rate > 0 and not self.fault_kinds:
            raise ValueError("fault_rate > 0 needs at least one fault kind")
        for kind in self.fault_kinds:
            parse_scenario(kind)  # raises UnknownScenarioError (a ValueError) for typos
        if self.strict and not self.validate:
            raise ValueError("strict needs validate: a mock that checks nothing cannot be strict")

    def __repr__(self) -> str:
        # The secret_key stays out of reprs, logs and tracebacks.
        fields = ", ".join(
            f"{f.name}={'***' if f.name == 'secret_key' else repr(getattr(self, f.name))}"
            for f in dataclasses.fields(self)
        )
        return f"MockConfig({fields})"


def is_credential_header(name: str) -> bool:
    """Whether a header named ``name`` carries a credential (masked in recordings)."""
    key = name.lower()
    if key in _CREDENTIAL_HEADERS or any(word in key for word in _CREDENTIAL_WORDS):
        return True
    # "key" and "bearer" as whole parts of the name (api_key, x-access-key, bearer), not
    # inside another word ("x-monkey-patch" is not a credential).
    return bool(_CREDENTIAL_PARTS.intersection(re.split(r"[-_.]", key)))


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Lower-cased header copy with every credential-like value hidden.

    ``Authorization`` (and ``Proxy-Authorization``) keep their scheme (``Basic ***``), so a test
    can still tell Basic from something else; ``Cookie``, ``X-Api-Key`` and any header whose
    name mentions a token, secret, password, session, signature or key become ``***``.
    """
    out: dict[str, str] = {}
    for name, value in headers.items():
        key = name.lower()
        if key in ("authorization", "proxy-authorization"):
            scheme = value.split(" ", 1)[0] if " " in value.strip() else ""
            out[key] = f"{scheme} ***" if scheme.isalpha() else "***"
            if scheme.lower() == "basic":
                out[key] = _REDACTED
        elif is_credential_header(key):
            out[key] = "***"
        else:
            out[key] = value
    return out


@dataclasses.dataclass(slots=True)
class Arrival:
    """One order request from the moment the mock saw it (:meth:`MockController.arrive`).

    ``generation`` is the controller's generation when the request arrived: once
    :meth:`MockController.clear` has moved on, the request no longer touches the state (no
    queued scenario consumed, no recording filled in, no count). ``entry`` is its recording
    (``None`` when ``max_recorded`` is 0).
    """

    generation: int
    entry: dict[str, Any] | None


class MockController:
    """Scripting and recording state of one mock app (``app.state.mock``).

    Thread-safe: tests script it from their own thread while uvicorn serves in another.
    Scenario precedence for an order request: ``x-mock-scenario`` header, then the next
    queued scenario, then the scenario scripted for the orderId, then a random fault.

    An order request is recorded when it **arrives** (:meth:`arrive`, as soon as its request
    line and headers are read; its body is added once read), so a request still being answered
    - a ``slow:<ms>`` scenario, a client that timed out - is already in :attr:`received` with
    ``status`` ``None``; the status is filled in when the answer goes out (:meth:`answered`).

    :meth:`clear` **fences** the requests in flight: each request carries the generation it
    arrived in, and one from before the clear neither consumes the new queued or scripted
    scenarios, nor appears in the new recordings, nor is counted in the new :attr:`stats`.
    (Fencing rather than waiting for them: a ``slow:120000`` request would hold a clear, and
    the test that called it, for two minutes.)
    """

    def __init__(self, config: MockConfig) -> None:
        self.config = config
        #: Whether strict-view warnings are refused (400) right now; starts as config.strict,
        #: may be switched at run time (the pytest plugin does, per test) and is reset by clear().
        self.strict = config.strict
        self._lock = threading.Lock()
        self._fault_kinds = tuple(parse_scenario(kind) for kind in config.fault_kinds)
        self._records: collections.deque[dict[str, Any]] = collections.deque(
            maxlen=config.max_recorded
        )
        self._next: collections.deque[Scenario] = collections.deque()
        self._by_order: dict[str, Scenario] = {}
        self._rng = random.Random(config.seed)  # noqa: S311 - fault injection, not crypto
        # Counters behind `stats`, kept apart from the bounded recordings so that they stay
        # exact however many requests arrive (the CLI mock records only the last 1000). Keyed
        # by the objects the handler already holds; names are spelled out only in `stats`.
        self._count = 0
        self._by_scenario: dict[Scenario | None, int] = {}
        self._by_status: dict[int | None, int] = {}
        # Bumped by clear(): requests that arrived earlier are fenced off (see the class docs).
        self._generation = 0

    # ---------------------------------------------------------------- scripting
    def queue(self, *scenarios: str) -> None:
        """Append scenarios to the FIFO of next responses (one consumed per order request)."""
        parsed = [parse_scenario(name) for name in scenarios]
        with self._lock:
            self._next.extend(parsed)

    def script_order(self, order_id: str, scenario: str) -> None:
        """Answer every request for ``order_id`` with ``scenario`` until cleared."""
        parsed = parse_scenario(scenario)
        with self._lock:
            self._by_order[order_id] = parsed

    def clear(self) -> None:
        """Drop recordings, queued and per-order scenarios; restart the fault sequence."""
        with self._lock:
            self._generation += 1
            self.strict = self.config.strict
            self._records.clear()
            self._next.clear()
            self._by_order.clear()
            self._rng = random.Random(self.config.seed)  # noqa: S311
            self._count = 0
            self._by_scenario.clear()
            self._by_status.clear()

    @property
    def pending(self) -> list[str]:
        """Names of the queued scenarios not consumed yet."""
        with self._lock:
            return [scenario.name for scenario in self._next]

    @property
    def generation(self) -> int:
        """How many times :meth:`clear` ran: requests from an older generation are fenced."""
        with self._lock:
            return self._generation

    def pick(
        self, header: str | None, order_id: str, arrival: Arrival | None = None
    ) -> Scenario | None:
        """The scenario for this order request (raises UnknownScenarioError for bad headers).

        A request that ``arrival`` says came before the last :meth:`clear` gets only its own
        header's scenario: the queue, the scripts and the fault sequence belong to the requests
        that came after.
        """
        if header is not None and header.strip():
            return parse_scenario(header)
        with self._lock:
            if arrival is not None and arrival.generation != self._generation:
                return None
            if self._next:
                return self._next.popleft()
            if order_id in self._by_order:
                return self._by_order[order_id]
            if self.config.fault_rate > 0 and self._rng.random() < self.config.fault_rate:
                return self._rng.choice(self._fault_kinds)
        return None

    # ---------------------------------------------------------------- recording
    def arrive(
        self,
        *,
        method: str,
        path: str,
        headers: Mapping[str, str],
        order_id: str | None,
        request_id: str,
    ) -> Arrival:
        """Record an order request as it arrives (headers read, body not yet): ``status``,
        ``scenario``, ``json`` and ``body_preview`` are ``None`` until filled in."""
        entry: dict[str, Any] | None = None
        if self.config.max_recorded:
            entry = {
                "time": time.time(),
                "method": method,
                "path": path,
                "headers": redact_headers(headers),
                "json": None,
                "body_preview": None,
                "orderId": order_id,
                "scenario": None,
                "status": None,
                "requestId": request_id,
                "warnings": [],
            }
        with self._lock:
            if entry is not None:
                self._records.append(entry)
            return Arrival(self._generation, entry)

    def add_body(self, arrival: Arrival, body: bytes) -> None:
        """The body of an arrived request, once read (parsed, or a preview when not JSON)."""
        if arrival.entry is None:
            return
        parsed, preview = _recorded_body(body, None)
        with self._lock:
            arrival.entry["json"] = parsed
            arrival.entry["body_preview"] = preview

    def picked(self, arrival: Arrival, scenario: Scenario | None) -> None:
        """The scenario chosen for an arrived request (shown while it is being answered)."""
        if arrival.entry is not None and scenario is not None:
            with self._lock:
                arrival.entry["scenario"] = scenario.name

    def answered(
        self,
        arrival: Arrival,
        *,
        scenario: Scenario | None,
        status: int | None,
        warnings: list[dict[str, str]] | None = None,
    ) -> None:
        """The answer to an arrived request went out (``status`` ``None``: the mock dropped the
        connection); counted in :attr:`stats` unless :meth:`clear` ran since it arrived."""
        with self._lock:
            if arrival.entry is not None:
                arrival.entry["scenario"] = scenario.name if scenario else None
                arrival.entry["status"] = status
                arrival.entry["warnings"] = warnings or []
            if arrival.generation == self._generation:
                self._count_locked(scenario, status)

    def record(
        self,
        *,
        method: str,
        path: str,
        headers: Mapping[str, str],
        body: bytes,
        status: int | None,
        request_id: str,
        parsed: object = None,
        order_id: str | None = None,
        scenario: Scenario | None = None,
        warnings: list[dict[str, str]] | None = None,
    ) -> None:
        """Keep one request answered at once (Authorization redacted; raw bytes only as a
        short preview): what the mock refuses before the order handler runs (404, 405, 413).

        ``warnings``: what strict validation said about the order (``x-mock-warnings``).

        Order requests (``order_id`` set) are also counted for :attr:`stats`, even when
        ``max_recorded`` is 0. ``status`` is ``None`` when the connection was dropped.
        """
        if order_id is not None:
            with self._lock:
                self._count_locked(scenario, status)
        if self.config.max_recorded == 0:
            return
        parsed, preview = _recorded_body(body, parsed)
        entry: dict[str, Any] = {
            "time": time.time(),
            "method": method,
            "path": path,
            "headers": redact_headers(headers),
            "json": parsed,
            "body_preview": preview,
            "orderId": order_id,
            "scenario": scenario.name if scenario else None,
            "status": status,
            "requestId": request_id,
            "warnings": warnings or [],
        }
        with self._lock:
            self._records.append(entry)

    def _count_locked(self, scenario: Scenario | None, status: int | None) -> None:
        self._count += 1
        self._by_scenario[scenario] = self._by_scenario.get(scenario, 0) + 1
        self._by_status[status] = self._by_status.get(status, 0) + 1

    @property
    def stats(self) -> dict[str, Any]:
        """Order requests answered since start or the last :meth:`clear`, as a fresh dict
        (requests still being answered are in :attr:`received`, not here yet).

        ``{"requests": n, "byScenario": {"http-503": n, ..., "none": n}, "byStatus": {"200": n,
        ..., "reset": n}}``: ``none`` counts requests no scenario applied to, ``reset`` those
        whose connection was dropped (``reset``, ``reset-mid-body``). Only keys seen appear.
        """
        with self._lock:
            count = self._count
            by_scenario = list(self._by_scenario.items())
            by_status = list(self._by_status.items())
        return {
            "requests": count,
            "byScenario": {
                (scenario.name if scenario else "none"): n for scenario, n in by_scenario
            },
            "byStatus": {
                ("reset" if status is None else str(status)): n for status, n in by_status
            },
        }

    @property
    def received(self) -> list[dict[str, Any]]:
        """Recorded requests in the order they arrived, as copies taken now: a request still
        being answered shows ``status`` ``None`` (and its scenario, once chosen)."""
        with self._lock:
            return [dict(entry) for entry in self._records]


def _recorded_body(body: bytes, parsed: object) -> tuple[object, str | None]:
    """What a recording shows of a body: the parsed JSON, else a preview of its first bytes;
    card numbers masked either way."""
    if parsed is None and body:
        # Fault scenarios answer before parsing; tests still want to see the order.
        try:
            parsed = strict_json.loads(body)
        except strict_json.JSONInputError:  # never json.loads: deep nesting would recurse
            parsed = None
    preview = None if parsed is not None else body[:_BODY_PREVIEW].decode("utf-8", "replace")
    if bytes_may_hold_pan(body):
        # Recordings are served over HTTP (/_mock/requests): a card number sent by a client
        # that skipped validation, or by curl, is kept masked like everywhere else.
        parsed = mask_pans_in(parsed)
        preview = mask_pans(preview) if preview is not None else None
    return parsed, preview
