"""ForterClient over httpx.MockTransport: what goes on the wire, configuration, resources."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from forter_orders import (
    DEFAULT_API_VERSION,
    ConfigurationError,
    ForterClient,
    Order,
    OrderDecision,
    OrderValidationError,
    RawResponse,
    RetryPolicy,
    Secret,
    UnknownValue,
    __version__,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
KEY = "sk_test_wire_key"
DECISION = {"orderId": "2356fdse0rr489", "forterDecision": "APPROVE", "recommendation": ""}

Handler = Callable[[httpx.Request], httpx.Response]


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text())
    return data


@pytest.fixture
def web_order() -> dict[str, Any]:
    return load("full_web_order.json")


@pytest.fixture
def mobile_order() -> dict[str, Any]:
    return load("mobile_app_order.json")


class Recorder:
    """A MockTransport handler that records requests and answers from a list (last repeats)."""

    def __init__(self, *responses: httpx.Response | Exception) -> None:
        self.responses = list(responses) or [httpx.Response(200, json=DECISION)]
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.responses[min(len(self.requests), len(self.responses)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer


def make_client(recorder: Handler, **kwargs: Any) -> ForterClient:
    kwargs.setdefault("sleep", lambda _s: None)
    return ForterClient(
        "site-1",
        KEY,
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
        **kwargs,
    )


@pytest.fixture
def env_clean(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in (
        "FORTER_SITE_ID",
        "FORTER_SECRET_KEY",
        "FORTER_API_VERSION",
        "FORTER_BASE_URL",
        "FORTER_SUB_MERCHANT_SITE_ID",
        "FORTER_CLIENT_ID",
        "FORTER_VALIDATION",
    ):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


# ---------------------------------------------------------------- the wire


def test_request_on_the_wire(web_order: dict[str, Any]) -> None:
    recorder = Recorder()
    with make_client(recorder) as client:
        decision = client.orders.create(web_order)
    assert isinstance(decision, OrderDecision)
    assert decision.forter_decision == "APPROVE"
    (request,) = recorder.requests
    assert request.method == "POST"
    assert str(request.url) == "https://site-1.api.forter-secure.com/v3/orders/2356fdse0rr489"
    scheme, _, credentials = request.headers["authorization"].partition(" ")
    assert scheme == "Basic"
    assert base64.b64decode(credentials).decode() == f"{KEY}:"  # key as user, empty password
    assert request.headers["api-version"] == DEFAULT_API_VERSION == "10.1"
    assert request.headers["x-forter-siteid"] == "site-1"
    assert request.headers["x-forter-client"] == f"forter-orders-python/{__version__}"
    assert request.headers["content-type"] == "application/json"
    assert "x-forter-sub-merchant-siteid" not in request.headers
    assert request.content == orjson.dumps(web_order)
    assert json.loads(request.content) == web_order


def test_model_input_sends_its_wire_form(mobile_order: dict[str, Any]) -> None:
    recorder = Recorder()
    client = make_client(recorder)
    client.orders.create(Order.from_dict(mobile_order))
    sent = json.loads(recorder.requests[0].content)
    assert sent == Order.from_dict(mobile_order).to_dict()
    assert sent["orderId"] == "B12261933767"
    assert (
        sent["connectionInformation"]["forterMobileUID"]
        == mobile_order["connectionInformation"]["forterMobileUID"]
    )


def test_dict_is_sent_as_is_even_with_unknown_keys_when_not_validated(
    web_order: dict[str, Any],
) -> None:
    recorder = Recorder()
    client = make_client(recorder, validate=False)
    web_order["brandNewForterField"] = {"x": 1}
    client.orders.create(web_order)
    assert json.loads(recorder.requests[0].content)["brandNewForterField"] == {"x": 1}


def test_invalid_order_is_not_sent_in_strict_mode(web_order: dict[str, Any]) -> None:
    recorder = Recorder()
    client = make_client(recorder, validation="strict")
    del web_order["cartItems"]
    with pytest.raises(OrderValidationError) as info:
        client.orders.create(web_order)
    assert [(p.path, p.severity) for p in info.value.problems] == [("cartItems", "warning")]
    assert info.value.strict is True
    assert recorder.requests == []


def test_a_warning_is_sent_by_default_and_returned_with_the_decision(
    web_order: dict[str, Any],
) -> None:
    recorder = Recorder()
    client = make_client(recorder)
    del web_order["cartItems"]
    decision = client.orders.create(web_order)
    assert [(p.path, p.severity) for p in decision.warnings] == [("cartItems", "warning")]
    assert "cartItems" not in json.loads(recorder.requests[0].content)


def test_an_error_is_not_sent_by_default(web_order: dict[str, Any]) -> None:
    recorder = Recorder()
    client = make_client(recorder)
    web_order["payment"][0]["creditCard"]["nameOnCard"] = "4111 1111 1111 1111"
    with pytest.raises(OrderValidationError) as info:
        client.orders.create(web_order)
    assert [(p.path, p.severity) for p in info.value.errors] == [
        ("payment[0].creditCard.nameOnCard", "error")
    ]
    assert info.value.strict is False
    assert recorder.requests == []


def test_per_call_validate_false_overrides_client(web_order: dict[str, Any]) -> None:
    recorder = Recorder()
    client = make_client(recorder)
    del web_order["cartItems"]
    client.orders.create(web_order, validate=False)
    assert "cartItems" not in json.loads(recorder.requests[0].content)


def test_order_id_is_quoted_in_the_path(web_order: dict[str, Any]) -> None:
    recorder = Recorder()
    web_order["orderId"] = "a/b c?d"
    make_client(recorder).orders.create(web_order)
    assert recorder.requests[0].url.raw_path == b"/v3/orders/a%2Fb%20c%3Fd"


def test_optional_headers_and_extra_headers(web_order: dict[str, Any]) -> None:
    recorder = Recorder()
    client = make_client(
        recorder,
        sub_merchant_site_id="sub-9",
        client_id="my-shop/2.0",
        api_version="2.36",
        headers={"x-shop": "eu"},
    )
    client.orders.create(web_order, headers={"x-call": "1"})
    headers = recorder.requests[0].headers
    assert headers["x-forter-sub-merchant-siteid"] == "sub-9"
    assert headers["x-forter-client"] == "my-shop/2.0"
    assert headers["api-version"] == "2.36"
    assert headers["x-shop"] == "eu"
    assert headers["x-call"] == "1"
    client.orders.create(web_order)
    assert "x-call" not in recorder.requests[1].headers  # per-call headers do not leak


# Order ids that exercise the URL shortcut and its fall-backs: unreserved characters, escapes,
# non-ASCII, and the dot segments httpx removes from paths.
# ("." and "..", which httpx would remove, are refused before sending: see the test below.)
WIRE_IDS = ["2356fdse0rr489", "AZaz09-._~", "a/b c?d#e%f", "été-日本", ".x", "x..", "x" * 200]


def _sent_with_and_without_shortcut(
    monkeypatch: pytest.MonkeyPatch,
    orders: list[dict[str, Any]],
    build: Callable[[httpx.Client], ForterClient],
    **create: Any,
) -> tuple[list[httpx.Request], list[httpx.Request]]:
    """The same orders sent through the Wire shortcut and through httpx's build_request."""
    sent = []
    for shortcut in (True, False):
        if not shortcut:
            monkeypatch.setattr("forter_orders._client.usable", lambda _http: False)
        recorder = Recorder()
        mine = httpx.Client(transport=httpx.MockTransport(recorder))
        with build(mine) as client:
            for order in orders:
                client.orders.create(order, validate=False, **create)
            if shortcut:
                assert client._wire is not None
                assert client._wire.make_url is not None
        mine.close()
        sent.append(recorder.requests)
    return sent[0], sent[1]


@pytest.mark.parametrize("order_id", [".", ".."])
def test_dot_segment_order_ids_are_refused_even_unvalidated(
    web_order: dict[str, Any], order_id: str
) -> None:
    """httpx resolves "." and ".." as path segments: the request would reach another URL."""
    recorder = Recorder()
    web_order["orderId"] = order_id
    with pytest.raises(OrderValidationError) as info:
        make_client(recorder).orders.create(web_order, validation="off")
    assert [(p.path, p.code, p.severity) for p in info.value.problems] == [
        ("orderId", "order_id", "error")
    ]
    assert recorder.requests == []


def _same_request(fast: httpx.Request, full: httpx.Request) -> None:
    assert fast.method == full.method
    assert str(fast.url) == str(full.url)
    assert fast.url.raw_path == full.url.raw_path
    assert fast.url == full.url
    assert fast.headers.raw == full.headers.raw  # same headers, same order, same spelling
    assert fast.content == full.content
    assert fast.extensions == full.extensions


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"sub_merchant_site_id": "sub-9", "headers": {"x-shop": "eu", "Accept": "x/y"}},
        {"base_url": "http://127.0.0.1:8080/forter/", "timeout": 1.5},
        {"base_url": "https://[::1]:8443"},
    ],
)
def test_request_shortcut_builds_what_httpx_builds(
    web_order: dict[str, Any], monkeypatch: pytest.MonkeyPatch, options: dict[str, Any]
) -> None:
    orders = [{**web_order, "orderId": order_id} for order_id in WIRE_IDS]
    fast, full = _sent_with_and_without_shortcut(
        monkeypatch,
        orders,
        lambda http: ForterClient("site-1", KEY, http_client=http, **options),
    )
    assert len(fast) == len(full) == len(WIRE_IDS)
    for one, other in zip(fast, full, strict=True):
        _same_request(one, other)


def test_request_shortcut_follows_the_httpx_client(web_order: dict[str, Any]) -> None:
    recorder = Recorder()
    mine = httpx.Client(transport=httpx.MockTransport(recorder), headers={"x-proxy-tag": "1"})
    with ForterClient("s", KEY, http_client=mine) as client:
        client.orders.create(web_order)
        mine.headers["x-proxy-tag"] = "2"  # changed in place after the first call
        client.orders.create(web_order)
        mine.headers = httpx.Headers({"x-other": "3"})  # replaced
        client.orders.create(web_order)
        mine.cookies.set("AWSALB", "lb-1", domain="s.api.forter-secure.com")
        client.orders.create(web_order)
        mine.params = httpx.QueryParams({"trace": "on"})
        client.orders.create(web_order)
        client.orders.create(web_order, headers={"x-call": "1"})
    first, second, third, fourth, fifth, sixth = recorder.requests
    assert first.headers["x-proxy-tag"] == "1"
    assert second.headers["x-proxy-tag"] == "2"
    assert "x-proxy-tag" not in third.headers
    assert third.headers["x-other"] == "3"
    assert fourth.headers["cookie"] == "AWSALB=lb-1"
    assert fifth.url.params["trace"] == "on"
    assert sixth.headers["x-call"] == "1"
    for request in recorder.requests:
        assert request.headers["authorization"].startswith("Basic ")
        assert request.headers["content-length"] == str(len(request.content))
    mine.close()


def test_url_shortcut_is_refused_when_httpx_disagrees(monkeypatch: pytest.MonkeyPatch) -> None:
    from forter_orders import _wire

    template = httpx.URL("https://s.example/v3/orders/" + _wire._MARK)
    assert _wire._url_shortcut(template, "https://s.example/v3/orders/", "") is not None
    # A suffix whose dot segment removes the id's own segment: no shortcut.
    dotted = httpx.URL("https://s.example/v3/orders/" + _wire._MARK + "/../x")
    assert _wire._url_shortcut(dotted, "https://s.example/v3/orders/", "/../x") is None
    # An httpx whose URL keeps its parse elsewhere: every URL is parsed in full.
    assert _wire._url_shortcut(httpx.URL.__new__(httpx.URL), "https://s.example/", "") is None
    # One whose parse result builds different URLs: the sample check refuses it.
    monkeypatch.setattr(_wire, "_SAMPLES", ("a b",))  # unquoted: httpx would escape the space
    assert _wire._url_shortcut(template, "https://s.example/v3/orders/", "") is None


def test_unknown_decision_values_and_members_are_kept(web_order: dict[str, Any]) -> None:
    body = {"forterDecision": "VERIFICATION_REQUIRED", "brandNew": [1, 2]}
    client = make_client(Recorder(httpx.Response(200, json=body)))
    decision = client.orders.create(web_order)
    assert decision.forter_decision == UnknownValue("VERIFICATION_REQUIRED")
    assert str(decision.forter_decision) == "VERIFICATION_REQUIRED"
    assert decision.to_dict()["forterDecision"] == "VERIFICATION_REQUIRED"
    assert decision.additional_properties == {"brandNew": [1, 2]}


def test_full_decision_is_parsed(web_order: dict[str, Any]) -> None:
    body = load("decision_response.json")
    decision = make_client(Recorder(httpx.Response(200, json=body))).orders.create(web_order)
    assert decision.to_dict() == body
    assert decision.verification_method.verification_specific_data.three_ds.eci_value == "05"  # type: ignore[union-attr]


# ---------------------------------------------------------------- raw responses


def test_with_raw_response(web_order: dict[str, Any]) -> None:
    recorder = Recorder(httpx.Response(200, json=DECISION, headers={"X-Request-Id": "req-42"}))
    raw = make_client(recorder).orders.with_raw_response.create(web_order)
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.request_id == "req-42"
    assert raw.headers["x-request-id"] == "req-42"
    assert raw.parsed.forter_decision == "APPROVE"
    assert raw.parse() is raw.parsed
    assert raw.http_response.request is recorder.requests[0]
    assert raw.attempts == 1
    assert raw.elapsed.total_seconds() >= 0


def test_raw_response_reports_retries_and_forter_request_id(web_order: dict[str, Any]) -> None:
    recorder = Recorder(
        httpx.Response(503, json={"message": "busy"}),
        httpx.Response(200, json=DECISION, headers={"x-forter-request-id": "f-7"}),
    )
    raw = make_client(recorder).orders.create_raw(web_order)
    assert raw.attempts == 2
    assert raw.request_id == "f-7"


# ---------------------------------------------------------------- configuration


def test_config_from_environment(env_clean: pytest.MonkeyPatch, web_order: dict[str, Any]) -> None:
    env_clean.setenv("FORTER_SITE_ID", "envsite")
    env_clean.setenv("FORTER_SECRET_KEY", "env-key")
    env_clean.setenv("FORTER_API_VERSION", "2.17")
    env_clean.setenv("FORTER_SUB_MERCHANT_SITE_ID", "envsub")
    env_clean.setenv("FORTER_CLIENT_ID", "env-client")
    recorder = Recorder()
    client = ForterClient(http_client=httpx.Client(transport=httpx.MockTransport(recorder)))
    assert client.site_id == "envsite"
    assert client.base_url == "https://envsite.api.forter-secure.com"
    assert client.api_version == "2.17"
    client.orders.create(web_order)
    headers = recorder.requests[0].headers
    assert base64.b64decode(headers["authorization"][6:]) == b"env-key:"
    assert headers["x-forter-sub-merchant-siteid"] == "envsub"
    assert headers["x-forter-client"] == "env-client"
    assert headers["api-version"] == "2.17"


def test_arguments_win_over_environment(env_clean: pytest.MonkeyPatch) -> None:
    env_clean.setenv("FORTER_SITE_ID", "envsite")
    env_clean.setenv("FORTER_SECRET_KEY", "env-key")
    env_clean.setenv("FORTER_BASE_URL", "https://{siteId}.example.test/")
    client = ForterClient("argsite", api_version="3.0")
    assert client.site_id == "argsite"
    assert client.base_url == "https://argsite.example.test"
    assert client.api_version == "3.0"
    client.close()


def test_defaults(env_clean: pytest.MonkeyPatch) -> None:
    client = ForterClient("s1", Secret("k"))
    assert client.timeout == httpx.Timeout(4.0)
    assert client.retry_policy == RetryPolicy(max_retries=1, deadline=8.0, backoff_initial=0.2)
    assert client.fallback_policy is None
    assert client.base_url == "https://s1.api.forter-secure.com"
    client.close()


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"secret_key": "k"}, "site id"),
        ({"site_id": "s"}, "secret key"),
        ({"site_id": "s", "secret_key": ""}, "secret key"),
        ({"site_id": "evil.com/x", "secret_key": "k"}, "host name"),
        ({"site_id": "s", "secret_key": "k", "base_url": "http://forter.example"}, "plain http"),
        ({"site_id": "s", "secret_key": "k", "base_url": "ftp://x"}, "http(s)"),
        ({"site_id": "s", "secret_key": "k", "api_key": "k"}, "once, as secret_key"),
    ],
)
def test_configuration_errors(
    env_clean: pytest.MonkeyPatch, kwargs: dict[str, Any], needle: str
) -> None:
    with pytest.raises(ConfigurationError) as info:
        ForterClient(**kwargs)
    assert needle in str(info.value)


def test_plain_http_is_allowed_for_loopback(env_clean: pytest.MonkeyPatch) -> None:
    client = ForterClient("s", "k", base_url="http://127.0.0.1:8080")
    assert client.base_url == "http://127.0.0.1:8080"
    client.close()


def test_bad_timeout_and_policy_values(env_clean: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="timeout"):
        ForterClient("s", "k", timeout=0)
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)


# ---------------------------------------------------------------- resources


def test_user_http_client_is_used_and_left_open(web_order: dict[str, Any]) -> None:
    recorder = Recorder()
    mine = httpx.Client(transport=httpx.MockTransport(recorder), headers={"x-proxy-tag": "t"})
    with ForterClient("s", "k", http_client=mine) as client:
        assert client.http_client is mine
        client.orders.create(web_order)
    assert recorder.requests[0].headers["x-proxy-tag"] == "t"
    assert not mine.is_closed
    mine.close()


def test_own_http_client_is_pooled_and_closed() -> None:
    with ForterClient("s", "k") as client:
        pool = client.http_client
        assert client.http_client is pool  # one pool for the client's life
        assert not pool.is_closed
    assert pool.is_closed


def test_max_connections_sets_pool_limits() -> None:
    client = ForterClient("s", "k", max_connections=3)
    pool = client.http_client._transport._pool  # type: ignore[attr-defined]
    assert pool._max_connections == 3
    client.close()


def test_with_options_shares_the_pool_and_overrides(web_order: dict[str, Any]) -> None:
    recorder = Recorder(httpx.Response(503, json={}), httpx.Response(200, json=DECISION))
    client = make_client(recorder, max_retries=0)
    other = client.with_options(max_retries=1, api_version="9.9", headers={"x-a": "b"})
    assert other.http_client is client.http_client
    assert other.orders is not client.orders
    decision = other.orders.create(web_order)
    assert decision.forter_decision == "APPROVE"
    assert len(recorder.requests) == 2
    assert recorder.requests[0].headers["api-version"] == "9.9"
    assert recorder.requests[0].headers["x-a"] == "b"
    assert client.api_version == DEFAULT_API_VERSION  # the original is unchanged
    assert client.retry_policy.max_retries == 0


def test_the_old_api_key_name_still_works_with_a_deprecation_warning(
    env_clean: pytest.MonkeyPatch,
) -> None:
    with pytest.warns(DeprecationWarning, match=r"api_key= is deprecated.*secret_key=") as caught:
        client = ForterClient(site_id="s", api_key="k-old")
    assert caught[0].filename == __file__  # the warning points at the caller's line
    with client:
        assert client._config.secret_key.get_secret_value() == "k-old"
        assert "k-old" not in repr(client)
