"""``ForterClient`` / ``AsyncForterClient``: the Order v3 client built on the generated one.

The generated ``forter_orders_api.client.Client`` owns the httpx client (base URL, default timeout,
connection pool, ``set_httpx_client`` for a caller's own client); the generated
``create_order._get_kwargs`` supplies the method, the quoted path and the header names, so the spec
stays the single source of truth for the wire shape. Three things are done here instead of in the
generated ``sync_detailed``: the body is serialized once with orjson (the generated code re-encodes
``Order.to_dict()`` with ``json.dumps`` and cannot send a dict as-is); responses are classified by
``_response`` (the generated parser crashes on 520s and non-JSON bodies); and authentication is an
``httpx.Auth`` holding a masked :class:`Secret` (the generated ``AuthenticatedClient`` keeps the
token in a plain attrs field that its ``repr`` prints). Requests are built by ``_wire.Wire``
(what ``build_request`` would build, without its ~50 µs of per-call merging) and sent with
``httpx.Client.send``.

One ``create`` call: encode + validate the order (µs; see ``_validation``: errors raise, warnings
are logged once and returned with the decision), then up to ``1 + max_retries`` attempts inside the
total deadline (see ``_retry``), then either a :class:`Decision`, a fail-open
:class:`FallbackDecision` (see ``_fallback``), or a :class:`ForterError`.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import dataclasses
import datetime
import logging
import random
import time
import urllib.request
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from time import monotonic
from types import TracebackType
from typing import Any, Literal, Self, TypeVar, cast
from urllib.parse import quote

import anyio
import httpx

from forter_orders_api.api.orders import create_order
from forter_orders_api.client import Client
from forter_orders_api.models import Order, OrderDecision
from forter_orders_api.types import UNSET

from . import _deadline
from ._config import (
    ClientConfig,
    check_header_value,
    check_headers,
    is_loopback_host,
    mask_userinfo,
    resolve_config,
)
from ._decision import Decision
from ._drift import DriftMonitor, DriftReport
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ConfigurationError,
    ForterError,
)
from ._fallback import FallbackDecision, FallbackPolicy
from ._logging import logger
from ._problem import Problem
from ._response import (
    DEFAULT_MAX_RESPONSE_BYTES,
    RawResponse,
    aread_capped,
    parse_decision,
    read_capped,
    status_error,
    unread_error,
)
from ._retry import DEFAULT_TIMEOUT, RetryPolicy, as_timeout, attempt_timeout
from ._secret import BasicSecretAuth, Secret
from ._validation import (
    ValidationMode,
    Warnings,
    encode_for_send,
    log_line,
    resolve_validation,
    warm_up,
)
from ._wire import Wire, usable

DEFAULT_MAX_CONNECTIONS = 100
"""Connections per client pool (httpx's default), all of them kept alive between calls."""

OrderInput = Order | Mapping[str, Any]
"""What ``create`` accepts: a generated ``Order`` or a wire-format (camelCase) mapping."""


class _NoBody:
    """Stands in for the body when ``_get_kwargs`` is asked for method, path and headers."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {}


_NO_BODY = cast(Order, _NoBody())


@dataclass(frozen=True, slots=True)
class _CallOptions:
    timeout: httpx.Timeout
    retry: RetryPolicy
    fallback: FallbackPolicy | None
    validation: ValidationMode
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _RequestTemplate:
    """Method, URL pieces and headers from the generated ``_get_kwargs``, computed once per client.

    Asking the generated code once (with a marker order id) keeps the spec the source of truth for
    the path and header names without paying for it on every call.
    """

    method: str
    url_prefix: str
    url_suffix: str
    headers: dict[str, str]

    @classmethod
    def build(cls, config: ClientConfig) -> _RequestTemplate:
        marker = "__order_id__"
        kwargs = create_order._get_kwargs(
            marker,
            body=_NO_BODY,
            api_version=config.api_version,
            x_forter_siteid=config.site_id,
            x_forter_sub_merchant_siteid=config.sub_merchant_site_id or UNSET,
            x_forter_client=config.client_id,
        )
        prefix, suffix = str(kwargs["url"]).split(quote(marker, safe=""), 1)
        return cls(
            method=str(kwargs["method"]).upper(),
            url_prefix=config.base_url + prefix,
            url_suffix=suffix,
            headers=dict(kwargs["headers"]),
        )


@dataclass(slots=True)
class _Prepared:
    order_id: str
    quoted_id: str
    method: str
    url: str
    body: bytes
    headers: dict[str, str]
    warnings: tuple[Problem, ...] = ()
    pending: Warnings | None = None

    def attach(self, request: httpx.Request) -> httpx.Request:
        """Have the deferred warnings computed once ``request``'s body is written."""
        if self.pending is not None:
            request.stream = _BodyThenWarnings(self.body, self.settle)
        return request

    def settle(self) -> tuple[Problem, ...]:
        """The order's warnings, computing the deferred ones (once) and logging them."""
        pending = self.pending
        if pending is not None:
            self.warnings = pending()
            self.pending = None
            if self.warnings:
                # One record per order: the warnings are about the order, whatever the outcome
                # of the call.
                logger.warning(log_line(self.order_id, self.warnings))
        return self.warnings


class _BodyThenWarnings(httpx.ByteStream):
    """The request body, then - once the transport has written it - the order's warnings.

    In the default mode nothing the strict view finds can stop the order, so its check (one
    compiled ``is_valid``, tens of microseconds on a large order) runs while the request travels
    and Forter decides, not before sending. httpx's transports iterate the body and write each
    chunk before asking for the next, so the code after the last chunk runs with the body on the
    wire. A transport that reads ``request.content`` instead (a MockTransport) never iterates:
    then ``_finish`` computes the warnings, as it does for any that are still pending.
    """

    def __init__(self, body: bytes, settle: Callable[[], object]) -> None:
        super().__init__(body)
        self._settle = settle

    def __iter__(self) -> Iterator[bytes]:
        yield from super().__iter__()
        self._settle_quietly()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in super().__aiter__():
            yield chunk
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # trio: no loop to hand it to
            self._settle_quietly()
            return
        # After the write an async client still has work of its own before it waits for the
        # answer; the next turn of the loop starts once this task waits, so the check fills
        # the wait instead of delaying the read. create() settles anything still pending.
        loop.call_soon(self._settle_quietly)

    def _settle_quietly(self) -> None:
        # Never break a send: a failing check stays pending, and _finish runs it again (and
        # raises) after the answer.
        with contextlib.suppress(Exception):
            self._settle()


@dataclass(slots=True)
class _Outcome:
    attempts: int
    decision: Decision | None = None
    response: httpx.Response | None = None
    error: ForterError | None = None
    elapsed: float = 0.0


class _BaseClient:
    """Configuration, request preparation and outcome handling shared by both clients."""

    _config: ClientConfig
    _auth: BasicSecretAuth
    _defaults: _CallOptions
    _clock: Callable[[], float]
    _random: Callable[[], float]
    _api: Client
    _template: _RequestTemplate
    _base_headers: dict[str, str]
    _wire: Wire | None
    _owns_http: bool
    _http: httpx.Client | httpx.AsyncClient
    _max_response_bytes: int
    _drift: DriftMonitor

    def _setup(
        self,
        *,
        site_id: str | None,
        secret_key: str | Secret | None,
        api_version: str | None,
        base_url: str | None,
        sub_merchant_site_id: str | None,
        client_id: str | None,
        timeout: float | httpx.Timeout,
        max_retries: int | None,
        retry: RetryPolicy | None,
        fallback: FallbackPolicy | None,
        validation: ValidationMode | None,
        validate: bool | None,
        headers: Mapping[str, str] | None,
        clock: Callable[[], float],
        owns_http: bool,
        max_connections: int | None,
        max_response_bytes: int,
        trust_env: bool | None,
    ) -> None:
        self._max_response_bytes = _response_limit(max_response_bytes)
        self._drift = DriftMonitor()
        self._config = resolve_config(
            site_id=site_id,
            secret_key=secret_key,
            api_version=api_version,
            base_url=base_url,
            sub_merchant_site_id=sub_merchant_site_id,
            client_id=client_id,
        )
        self._auth = BasicSecretAuth(self._config.secret_key)
        policy = retry if retry is not None else RetryPolicy()
        if max_retries is not None:
            policy = policy.replace(max_retries=max_retries)
        self._defaults = _CallOptions(
            as_timeout(timeout),
            policy,
            fallback,
            resolve_validation(validation, validate),
            check_headers(headers, "headers"),
        )
        self._clock = clock
        self._random = random.random  # jitter only; not security-relevant
        self._owns_http = owns_http
        # Compile the schema validators now rather than inside the first checkout.
        warm_up()
        # Every connection opened is kept alive (httpx keeps only 20 of its 100 by default): a
        # burst of concurrent checkouts would otherwise reopen TCP + TLS to Forter each time.
        size = max_connections if max_connections is not None else DEFAULT_MAX_CONNECTIONS
        if trust_env is not None and not owns_http:
            raise ConfigurationError(
                "trust_env applies to the connection pool the client builds; with your own "
                "http_client, set trust_env on that httpx client instead"
            )
        httpx_args: dict[str, Any] = {
            "limits": httpx.Limits(max_connections=size, max_keepalive_connections=size),
            # Proxy variables and SSL_CERT_FILE / SSL_CERT_DIR, as httpx reads them (README,
            # "TLS and proxies").
            "trust_env": True if trust_env is None else trust_env,
        }
        host = httpx.URL(self._config.base_url).host
        if is_loopback_host(host) and httpx_args["trust_env"] and _proxy_variables():
            # Never through a proxy: a loopback base URL may be plain http, and HTTP_PROXY would
            # then receive the Authorization header (the secret key) in clear text. (Mounted
            # only when a proxy is configured: httpx matches every request against each mount.)
            httpx_args["mounts"] = {f"all://{f'[{host}]' if ':' in host else host}": None}
        self._template = _RequestTemplate.build(self._config)
        self._rebind_headers()
        self._api = Client(
            base_url=self._config.base_url,
            timeout=self._defaults.timeout,
            headers={"User-Agent": self._config.client_id},
            httpx_args=httpx_args,
        )

    # ---------------------------------------------------------------- public attributes

    @property
    def site_id(self) -> str:
        """The Forter site id (``x-forter-siteid``)."""
        return self._config.site_id

    @property
    def base_url(self) -> str:
        """The API base URL, e.g. ``https://<siteId>.api.forter-secure.com``."""
        return self._config.base_url

    @property
    def api_version(self) -> str:
        """The ``api-version`` header value."""
        return self._config.api_version

    @property
    def timeout(self) -> httpx.Timeout:
        """The default per-attempt timeout."""
        return self._defaults.timeout

    @property
    def retry_policy(self) -> RetryPolicy:
        """The default retry policy."""
        return self._defaults.retry

    @property
    def fallback_policy(self) -> FallbackPolicy | None:
        """The default fail-open policy (``None``: failures raise)."""
        return self._defaults.fallback

    @property
    def drift(self) -> DriftReport:
        """What Forter's decisions carried that the packaged spec does not know, so far.

        Each unknown member or value with its path, count and first/last sighting; it is also
        logged (WARNING, ``forter_orders`` logger) the first time this client sees it. Copies
        made by :meth:`with_options` share it.
        """
        return self._drift.snapshot()

    @property
    def validation(self) -> ValidationMode:
        """The default validation mode: ``"default"``, ``"strict"`` or ``"off"``."""
        return self._defaults.validation

    def __repr__(self) -> str:
        if not hasattr(self, "_config"):  # __init__ failed (tracebacks format such locals)
            return f"{type(self).__name__}(<not configured>)"
        return (
            f"{type(self).__name__}(site_id={self._config.site_id!r}, "
            f"base_url={mask_userinfo(self._config.base_url)!r}, "
            f"api_version={self._config.api_version!r}, "
            f"secret_key={self._config.secret_key!r})"
        )

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
        fallback: FallbackPolicy | Literal[False] | None = None,
        validation: ValidationMode | None = None,
        validate: bool | None = None,
        api_version: str | None = None,
        headers: Mapping[str, str] | None = None,
        max_response_bytes: int | None = None,
    ) -> Self:
        """A copy with other defaults that shares this client's connection pool.

        Closing either closes the shared pool. ``fallback=False`` turns fail-open off.
        """
        clone = copy.copy(self)
        if max_response_bytes is not None:
            clone._max_response_bytes = _response_limit(max_response_bytes)
        options = self._options(
            timeout, max_retries, retry, headers, validation, validate, fallback
        )
        clone._defaults = options
        if api_version is not None:
            check_header_value(api_version, "api_version", identifier=True)
            clone._config = dataclasses.replace(self._config, api_version=api_version)
            clone._template = _RequestTemplate.build(clone._config)
        clone._rebind_headers()
        clone._bind_resources()
        return clone

    def _bind_resources(self) -> None:
        raise NotImplementedError

    def _rebind_headers(self) -> None:
        """The request headers of a call without ``headers=``; forget the wire built for others."""
        template, extra = self._template, self._defaults.headers
        self._base_headers = {**template.headers, **extra} if extra else template.headers
        self._wire = None

    # ---------------------------------------------------------------- per call

    def _options(
        self,
        timeout: float | httpx.Timeout | None,
        max_retries: int | None,
        retry: RetryPolicy | None,
        headers: Mapping[str, str] | None,
        validation: ValidationMode | None,
        validate: bool | None,
        fallback: FallbackPolicy | Literal[False] | None,
    ) -> _CallOptions:
        defaults = self._defaults
        if (
            timeout is None
            and max_retries is None
            and retry is None
            and not headers
            and validation is None
            and validate is None
            and fallback is None
        ):
            return defaults  # the common case costs nothing
        policy = retry if retry is not None else defaults.retry
        if max_retries is not None:
            policy = policy.replace(max_retries=max_retries)
        if headers:
            headers = check_headers(headers, "headers")
        return _CallOptions(
            timeout=as_timeout(timeout) if timeout is not None else defaults.timeout,
            retry=policy,
            fallback=defaults.fallback
            if fallback is None
            else (None if fallback is False else fallback),
            validation=defaults.validation
            if validation is None and validate is None
            else resolve_validation(validation, validate, env=False),
            headers={**defaults.headers, **headers} if headers else defaults.headers,
        )

    def _prepare(self, order: OrderInput, options: _CallOptions) -> _Prepared:
        (order_id, body, warnings), pending = encode_for_send(order, options.validation)
        if warnings:
            logger.warning(log_line(order_id, warnings))  # one record per order
        template = self._template
        quoted_id = quote(order_id, safe="")
        return _Prepared(
            order_id,
            quoted_id,
            template.method,
            template.url_prefix + quoted_id + template.url_suffix,
            body,
            # Shared, never mutated (httpx copies request headers into its own Headers).
            self._base_headers
            if options.headers is self._defaults.headers
            else {**template.headers, **options.headers},
            warnings,
            pending,
        )

    def _build_request(self, prepared: _Prepared, timeout: httpx.Timeout) -> httpx.Request:
        """What ``http.build_request`` returns for this order, through :class:`Wire` when it can."""
        http = self._http
        if prepared.headers is self._base_headers and usable(http):
            wire = self._wire
            if wire is None or not wire.matches(http):
                template = self._template
                wire = self._wire = Wire.build(
                    http,
                    template.method,
                    template.url_prefix,
                    template.url_suffix,
                    prepared.headers,
                )
            return prepared.attach(wire.request(prepared.quoted_id, prepared.body, timeout))
        return prepared.attach(
            http.build_request(
                prepared.method,
                prepared.url,
                content=prepared.body,
                headers=prepared.headers,
                timeout=timeout,
            )
        )

    def _classify(self, response: httpx.Response, unread: str | None) -> Decision | APIStatusError:
        if unread is not None:  # too large, or not decodable: why, for the message
            return unread_error(response, unread)
        if 200 <= response.status_code < 300:
            try:
                return parse_decision(response, self._drift)
            except APIStatusError as error:
                return error
        return status_error(response)

    def _attempt_error(
        self,
        exc: Exception,
        response: httpx.Response | None,
        prepared: _Prepared,
        timeout: httpx.Timeout,
        policy: RetryPolicy,
        wall: float | None,
    ) -> ForterError:
        """The :class:`ForterError` for whatever one attempt raised: nothing raw escapes.

        Transport failures (refused, reset, timeouts, protocol errors) are connection errors; a
        body that cannot be decoded keeps its status's class; anything else the HTTP client
        raised (a caller's event hook, a custom transport) is a connection error naming it.
        """
        if isinstance(exc, httpx.TransportError):
            return self._transport_error(exc, prepared, timeout, policy, wall)
        if isinstance(exc, httpx.DecodingError) and response is not None:
            return unread_error(response, f"body that could not be decoded: {exc}")
        if isinstance(exc, httpx.HTTPStatusError):  # raise_for_status() in a caller's hook
            return unread_error(exc.response, "body not read: an event hook raised on it")
        host = httpx.URL(prepared.url).host
        error = APIConnectionError(
            f"the HTTP client failed on the way to Forter at {host}: {type(exc).__name__}: {exc}",
            request=response.request if response is not None else None,
        )
        error.__cause__ = exc
        return error

    def _transport_error(
        self,
        exc: httpx.TransportError,
        prepared: _Prepared,
        timeout: httpx.Timeout,
        policy: RetryPolicy,
        wall: float | None,
    ) -> APIConnectionError:
        host = httpx.URL(prepared.url).host
        error: APIConnectionError
        if isinstance(exc, httpx.TimeoutException) and _deadline.passed(wall):
            error = APITimeoutError(
                f"Forter at {host} gave no answer within the {policy.deadline:.2f} s deadline "
                f"of this call ({type(exc).__name__})",
                request=exc.request if _has_request(exc) else None,
            )
        elif isinstance(exc, httpx.TimeoutException):
            limit = {
                httpx.ConnectTimeout: timeout.connect,
                httpx.WriteTimeout: timeout.write,
                httpx.PoolTimeout: timeout.pool,
            }.get(type(exc), timeout.read) or 0.0
            error = APITimeoutError(
                f"Forter at {host} did not answer within {limit:.2f} s ({type(exc).__name__})",
                request=exc.request if _has_request(exc) else None,
            )
        else:
            detail = str(exc) or type(exc).__name__
            error = APIConnectionError(
                f"could not reach Forter at {host}: {detail}",
                request=exc.request if _has_request(exc) else None,
            )
        error.__cause__ = exc
        return error

    def _log_attempt(
        self,
        prepared: _Prepared,
        attempt: int,
        policy: RetryPolicy,
        started: float,
        outcome: str,
    ) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %s in %.1f ms (attempt %d of %d)",
                prepared.method,
                prepared.url,
                outcome,
                (self._clock() - started) * 1000,
                attempt,
                policy.max_retries + 1,
            )

    def _next_delay(
        self, policy: RetryPolicy, attempt: int, error: ForterError, deadline_at: float | None
    ) -> float | None:
        remaining = None if deadline_at is None else deadline_at - self._clock()
        delay = policy.next_delay(
            retries_done=attempt - 1, error=error, remaining=remaining, random=self._random
        )
        if delay is not None:
            logger.debug("retrying in %.3f s after %s", delay, type(error).__name__)
        return delay

    def _finish(self, prepared: _Prepared, options: _CallOptions, outcome: _Outcome) -> Decision:
        warnings = prepared.settle()
        if outcome.decision is not None:
            outcome.decision.warnings = warnings
            return outcome.decision
        error = outcome.error
        assert error is not None  # noqa: S101 - _Outcome holds a decision or an error
        policy = options.fallback
        reason = policy.reason_for(error) if policy is not None else None
        if policy is None or reason is None:
            raise error
        logger.warning(
            "Forter gave no decision for order %s (%s after %d attempt(s): %s: %s); "
            "failing open with %s - resend the order to Forter later",
            prepared.order_id,
            reason,
            outcome.attempts,
            type(error).__name__,
            str(error).splitlines()[0] if str(error) else "",
            policy.decision,
        )
        return FallbackDecision(
            forter_decision=policy.decision,
            order_id=prepared.order_id,
            reason=reason,
            error=error,
            attempts=outcome.attempts,
            warnings=warnings,
        )

    def _finish_raw(self, prepared: _Prepared, outcome: _Outcome) -> RawResponse[Decision]:
        warnings = prepared.settle()
        if outcome.decision is None or outcome.response is None:
            assert outcome.error is not None  # noqa: S101
            raise outcome.error
        outcome.decision.warnings = warnings
        return RawResponse(
            outcome.decision,
            outcome.response,
            outcome.attempts,
            datetime.timedelta(seconds=outcome.elapsed),
            warnings,
        )


def _masked(key: str | Secret | None) -> Secret | None:
    """The key as a :class:`Secret` (never raises, so no frame holds the raw string on error)."""
    return Secret(key) if isinstance(key, str) else key


def _one_key(secret_key: Secret | None, api_key: Secret | None) -> Secret | None:
    """``secret_key``, or the deprecated ``api_key=`` spelling of it (with a warning)."""
    if api_key is None:
        return secret_key
    if secret_key is not None:
        raise ConfigurationError("pass the secret key once, as secret_key=...")
    warnings.warn(
        "api_key= is deprecated and will be removed in 0.3.0: pass the same value as "
        "secret_key= (one name for the secret, as in FORTER_SECRET_KEY)",
        DeprecationWarning,
        stacklevel=3,
    )
    return api_key


def _response_limit(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ConfigurationError(
            f"max_response_bytes must be a positive number of bytes, got {value!r}"
        )
    return value


def _proxy_variables() -> bool:
    """Whether the environment names a proxy httpx would use (HTTP(S)_PROXY, ALL_PROXY)."""
    proxies = urllib.request.getproxies()
    return any(proxies.get(scheme) for scheme in ("http", "https", "all"))


_Http = TypeVar("_Http", httpx.Client, httpx.AsyncClient)


def _built(factory: Callable[[], _Http]) -> _Http:
    """The httpx client; a ConfigurationError when its TLS context cannot be made."""
    try:
        return factory()
    except OSError as exc:  # ssl.SSLError too: a bad SSL_CERT_FILE / SSL_CERT_DIR
        raise ConfigurationError(
            f"cannot set up TLS for the connection pool: {exc.strerror or exc} "
            "(SSL_CERT_FILE / SSL_CERT_DIR from the environment are used unless trust_env=False)"
        ) from None


def _has_request(exc: httpx.TransportError) -> bool:
    try:
        exc.request  # noqa: B018 - raises RuntimeError when httpx never attached one
    except RuntimeError:
        return False
    return True


# ==================================================================== sync


class ForterClient(_BaseClient):
    """Synchronous client for Forter's Order v3 API.

    Example::

        with ForterClient() as forter:  # FORTER_SITE_ID / FORTER_SECRET_KEY from the environment
            decision = forter.orders.create(order)

    Args:
        site_id: Forter site id (else ``FORTER_SITE_ID``).
        secret_key: the secret API key, a ``str`` or :class:`Secret` (else
            ``FORTER_SECRET_KEY``). It is kept masked and only ever sent as the HTTP Basic user
            name (empty password). ``api_key=`` is its deprecated old name (removed in 0.3.0).
        api_version: ``api-version`` header (else ``FORTER_API_VERSION``, default ``"10.1"``).
        base_url: default ``https://{siteId}.api.forter-secure.com`` (else ``FORTER_BASE_URL``).
        sub_merchant_site_id: ``x-forter-sub-merchant-siteid`` for multi-merchant accounts.
        client_id: ``x-forter-client`` (default ``forter-orders-python/<version>``).
        timeout: per-attempt timeout in seconds or an ``httpx.Timeout`` (default 4 s: Forter's
            plugins use 2-5 s).
        max_retries: shortcut for ``retry.max_retries`` (default 1: Forter says retry once).
        retry: the :class:`RetryPolicy` (backoff, jitter, total deadline 8 s, retried statuses).
        fallback: a :class:`FallbackPolicy` to fail open instead of raising (default: off).
        validation: ``"default"`` (errors raise :class:`OrderValidationError`, warnings are
            logged and returned as ``decision.warnings``), ``"strict"`` (warnings raise too:
            for development, CI and tests) or ``"off"`` (only what cannot be sent at all is
            refused). Else ``FORTER_VALIDATION``, else ``"default"``.
        validate: the older switch: ``True`` is ``validation="default"``, ``False`` is
            ``validation="off"``.
        headers: extra headers on every request.
        max_connections: connection-pool size of the client built here (default 100, all kept
            alive between calls; httpx alone keeps only 20).
        max_response_bytes: the most of a response body read (default 1 MiB; a decision is under
            1 KiB). A larger 2xx body is an :class:`UnexpectedResponseError`; a larger error
            body keeps its status's error class. The rest is never read into memory.
        http_client: your own ``httpx.Client`` (proxies, transports, mTLS). It is used as-is
            (its base URL and auth are ignored: URLs are absolute and auth is per request;
            redirects are never followed, whatever its ``follow_redirects``) and it is not
            closed by :meth:`close`. Build it with ``transport=deadline_transport(...)`` for the
            full wall-clock deadline (README, "Deadline").
        trust_env: for the pool built here, honour ``HTTPS_PROXY`` / ``ALL_PROXY`` /
            ``NO_PROXY`` and ``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` (default ``True``, as httpx;
            a loopback base URL never goes through a proxy). Not allowed with ``http_client``.
        clock: monotonic clock for the deadline (tests inject a fake one).
        sleep: how to wait between attempts (tests inject a fake one).
    """

    orders: Orders
    _http: httpx.Client

    def __init__(
        self,
        site_id: str | None = None,
        secret_key: str | Secret | None = None,
        *,
        api_key: str | Secret | None = None,
        api_version: str | None = None,
        base_url: str | None = None,
        sub_merchant_site_id: str | None = None,
        client_id: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
        fallback: FallbackPolicy | None = None,
        validation: ValidationMode | None = None,
        validate: bool | None = None,
        headers: Mapping[str, str] | None = None,
        max_connections: int | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        http_client: httpx.Client | None = None,
        trust_env: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        # Wrapped first: error trackers record the locals of every frame in a traceback, and
        # a ConfigurationError below must not carry the raw key with it.
        secret_key, api_key = _masked(secret_key), _masked(api_key)
        self._setup(
            site_id=site_id,
            secret_key=_one_key(secret_key, api_key),
            api_version=api_version,
            base_url=base_url,
            sub_merchant_site_id=sub_merchant_site_id,
            client_id=client_id,
            timeout=timeout,
            max_retries=max_retries,
            retry=retry,
            fallback=fallback,
            validation=validation,
            validate=validate,
            headers=headers,
            clock=clock,
            owns_http=http_client is None,
            max_connections=max_connections,
            max_response_bytes=max_response_bytes,
            trust_env=trust_env,
        )
        del secret_key, api_key  # keep the raw key out of this frame's locals
        self._sleep = sleep
        if http_client is not None:
            self._api.set_httpx_client(http_client)
        # Built now: one pool for the client's life.
        self._http = _built(self._api.get_httpx_client)
        # The call deadline bounds every socket operation of the pool built here; a caller's
        # client gets it only from a transport made by deadline_transport() (see _deadline).
        self._deadline_in_pool = (
            _deadline.install(self._http)
            if http_client is None
            else _deadline.installed(self._http)
        )
        if http_client is not None and _deadline.plain_network_transport(self._http):
            # Said once, when the client is built: with such a pool, a server that drips its
            # status line or headers holds a call past its deadline (each read stays within
            # the read timeout); the body is still cut at the deadline. (The async client
            # needs no such transport: a cancel scope bounds each attempt.)
            logger.warning(
                "ForterClient: the http_client's transport does not enforce the call deadline "
                "before the response headers arrive (only between body reads); build it with "
                "transport=forter_orders.deadline_transport(...) so a slow server cannot hold "
                "a checkout past RetryPolicy.deadline"
            )
        self._bind_resources()

    def _bind_resources(self) -> None:
        self.orders = Orders(self)

    @property
    def http_client(self) -> httpx.Client:
        """The underlying ``httpx.Client``."""
        return self._http

    def close(self) -> None:
        """Close the connection pool (a caller-supplied ``http_client`` is left open)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _send(self, prepared: _Prepared, options: _CallOptions) -> _Outcome:
        deadline = options.retry.deadline
        # The deadline on the real clock, for the sockets (``clock`` may be a test's).
        wall = None if deadline is None else monotonic() + deadline
        token = _deadline.DEADLINE.set(wall)
        try:
            return self._attempts(prepared, options, wall)
        finally:
            _deadline.DEADLINE.reset(token)

    def _attempts(self, prepared: _Prepared, options: _CallOptions, wall: float | None) -> _Outcome:
        policy = options.retry
        clock = self._clock
        deadline_at = None if policy.deadline is None else clock() + policy.deadline
        # The pool enforces the deadline itself; a caller's transport gets it between body reads.
        between_reads = None if self._deadline_in_pool else wall
        attempt = 0
        while True:
            attempt += 1
            remaining = None if deadline_at is None else deadline_at - clock()
            timeout = attempt_timeout(options.timeout, remaining)
            request = self._build_request(prepared, timeout)
            started = clock()
            response: httpx.Response | None = None
            try:
                # Streamed, so that the body is read only up to max_response_bytes. Never
                # redirected, whatever the http_client says: see RedirectError.
                response = self._http.send(
                    request, auth=self._auth, stream=True, follow_redirects=False
                )
                try:
                    unread = read_capped(response, self._max_response_bytes, between_reads)
                finally:
                    response.close()
            except Exception as exc:  # every failure becomes a ForterError
                error = self._attempt_error(exc, response, prepared, timeout, policy, wall)
                self._log_attempt(prepared, attempt, policy, started, type(error).__name__)
            else:
                self._log_attempt(prepared, attempt, policy, started, str(response.status_code))
                result = self._classify(response, unread)
                if isinstance(result, OrderDecision):
                    return _Outcome(
                        attempt, decision=result, response=response, elapsed=clock() - started
                    )
                error = result
            delay = self._next_delay(policy, attempt, error, deadline_at)
            if delay is None:
                return _Outcome(attempt, response=response, error=error)
            self._sleep(delay)


class Orders:
    """``client.orders``: send orders to ``POST /v3/orders/{orderId}``."""

    def __init__(self, client: ForterClient) -> None:
        self._client = client
        self.with_raw_response = OrdersWithRawResponse(self)

    def create(
        self,
        order: OrderInput,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        validation: ValidationMode | None = None,
        validate: bool | None = None,
        fallback: FallbackPolicy | Literal[False] | None = None,
    ) -> Decision:
        """Send ``order`` and return Forter's decision.

        Args:
            order: a generated ``Order`` or a wire-format dict (sent as-is, keys never dropped).
            timeout: per-attempt timeout for this call (capped by the time left).
            max_retries: retries for this call.
            retry: a whole :class:`RetryPolicy` for this call.
            headers: extra headers for this call.
            validation: the validation mode for this call (``"default"``, ``"strict"``,
                ``"off"``); ``validate=True`` / ``False`` is the older spelling.
            fallback: a :class:`FallbackPolicy` for this call, or ``False`` to raise instead.

        Returns:
            Forter's decision as a :class:`Decision` (an ``OrderDecision`` whose ``warnings``
            list what validation found in the order); with a fallback policy, possibly a
            :class:`FallbackDecision` (check with :func:`is_fallback`).

        Raises:
            OrderValidationError: the order has errors, or warnings in strict mode (nothing
                was sent).
            APIStatusError: Forter refused the request (subclass per status).
            APIConnectionError: Forter could not be reached in time (``APITimeoutError``).
        """
        client = self._client
        options = client._options(
            timeout, max_retries, retry, headers, validation, validate, fallback
        )
        prepared = client._prepare(order, options)
        return client._finish(prepared, options, client._send(prepared, options))

    def create_raw(
        self,
        order: OrderInput,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        validation: ValidationMode | None = None,
        validate: bool | None = None,
    ) -> RawResponse[Decision]:
        """Like :meth:`create`, returning the HTTP exchange too (status, headers, request id).

        Fail-open does not apply: with no HTTP answer there is no raw response to return.
        """
        client = self._client
        options = client._options(timeout, max_retries, retry, headers, validation, validate, False)
        prepared = client._prepare(order, options)
        return client._finish_raw(prepared, client._send(prepared, options))


class OrdersWithRawResponse:
    """``client.orders.with_raw_response``: the same calls, returning :class:`RawResponse`."""

    def __init__(self, orders: Orders) -> None:
        self.create = orders.create_raw


# ==================================================================== async


class AsyncForterClient(_BaseClient):
    """Asynchronous client for Forter's Order v3 API (asyncio or trio, through httpx/anyio).

    Takes the same arguments as :class:`ForterClient`, with ``http_client`` an
    ``httpx.AsyncClient`` and ``sleep`` an async function. Example::

        async with AsyncForterClient() as forter:
            decision = await forter.orders.create(order)
    """

    orders: AsyncOrders
    _http: httpx.AsyncClient

    def __init__(
        self,
        site_id: str | None = None,
        secret_key: str | Secret | None = None,
        *,
        api_key: str | Secret | None = None,
        api_version: str | None = None,
        base_url: str | None = None,
        sub_merchant_site_id: str | None = None,
        client_id: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
        fallback: FallbackPolicy | None = None,
        validation: ValidationMode | None = None,
        validate: bool | None = None,
        headers: Mapping[str, str] | None = None,
        max_connections: int | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        http_client: httpx.AsyncClient | None = None,
        trust_env: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    ) -> None:
        # Wrapped first: error trackers record the locals of every frame in a traceback, and
        # a ConfigurationError below must not carry the raw key with it.
        secret_key, api_key = _masked(secret_key), _masked(api_key)
        self._setup(
            site_id=site_id,
            secret_key=_one_key(secret_key, api_key),
            api_version=api_version,
            base_url=base_url,
            sub_merchant_site_id=sub_merchant_site_id,
            client_id=client_id,
            timeout=timeout,
            max_retries=max_retries,
            retry=retry,
            fallback=fallback,
            validation=validation,
            validate=validate,
            headers=headers,
            clock=clock,
            owns_http=http_client is None,
            max_connections=max_connections,
            max_response_bytes=max_response_bytes,
            trust_env=trust_env,
        )
        del secret_key, api_key  # keep the raw key out of this frame's locals
        self._sleep = sleep
        if http_client is not None:
            self._api.set_async_httpx_client(http_client)
        self._http = _built(self._api.get_async_httpx_client)
        # The call deadline bounds every socket operation of the pool built here; a caller's
        # client gets a cancel scope per attempt instead, unless its transport came from
        # async_deadline_transport() (see _deadline).
        self._deadline_in_pool = (
            _deadline.install(self._http)
            if http_client is None
            else _deadline.installed(self._http)
        )
        self._bind_resources()

    def _bind_resources(self) -> None:
        self.orders = AsyncOrders(self)

    @property
    def http_client(self) -> httpx.AsyncClient:
        """The underlying ``httpx.AsyncClient``."""
        return self._http

    async def close(self) -> None:
        """Close the connection pool (a caller-supplied ``http_client`` is left open)."""
        if self._owns_http:
            await self._http.aclose()

    aclose = close

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _send(self, prepared: _Prepared, options: _CallOptions) -> _Outcome:
        policy = options.retry
        clock = self._clock
        deadline_at = None if policy.deadline is None else clock() + policy.deadline
        # The same deadline on the real clock, for the sockets (``clock`` may be a test's).
        wall = None if policy.deadline is None else monotonic() + policy.deadline
        token = _deadline.DEADLINE.set(wall)
        try:
            attempt = 0
            while True:
                attempt += 1
                remaining = None if deadline_at is None else deadline_at - clock()
                timeout = attempt_timeout(options.timeout, remaining)
                request = self._build_request(prepared, timeout)
                started = clock()
                response: httpx.Response | None = None
                unread: str | None = None
                try:
                    if wall is None or self._deadline_in_pool:
                        # Inline rather than through _attempt: one coroutine less to resume at
                        # every await of the request (the hot path).
                        response = await self._http.send(
                            request, auth=self._auth, stream=True, follow_redirects=False
                        )
                        try:
                            unread = await aread_capped(response, self._max_response_bytes)
                        finally:
                            await response.aclose()
                    else:
                        # A caller's transport: the whole attempt inside a cancel scope.
                        with anyio.CancelScope(
                            deadline=anyio.current_time() + (wall - monotonic())
                        ) as scope:
                            response, unread = await self._attempt(request)
                        if scope.cancelled_caught:
                            raise httpx.ReadTimeout(_deadline.DEADLINE_MESSAGE, request=request)
                except Exception as exc:  # every failure becomes a ForterError
                    error = self._attempt_error(exc, response, prepared, timeout, policy, wall)
                    self._log_attempt(prepared, attempt, policy, started, type(error).__name__)
                else:
                    assert response is not None  # noqa: S101 - set by every completed attempt
                    status = str(response.status_code)
                    self._log_attempt(prepared, attempt, policy, started, status)
                    result = self._classify(response, unread)
                    if isinstance(result, OrderDecision):
                        return _Outcome(
                            attempt, decision=result, response=response, elapsed=clock() - started
                        )
                    error = result
                delay = self._next_delay(policy, attempt, error, deadline_at)
                if delay is None:
                    return _Outcome(attempt, response=response, error=error)
                await self._sleep(delay)
        finally:
            _deadline.DEADLINE.reset(token)

    async def _attempt(self, request: httpx.Request) -> tuple[httpx.Response, str | None]:
        """One request through a caller's transport (inside a cancel scope): the response (body
        read up to the limit) and why it was not read whole (``None``: it was)."""
        # Streamed, so that the body is read only up to max_response_bytes. Never redirected,
        # whatever the http_client says: see RedirectError.
        response = await self._http.send(
            request, auth=self._auth, stream=True, follow_redirects=False
        )
        try:
            return response, await aread_capped(response, self._max_response_bytes)
        finally:
            await response.aclose()


class AsyncOrders:
    """``client.orders`` of :class:`AsyncForterClient`."""

    def __init__(self, client: AsyncForterClient) -> None:
        self._client = client
        self.with_raw_response = AsyncOrdersWithRawResponse(self)

    async def create(
        self,
        order: OrderInput,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        validation: ValidationMode | None = None,
        validate: bool | None = None,
        fallback: FallbackPolicy | Literal[False] | None = None,
    ) -> Decision:
        """Send ``order`` and return Forter's decision (see :meth:`Orders.create`)."""
        client = self._client
        options = client._options(
            timeout, max_retries, retry, headers, validation, validate, fallback
        )
        prepared = client._prepare(order, options)
        return client._finish(prepared, options, await client._send(prepared, options))

    async def create_raw(
        self,
        order: OrderInput,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        validation: ValidationMode | None = None,
        validate: bool | None = None,
    ) -> RawResponse[Decision]:
        """Like :meth:`create`, returning the HTTP exchange too (no fail-open)."""
        client = self._client
        options = client._options(timeout, max_retries, retry, headers, validation, validate, False)
        prepared = client._prepare(order, options)
        return client._finish_raw(prepared, await client._send(prepared, options))


class AsyncOrdersWithRawResponse:
    """``client.orders.with_raw_response`` of :class:`AsyncForterClient`."""

    def __init__(self, orders: AsyncOrders) -> None:
        self.create = orders.create_raw
