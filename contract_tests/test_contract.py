"""Contract tests: schemathesis drives openapi.yaml against the mock over real HTTP.

Against the mock: all default checks, positive and negative data, examples + coverage +
fuzzing phases and a fixed seed, sized to stay well under three minutes with ``pytest -n 2``.

The published spec says what Forter accepts: objects are open and members nullable where real
senders send null, so positive data now carries unknown members and nulls, and the mock
(answering like Forter) must accept it. Negative data breaks the published spec, which the
strict view includes: a strict mock must refuse all of it (schemathesis' default checks), and
the default mock must agree with the client's default validation - 400 for every body the
client would refuse with an error, 200 only for bodies it would send.

Against a live Forter sandbox, only when FORTER_SITE_ID and FORTER_SECRET_KEY are set
(FORTER_BASE_URL optional): positive data only, few examples, rate-limited.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import requests
import schemathesis
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig

from forter_orders import validate_order
from forter_orders.mock import DEFAULT_SECRET_KEY, DEFAULT_SITE_ID, MockServer

SPEC_PATH = Path(__file__).resolve().parents[1] / "openapi.yaml"
SEED = 20261126


def live_target() -> tuple[str, str, str] | None:
    """(site id, secret key, base URL) of a Forter sandbox from the environment, if any."""
    site_id = os.environ.get("FORTER_SITE_ID")
    secret = os.environ.get("FORTER_SECRET_KEY")
    if not site_id or not secret:
        return None
    base_url = os.environ.get("FORTER_BASE_URL") or f"https://{site_id}.api.forter-secure.com"
    return site_id, secret, base_url.rstrip("/")


def align_order_id(case: Any) -> None:
    """Make a positive body's ``orderId`` equal the path's.

    The spec states this rule only in prose ("must equal the body's orderId"): OpenAPI cannot
    tie a body field to a path parameter, so generated valid cases break it by chance and the
    server rightly answers 400. Negative bodies are left alone so that they stay negative.
    """
    body_info = case.meta.components.get("body") if case.meta else None
    positive = body_info is None or body_info.mode == GenerationMode.POSITIVE
    order_id = (case.path_parameters or {}).get("orderId")
    if positive and isinstance(case.body, dict) and isinstance(order_id, str):
        # schemathesis keeps path parameters percent-encoded; the server sees them decoded.
        case.body["orderId"] = unquote(order_id)


def _config(
    base_url: str,
    site_id: str,
    secret_key: str,
    *,
    phases: tuple[str, ...] = ("examples", "coverage", "fuzzing"),
    mode: str = "all",
    max_examples: int = 60,
    live: bool = False,
) -> SchemathesisConfig:
    data: dict[str, Any] = {
        "seed": SEED,
        "base-url": base_url,
        "auth": {"basic": {"username": secret_key, "password": ""}},
        # Fixed rather than generated: a random site id is a 401 by design, which would hide
        # every body check behind authentication.
        "parameters": {"header.x-forter-siteid": site_id, "header.api-version": "10.1"},
        "phases": {
            name: {"enabled": name in phases}
            for name in ("examples", "coverage", "fuzzing", "stateful")
        },
        "generation": {"mode": mode, "max-examples": max_examples, "deterministic": True},
    }
    if live:
        data["rate-limit"] = "2/s"
        data["request-timeout"] = 10
    return SchemathesisConfig.from_dict(data)


# ---------------------------------------------------------------- against the mock
# schemathesis.pytest.from_fixture() breaks on pytest 9 (it reads the removed
# `Function._nodeid`), so schemas are built at import time with the mock's fixed test
# credentials, and each call is pointed at the session mock's (random) port.
#
# Sizing (2 cores): the positive run (examples, coverage, fuzzing) and negative fuzzing take
# ~15 s each; the negative *coverage* phase enumerates ~6,100 cases for this large schema
# (75-175 s on one core, depending on load). All run by default - under pytest -n 2 the long
# one shares the run with the rest of the suite. FORTER_CONTRACT_QUICK=1 skips it for quick
# local iterations.
_MOCK = ("http://127.0.0.1:9", DEFAULT_SITE_ID, DEFAULT_SECRET_KEY)
POSITIVE = schemathesis.openapi.from_path(SPEC_PATH, config=_config(*_MOCK, mode="positive"))
NEGATIVE_FUZZ = schemathesis.openapi.from_path(
    SPEC_PATH, config=_config(*_MOCK, phases=("examples", "fuzzing"), mode="negative")
)
NEGATIVE_COVERAGE = schemathesis.openapi.from_path(
    SPEC_PATH, config=_config(*_MOCK, phases=("coverage",), mode="negative")
)
QUICK = os.environ.get("FORTER_CONTRACT_QUICK") == "1"


def has_error(body: object) -> bool:
    """Whether the client's default validation refuses ``body`` (an error, not a warning)."""
    return isinstance(body, dict) and any(p.severity == "error" for p in validate_order(body))


def filter_body(context: Any, body: Any) -> bool:
    """Positive data: drop the rare body the client refuses for what JSON Schema cannot say
    (an integer beyond 64 bits, a string that is a full card number); the spec's own limits
    (orderId length, "." and "..") keep the rest of the errors out already."""
    return not has_error(body)


POSITIVE.hook(filter_body)


@pytest.fixture(scope="module")
def http_session() -> Iterator[requests.Session]:
    with requests.Session() as session:
        yield session


def _run(case: Any, mock: MockServer, session: requests.Session) -> None:
    assert mock.site_id == DEFAULT_SITE_ID  # the credentials baked into the schemas above
    align_order_id(case)
    case.call_and_validate(base_url=mock.url, session=session)


@POSITIVE.parametrize()
def test_mock_accepts_valid_requests(
    case: Any, contract_mock: MockServer, http_session: requests.Session
) -> None:
    _run(case, contract_mock, http_session)


@NEGATIVE_FUZZ.parametrize()
def test_strict_mock_rejects_fuzzed_invalid_requests(
    case: Any, strict_contract_mock: MockServer, http_session: requests.Session
) -> None:
    _run(case, strict_contract_mock, http_session)


@NEGATIVE_FUZZ.parametrize()
def test_default_mock_refuses_what_default_validation_refuses(
    case: Any, contract_mock: MockServer, http_session: requests.Session
) -> None:
    """The mock answering like Forter agrees with the client: a body the client refuses with an
    error gets a 400 (or a 401 when the credentials are broken too); a 200 goes only to a body
    the client would send."""
    align_order_id(case)
    response = case.call(base_url=contract_mock.url, session=http_session)
    assert response.status_code != 500
    if has_error(case.body):
        assert response.status_code in (400, 401), (case.body, response.text[:300])
    if response.status_code == 200:
        assert isinstance(case.body, dict)
        assert not has_error(case.body)


@pytest.mark.skipif(
    QUICK, reason="FORTER_CONTRACT_QUICK=1 skips the ~6,100 negative coverage cases"
)
@NEGATIVE_COVERAGE.parametrize()
def test_strict_mock_rejects_every_coverage_negation(
    case: Any, strict_contract_mock: MockServer, http_session: requests.Session
) -> None:
    _run(case, strict_contract_mock, http_session)


# ---------------------------------------------------------------- against a live sandbox
LIVE = live_target()

if LIVE is None:

    def test_live_sandbox_honours_the_spec() -> None:
        pytest.skip("live contract tests need FORTER_SITE_ID and FORTER_SECRET_KEY")

else:
    LIVE_SCHEMA = schemathesis.openapi.from_path(
        SPEC_PATH,
        config=_config(
            LIVE[2],
            LIVE[0],
            LIVE[1],
            phases=("examples", "fuzzing"),
            mode="positive",
            max_examples=5,
            live=True,
        ),
    )

    @LIVE_SCHEMA.parametrize()
    def test_live_sandbox_honours_the_spec(case: Any) -> None:
        align_order_id(case)
        case.call_and_validate()
