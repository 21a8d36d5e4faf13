"""A local mock of Forter's Order v3 API (``POST /v3/orders/{orderId}``) for tests and demos.

A Starlette app served by uvicorn. Requests are checked against the packaged
``openapi.yaml`` (openapi-core is the reference validator), answered by documented
deterministic rules, and recorded for inspection. Full guide: ``docs/mock.md``.

Checks, in order, for ``POST /v3/orders/{orderId}``:

1. a fault scenario (see below) answers at once, whatever the request holds;
2. Basic credentials (secret key as user), ``x-forter-siteid`` equal to the configured site
   id, and a non-empty ``api-version`` -> otherwise **401**, every problem listed;
3. body: a UTF-8 JSON object free of what the client's default validation treats as an error
   (not JSON, an ``orderId`` that cannot be sent or differs from the URL's, a full card
   number) -> otherwise **400** listing every problem with a dotted path such as
   ``payment[0].creditCard.nameOnCard``. What the spec's strict view finds (unknown members,
   types, the mobile/web rule, ...) is accepted, as Forter would, and listed in the
   ``x-mock-warnings`` header and the recordings; a strict mock (``MockConfig(strict=True)``,
   ``--strict``) answers **400** to it too;
4. **200** ``OrderDecision``: the spec's 200 example with the order's ``orderId``,
   ``linkToEventInDashboard`` and decision; Forter's sandbox addresses in
   ``accountOwner.email`` (``approve@forter.com`` -> APPROVE, ...: the spec's
   ``x-forter-test-decisions``, case ignored) get theirs, anything else the example's.

Every response carries a fresh ``X-Request-Id`` (uuid4 hex). Unknown routes -> 404 and
wrong methods -> 405 with ``Allow``, both with the JSON error body.

Scenarios (header ``x-mock-scenario``, :meth:`MockServer.queue`,
:meth:`MockServer.script_order`, ``POST /_mock/script``, or random via ``fault_rate``):

=======================  ===========================================================
scenario                 response
=======================  ===========================================================
approve, decline, ...    200 with that forterDecision, one per value the spec knows
unknown-decision         200 with a forterDecision the spec does not know (after checks)
slow:<ms>                wait <ms> ms (0..120000), then the normal answer
http-400                 400 JSON error body, no checks
http-401                 401 JSON error body, no checks
http-404                 404 JSON error body, no checks
http-418                 418 JSON error body (a status the API does not document)
http-429                 429 JSON error body + ``Retry-After: 1``, no checks
http-429-no-retry-after  429 JSON error body, no ``Retry-After``, no checks
http-500                 500 JSON error body, no checks
http-502                 502 JSON error body, no checks
http-503                 503 JSON error body, no checks
http-504                 504 JSON error body, no checks
http-520                 520 JSON error body (Cloudflare's unknown origin error)
empty-body-500           500 with an empty body, no Content-Type
html-502                 502 with a text/html body
malformed-json           200, Content-Type application/json, truncated non-JSON body
bad-schema-200           200 JSON that is not an OrderDecision (no forterDecision)
huge-body                200 decision padded to over 8 MiB, with Content-Length
huge-body-chunked        the same body, chunked: no Content-Length
reset                    connection dropped without any response bytes
reset-mid-body           200 headers and half the body, then the connection dropped
=======================  ===========================================================

Precedence: ``x-mock-scenario`` header, then the next queued scenario (FIFO, one per
order request), then the scenario scripted for the orderId (kept until cleared), then a
random fault (``fault_rate``, ``fault_kinds``, ``seed``). Unknown names -> 400.

Control endpoints: ``GET /_mock/health``, ``GET /_mock/requests``, ``GET /_mock/stats``
(answers counted by scenario and status), ``POST /_mock/reset``, ``POST /_mock/script`` with
``{"next": [...]}`` or ``{"orderId": ..., "scenario": ...}``. The POSTs need
``Content-Type: application/json`` and the header ``x-mock-control`` (or the mock's key as Basic
credentials), which no web page can send cross-origin. Bound to loopback, the mock answers only
requests addressed to ``localhost`` / ``127.0.0.1`` / ``[::1]`` (421 otherwise: DNS rebinding);
bound beyond loopback, it warns. Requests must arrive whole within ``read_timeout`` (10 s) and
bodies are at most ``max_body_bytes`` (8 MiB, else 413 before reading). Recordings mask every
credential-like header.
"""

from __future__ import annotations

import warnings
from typing import Any

from .._extras import require

# Before the first Starlette import: a missing extra is one line naming the install command.
require("mock", "forter_orders.mock")

from ._app import CONTROL_HEADER, create_app, error_body  # noqa: E402
from ._scenarios import SCENARIOS, Scenario, UnknownScenarioError, parse_scenario  # noqa: E402
from ._server import MockServer, banner, print_banner, serve  # noqa: E402
from ._state import DEFAULT_SECRET_KEY, DEFAULT_SITE_ID, MockConfig, MockController, redact_headers  # noqa: E402


def __getattr__(name: str) -> Any:
    if name == "DEFAULT_API_KEY":
        warnings.warn(
            "forter_orders.mock.DEFAULT_API_KEY is deprecated and will be removed in 0.3.0: "
            "use DEFAULT_SECRET_KEY",
            DeprecationWarning,
            stacklevel=2,
        )
        return DEFAULT_SECRET_KEY
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CONTROL_HEADER",
    "DEFAULT_SECRET_KEY",
    "DEFAULT_SITE_ID",
    "SCENARIOS",
    "MockConfig",
    "MockController",
    "MockServer",
    "Scenario",
    "UnknownScenarioError",
    "banner",
    "create_app",
    "error_body",
    "parse_scenario",
    "print_banner",
    "redact_headers",
    "serve",
]
