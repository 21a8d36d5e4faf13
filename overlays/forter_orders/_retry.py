"""Retry policy: which failures are retried, how long to wait, and the total deadline.

Why a small explicit loop (in ``_client``) instead of tenacity: tenacity reads ``time.monotonic()``
directly for its stop-after-delay bookkeeping, so its clock cannot be injected; the per-attempt
timeout here depends on the time left before the deadline, and the wait depends on the response's
``Retry-After``, both of which would need tenacity callbacks reaching back into the attempt; and
building a ``Retrying`` object per call costs more than the whole loop on a checkout hot path. The
loop is ~30 lines per flavour (sync/async) and every decision it makes lives in this module as a
pure function that the tests drive with a fake clock and a fake sleep.

Defaults, and why:

* ``max_retries=1``: Forter's error-handling guidance is "retry once, then proceed" (fail open).
* per-attempt timeout 4 s (the client's ``timeout``): Forter's own plugins use 2-5 s
  (Magento 2 s growing to 7 s, Salesforce 5 s, Workarea 2 s); 4 s leaves room for a slow decision
  without holding a checkout hostage.
* ``deadline=8.0`` s for all attempts and waits together: two full attempts fit, a third never does,
  so a checkout waits at most ~8 s for Forter however the failures combine.
* ``backoff_initial=0.2`` s, doubling, capped by ``backoff_max=2.0`` s, minus up to ``jitter=0.2``
  (20 %) at random so that many checkout workers hit by the same outage do not retry in lockstep.
* retried: connection errors and timeouts, 429 (waiting ``Retry-After`` when sent) and
  500/502/503/504. Never retried: 400/401/404 and anything else (a bug or a configuration error that
  a retry cannot fix).
"""

from __future__ import annotations

import contextlib
import dataclasses
import email.utils
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

import httpx

from ._errors import APIConnectionError, APIStatusError, ConfigurationError, ForterError

DEFAULT_TIMEOUT: Final = 4.0
DEFAULT_RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How failed attempts are retried; see the module docs for why each default was chosen.

    Attributes:
        max_retries: retries after the first attempt (1 = Forter's "retry once").
        backoff_initial: wait before the first retry, in seconds; doubles per retry.
        backoff_max: upper bound of a single backoff wait.
        jitter: fraction (0-1) of each wait that is randomly removed (``wait * (1 - jitter * U)``).
        deadline: seconds for all attempts and waits together (``None``: no total bound). Each
            attempt's timeout is ``min(timeout, time left)``; no retry starts if its wait would end
            past the deadline.
        retry_on_status: HTTP statuses that are retried.
        retry_on_connection_errors: retry connection failures and timeouts.
        max_retry_after: the longest ``Retry-After`` honoured; a longer one ends the retries.
    """

    max_retries: int = 1
    backoff_initial: float = 0.2
    backoff_max: float = 2.0
    jitter: float = 0.2
    deadline: float | None = 8.0
    retry_on_status: frozenset[int] = DEFAULT_RETRY_STATUSES
    retry_on_connection_errors: bool = True
    max_retry_after: float = 60.0

    def __post_init__(self) -> None:
        # NaN passes every "< 0" check and then makes httpx refuse each request, which a
        # fail-open policy turns into a silent fallback for every order: refuse it here.
        if isinstance(self.max_retries, bool) or not isinstance(self.max_retries, int):
            raise ConfigurationError("max_retries must be an integer >= 0")
        if self.max_retries < 0:
            raise ConfigurationError("max_retries must be >= 0")
        if not (_finite(self.backoff_initial) and _finite(self.backoff_max)):
            raise ConfigurationError("backoff_initial and backoff_max must be finite numbers")
        if self.backoff_initial < 0 or self.backoff_max < 0:
            raise ConfigurationError("backoff_initial and backoff_max must be >= 0")
        if not _finite(self.jitter) or not 0 <= self.jitter <= 1:
            raise ConfigurationError("jitter must be between 0 and 1")
        if self.deadline is not None and (not _finite(self.deadline) or self.deadline <= 0):
            raise ConfigurationError("deadline must be a finite number of seconds > 0 (or None)")
        if not _finite(self.max_retry_after) or self.max_retry_after < 0:
            raise ConfigurationError("max_retry_after must be a finite number of seconds >= 0")
        # Accept any iterable of ints (a set, a tuple) but keep the dataclass hashable.
        object.__setattr__(self, "retry_on_status", frozenset(self.retry_on_status))

    def replace(self, **changes: object) -> RetryPolicy:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def backoff(self, retry_number: int, random: Callable[[], float]) -> float:
        """The wait before retry ``retry_number`` (1-based), jitter applied."""
        base: float = min(self.backoff_max, self.backoff_initial * 2.0 ** (retry_number - 1))
        return base * (1.0 - self.jitter * random())

    def is_retryable(self, error: ForterError) -> bool:
        """Whether this kind of failure is ever retried under this policy."""
        if isinstance(error, APIConnectionError):
            return self.retry_on_connection_errors
        if isinstance(error, APIStatusError):
            return error.http_status in self.retry_on_status
        return False

    def next_delay(
        self,
        *,
        retries_done: int,
        error: ForterError,
        remaining: float | None,
        random: Callable[[], float],
    ) -> float | None:
        """Seconds to wait before the next attempt, or ``None`` to stop and surface ``error``."""
        if retries_done >= self.max_retries or not self.is_retryable(error):
            return None
        delay = self.backoff(retries_done + 1, random)
        retry_after = getattr(error, "retry_after", None)
        if retry_after is None and isinstance(error, APIStatusError):
            retry_after = parse_retry_after(error.response)
        if retry_after is not None:
            if retry_after > self.max_retry_after:
                return None
            delay = retry_after
        # A wait that ends at (or past) the deadline leaves no time for the attempt it waits for.
        if remaining is not None and delay >= remaining:
            return None
        return delay


def parse_retry_after(response: httpx.Response) -> float | None:
    """``Retry-After`` in seconds (delta-seconds or an HTTP-date), or ``None`` when absent/garbled.

    An HTTP-date is measured against the response's own ``Date`` header when present (the server's
    clock, immune to local clock skew), else against the local UTC clock. Past dates give 0.
    Never raises: a date Python cannot represent (``email.utils`` raises ``OverflowError``, not
    only ``ValueError``, for a year such as 999999999999) counts as garbled.
    """
    value = response.headers.get("retry-after")
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except _BAD_DATE:
        return None
    now = datetime.now(UTC)
    server_date = response.headers.get("date")
    if server_date:
        with contextlib.suppress(*_BAD_DATE):
            now = email.utils.parsedate_to_datetime(server_date)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    try:
        return max(0.0, (when - now).total_seconds())
    except _BAD_DATE:  # pragma: no cover - both dates are representable, so is their distance
        return None


# What email.utils and datetime raise for dates they cannot read or represent.
_BAD_DATE: Final = (TypeError, ValueError, IndexError, OverflowError)


def attempt_timeout(timeout: httpx.Timeout, remaining: float | None) -> httpx.Timeout:
    """``timeout`` with every phase capped by the time left before the deadline."""
    if remaining is None:
        return timeout
    phases = (timeout.connect, timeout.read, timeout.write, timeout.pool)
    if all(p is not None and p <= remaining for p in phases):
        return timeout
    left = max(remaining, 0.001)
    connect, read, write, pool = (left if p is None else min(p, left) for p in phases)
    return httpx.Timeout(connect=connect, read=read, write=write, pool=pool)


def _finite(value: object) -> bool:
    """A real number (not a bool) that is neither NaN nor infinite."""
    return not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value)


def as_timeout(value: float | httpx.Timeout) -> httpx.Timeout:
    """A number of seconds (each phase) or an ``httpx.Timeout``, as an ``httpx.Timeout``.

    Each phase must be a finite number of seconds > 0 (``None``, "no limit", is allowed in an
    ``httpx.Timeout``: the call's deadline still bounds it); NaN or a negative number would make
    httpx refuse every request, which a fail-open policy would hide as fallbacks.
    """
    if isinstance(value, httpx.Timeout):
        for phase in ("connect", "read", "write", "pool"):
            seconds = getattr(value, phase)
            if seconds is not None and (not _finite(seconds) or seconds <= 0):
                raise ConfigurationError(
                    f"timeout.{phase} must be a finite number of seconds > 0 or None, "
                    f"got {seconds!r}"
                )
        return value
    if not _finite(value) or value <= 0:
        raise ConfigurationError(
            f"timeout must be a finite number of seconds > 0 or an httpx.Timeout, got {value!r}"
        )
    return httpx.Timeout(float(value))
