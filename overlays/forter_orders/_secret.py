"""A wrapper that keeps the Forter secret key out of reprs, logs, exceptions and debuggers."""

from __future__ import annotations

import base64
import hmac
import threading
import weakref
from collections.abc import Generator
from typing import Final

import httpx

_MASK: Final = "**********"


class Secret:
    """A secret string whose ``repr``/``str`` are masked.

    Use :meth:`get_secret_value` where the real value is needed. ``__slots__`` (no ``__dict__``)
    keeps the value out of ``vars()``, and equality is constant-time. Every ``Secret`` is registered
    with the log filter, so the value (and its HTTP Basic form) is redacted wherever it shows up in
    a record of the ``forter_orders`` logger.
    """

    __slots__ = ("__weakref__", "_basic", "_value")

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("Secret value must be a str")
        self._value = value
        # Forter: HTTP Basic with the key as the user name and an EMPTY password ("<key>:").
        self._basic = base64.b64encode(f"{value}:".encode()).decode("ascii")
        with _LIVE_LOCK:
            _LIVE_SECRETS.add(self)

    def get_secret_value(self) -> str:
        """The real value; never log or format it."""
        return self._value

    def basic_credentials(self) -> str:
        """The base64 ``<key>:`` credentials of an ``Authorization: Basic`` header."""
        return self._basic

    def __repr__(self) -> str:
        return f"Secret('{_MASK}')"

    def __str__(self) -> str:
        return _MASK

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        return hash(self._basic)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __reduce__(self) -> str | tuple[object, ...]:
        # Pickling would write the key to disk or a queue in the clear.
        raise TypeError("Secret objects cannot be pickled")


# Weak: a secret is forgotten by the log filter when its last client goes away.
_LIVE_SECRETS: weakref.WeakSet[Secret] = weakref.WeakSet()
# WeakSet defers removals while it is iterated, not additions: without the lock, a client made in
# one thread while another thread's log record walks the set raises "Set changed size during
# iteration" out of that logging call. Reentrant: a weakref made under it can run a collection
# whose finalizers log.
_LIVE_LOCK = threading.RLock()


# Shorter values are not redacted by substring: a 3-letter test key would blank out every "key" in
# every log line. Real Forter keys are far longer; their Basic form is always redacted.
MIN_REDACTED_LENGTH: Final = 8


def live_secret_strings() -> list[str]:
    """Every live secret's raw value (8+ chars) and Basic form, longest first (for redaction)."""
    out: list[str] = []
    with _LIVE_LOCK:
        secrets = list(_LIVE_SECRETS)
    for secret in secrets:
        if len(secret._value) >= MIN_REDACTED_LENGTH:
            out.append(secret._value)
        if secret._value:
            out.append(secret._basic)
    out.sort(key=len, reverse=True)
    return out


class BasicSecretAuth(httpx.Auth):
    """httpx auth that sets ``Authorization: Basic base64(<key>:)`` on each request.

    Passed per request (so it also works with a caller's own ``httpx.Client``). The header value
    is never a local variable of the client's frames: debuggers and error trackers that capture
    frame locals see only this object, whose repr is masked (httpx masks ``Headers`` reprs).
    """

    __slots__ = ("_header", "_secret")

    def __init__(self, secret: Secret) -> None:
        self._secret = secret
        self._header = f"Basic {secret.basic_credentials()}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add the Basic credentials; no challenge round-trips."""
        request.headers["Authorization"] = self._header
        yield request

    def __repr__(self) -> str:
        return f"BasicSecretAuth({self._secret!r})"
