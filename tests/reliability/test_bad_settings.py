"""Bad settings: caught where they are given, never turned into an outage or a silent APPROVE.

* **Header values.** A control character or a non-ASCII letter in the site id, sub-merchant id,
  client id, API version, the client's ``headers=``, ``with_options`` or a per-call header used
  to be accepted; every request then failed inside h11 (or httpx's ASCII encoding), was counted
  as an outage, retried and failed open: the server received 0 requests. Now each is a
  ``ConfigurationError`` at construction or at the call, naming the setting but never echoing the
  value; still 0 requests, and no fallback.
* **Base URL.** A query, a fragment or user info is refused with a reason; a password never shows
  in the message, a repr or a log record.
* **TLS and proxies.** A loopback base URL never goes through ``HTTP_PROXY`` (the Authorization
  header would travel in clear text); an https base URL goes through ``HTTPS_PROXY`` as a
  ``CONNECT`` tunnel that carries no credentials; ``trust_env=False`` ignores the environment;
  ``SSL_CERT_FILE`` is honoured, and a missing one is a ``ConfigurationError``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import shutil
import ssl
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from forter_orders import (
    APIConnectionError,
    AsyncForterClient,
    ConfigurationError,
    FallbackPolicy,
    ForterClient,
    RetryPolicy,
)
from forter_orders_api.models import OrderDecision

pytestmark = pytest.mark.timeout(120)

ROOT = Path(__file__).resolve().parents[2]
ORDER: dict[str, Any] = json.loads((ROOT / "examples" / "full_web_order.json").read_text())
OID: str = ORDER["orderId"]
SITE_ID = "settings-site"
SECRET_KEY = "sk_settings_0123456789"  # a test credential
DECISION = json.dumps({"orderId": OID, "forterDecision": "DECLINE", "recommendation": ""}).encode()
Figure = Callable[[str, object], None]
RawServer = Any

# Values h11 would refuse at send time (or httpx could not encode), each with what the message
# must say about it.
BAD_VALUES = {
    "carriage return": ("shop-1\r", "carriage return"),
    "line feed": ("shop\n1", "line feed"),
    "NUL": ("shop\x001", "NUL"),
    "other control": ("shop\x1b1", "control character"),
    "non-ASCII": ("sh\u00f6p", "non-ASCII"),
    "leading blank": (" shop", "edge"),
    "trailing tab": ("shop\t", "edge"),
}
# Settings that become header values: (constructor argument, environment variable, name shown).
SETTINGS = [
    ("site_id", "FORTER_SITE_ID", "site id"),
    ("sub_merchant_site_id", "FORTER_SUB_MERCHANT_SITE_ID", "sub-merchant"),
    ("client_id", "FORTER_CLIENT_ID", "client id"),
    ("api_version", "FORTER_API_VERSION", "API version"),
]


def _answer_decision(connection: Any, request: Any) -> None:
    head = (
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
        f"Content-Length: {len(DECISION)}\r\n\r\n"
    )
    connection.send(head.encode() + DECISION)


@contextlib.contextmanager
def _environment(**values: str | None) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    try:
        for name, value in values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _make(client: str, **kwargs: Any) -> ForterClient | AsyncForterClient:
    kwargs = {"site_id": SITE_ID, "secret_key": SECRET_KEY, **kwargs}
    return ForterClient(**kwargs) if client == "sync" else AsyncForterClient(**kwargs)


def _create(client: ForterClient | AsyncForterClient, **call: Any) -> object:
    """One create() with fail-open; the decision, or the ForterError raised."""
    if isinstance(client, ForterClient):
        try:
            return client.orders.create(ORDER, validate=False, fallback=FallbackPolicy(), **call)
        except ConfigurationError as exc:
            return exc
    async_client = client

    async def main() -> object:
        try:
            return await async_client.orders.create(
                ORDER, validate=False, fallback=FallbackPolicy(), **call
            )
        except ConfigurationError as exc:
            return exc
        finally:
            await async_client.close()

    return asyncio.run(main())


def _assert_refused(error: BaseException, shown: str, why: str, value: str) -> None:
    assert isinstance(error, ConfigurationError)
    text = str(error)
    assert shown in text
    assert why in text
    assert value not in text  # the value itself is never echoed


# ----------------------------------------------------------------------------- header values


@pytest.mark.parametrize("client", ["sync", "async"])
@pytest.mark.parametrize("source", ["argument", "environment"])
@pytest.mark.parametrize(("argument", "variable", "shown"), SETTINGS)
@pytest.mark.parametrize("bad", list(BAD_VALUES))
def test_a_header_setting_that_cannot_be_sent_is_refused_at_construction(
    raw_server: RawServer,
    client: str,
    source: str,
    argument: str,
    variable: str,
    shown: str,
    bad: str,
) -> None:
    raw_server.handler = _answer_decision
    value, why = BAD_VALUES[bad]
    if source == "environment" and "\x00" in value:
        pytest.skip("an environment variable cannot hold a NUL byte")
    kwargs: dict[str, Any] = {"base_url": raw_server.url}
    if argument == "site_id":
        kwargs["site_id"] = None  # taken from the argument below or the environment
    env: dict[str, str | None] = {name: None for _, name, _ in SETTINGS}
    if source == "argument":
        kwargs[argument] = value
    else:
        env[variable] = value
    with _environment(**env), pytest.raises(ConfigurationError) as info:
        _make(client, **kwargs)
    _assert_refused(info.value, shown, why, value)
    assert raw_server.requests == []


@pytest.mark.parametrize("client", ["sync", "async"])
@pytest.mark.parametrize("where", ["constructor", "with_options", "per call"])
@pytest.mark.parametrize("bad", list(BAD_VALUES))
def test_an_extra_header_that_cannot_be_sent_is_refused_where_it_is_given(
    raw_server: RawServer, client: str, where: str, bad: str
) -> None:
    """Never an outage that fails open: the error comes before any request."""
    raw_server.handler = _answer_decision
    value, why = BAD_VALUES[bad]
    headers = {"X-Shop-Token": value}
    result: object
    if where == "constructor":
        with pytest.raises(ConfigurationError) as info:
            _make(client, base_url=raw_server.url, headers=headers)
        result = info.value
    elif where == "with_options":
        base = _make(client, base_url=raw_server.url)
        with pytest.raises(ConfigurationError) as info:
            base.with_options(headers=headers)
        result = info.value
        _create(base)  # the parent still works
        assert len(raw_server.requests) == 1
        raw_server.requests.clear()
    else:
        result = _create(_make(client, base_url=raw_server.url), headers=headers)
    _assert_refused(result, "X-Shop-Token", why, value)  # type: ignore[arg-type]
    assert raw_server.requests == []


@pytest.mark.parametrize(
    ("headers", "why"),
    [
        ({"X Shop": "1"}, "not a valid header name"),
        ({"X-Shop:": "1"}, "not a valid header name"),
        ({"X-\u00e9": "1"}, "not a valid header name"),
        ({"Content-Length": "5"}, "set by the client"),
        ({"transfer-encoding": "chunked"}, "set by the client"),
        ({"X-Shop": 1}, "must be a str"),
    ],
)
def test_header_names_and_framing_headers_are_checked(
    raw_server: RawServer, headers: dict[str, Any], why: str
) -> None:
    with pytest.raises(ConfigurationError, match=why):
        ForterClient(
            site_id=SITE_ID, secret_key=SECRET_KEY, base_url=raw_server.url, headers=headers
        )
    client = ForterClient(site_id=SITE_ID, secret_key=SECRET_KEY, base_url=raw_server.url)
    with pytest.raises(ConfigurationError, match=why):
        client.orders.create(ORDER, validate=False, headers=headers)
    assert raw_server.requests == []


def test_a_with_options_api_version_is_checked(raw_server: RawServer) -> None:
    client = ForterClient(site_id=SITE_ID, secret_key=SECRET_KEY, base_url=raw_server.url)
    with pytest.raises(ConfigurationError, match="api_version"):
        client.with_options(api_version="10.1\r\nX-Injected: 1")


def test_good_values_still_go_out_exactly(raw_server: RawServer) -> None:
    """Printable ASCII with inner blanks and tabs is sent as given."""
    raw_server.handler = _answer_decision
    client = ForterClient(
        site_id=SITE_ID,
        secret_key=SECRET_KEY,
        base_url=raw_server.url,
        client_id="shop 1\t(checkout)",
        sub_merchant_site_id="sub-7",
        headers={"X-Shop": "a b"},
    )
    decision = client.orders.create(ORDER, validate=False, headers={"X-Call": "c;d=e"})
    assert decision.forter_decision == "DECLINE"
    (request,) = raw_server.requests
    assert request.header("x-forter-client") == "shop 1\t(checkout)"
    assert request.header("x-forter-sub-merchant-siteid") == "sub-7"
    assert request.header("x-shop") == "a b"
    assert request.header("x-call") == "c;d=e"


def test_send_with_a_bad_client_id_exits_2_and_sends_nothing(
    raw_server: RawServer, tmp_path: Path
) -> None:
    """`FORTER_CLIENT_ID=$'shop-1\\r' forter-orders send --fail-open` approved every order."""
    orders = tmp_path / "orders.jsonl"
    orders.write_text(json.dumps(ORDER) + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "forter_orders.cli", "send", str(orders), "--fail-open"],
        env={
            **os.environ,
            "FORTER_SITE_ID": SITE_ID,
            "FORTER_SECRET_KEY": SECRET_KEY,
            "FORTER_BASE_URL": raw_server.url,
            "FORTER_CLIENT_ID": "shop-1\r",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    (line,) = done.stderr.strip().splitlines()
    assert "client id" in line
    assert "carriage return" in line
    assert raw_server.requests == []


# ----------------------------------------------------------------------------- base URL

PASSWORD = "pw-7f3a9c"  # a test value that must never show


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://127.0.0.1:9/?tenant=1", "query string"),
        ("https://api.example.com/v1?x", "query string"),
        ("http://127.0.0.1:9/#frag", "fragment"),
        (f"https://user:{PASSWORD}@api.example.com", "user name or password"),
        (f"http://user:{PASSWORD}@localhost:9", "user name or password"),
        (f"ftp://user:{PASSWORD}@api.example.com", "http(s) URL"),
        ("http://[::1", "not a URL"),
        (f"http://127.0.0.1:9/?api_key={PASSWORD}", "query string"),
        (f"http://127.0.0.1:9/x#{PASSWORD}", "fragment"),
        ("http://@127.0.0.1:9", "user name or password"),
        ("https://api.example.com ", "character 24 is a space"),  # a .env line's blank
        ("https://api example.com", "character 12 is a space"),
    ],
)
@pytest.mark.parametrize("source", ["argument", "environment"])
def test_a_base_url_with_a_query_fragment_or_user_info_is_refused_with_a_reason(
    url: str, why: str, source: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    kwargs: dict[str, Any] = {"base_url": url} if source == "argument" else {}
    with (
        _environment(FORTER_BASE_URL=url if source == "environment" else None),
        pytest.raises(ConfigurationError) as info,
    ):
        ForterClient(site_id=SITE_ID, secret_key=SECRET_KEY, **kwargs)
    text = str(info.value)
    assert why in text
    assert ("base_url" if source == "argument" else "FORTER_BASE_URL") in text
    assert PASSWORD not in text
    assert PASSWORD not in repr(info.value)
    assert PASSWORD not in caplog.text


@pytest.mark.parametrize("client", ["sync", "async"])
@pytest.mark.parametrize(
    ("bad", "why"),
    [
        ("sk_settings_0123456789\n", "character 23 of 23 is a line feed"),
        (" sk_settings_0123456789", "character 1 of 23 is a space"),
        ("sk_settings_01234567\u00e9", "non-ASCII character (U+00E9)"),
        ("sk_settings\t0123", "a tab"),
    ],
)
def test_a_secret_key_that_cannot_be_a_key_is_refused_without_echoing_it(
    raw_server: RawServer, client: str, bad: str, why: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Such a key made every call a 401 (loud, but only at the first order); now it is caught
    when the client is built, and the message never holds the key."""
    caplog.set_level(logging.DEBUG)
    cls = ForterClient if client == "sync" else AsyncForterClient
    with pytest.raises(ConfigurationError) as info:
        cls(site_id=SITE_ID, secret_key=bad, base_url=raw_server.url)
    assert why in str(info.value)
    assert "FORTER_SECRET_KEY" in str(info.value)
    assert bad.strip() not in str(info.value)
    assert bad.strip() not in caplog.text
    assert raw_server.requests == []


@pytest.mark.parametrize("client", ["sync", "async"])
@pytest.mark.parametrize(
    "settings",
    [
        {"timeout": float("nan")},
        {"timeout": float("inf")},
        {"timeout": -1.0},
        {"timeout": httpx.Timeout(float("nan"))},
        {"timeout": httpx.Timeout(5.0, read=-1.0)},
        {"retry": "nan deadline"},
        {"retry": "nan backoff"},
    ],
    ids=["nan", "inf", "negative", "httpx-nan", "httpx-negative-read", "deadline", "backoff"],
)
def test_a_timeout_that_httpx_would_refuse_is_a_configuration_error_not_a_fallback(
    raw_server: RawServer, client: str, settings: dict[str, Any]
) -> None:
    """NaN passed every "<= 0" check; then httpx refused each request and a fail-open policy
    answered APPROVE for every order without one request reaching the server."""
    kwargs = dict(settings)

    def build() -> None:
        if kwargs.get("retry") == "nan deadline":
            kwargs["retry"] = RetryPolicy(deadline=float("nan"))
        elif kwargs.get("retry") == "nan backoff":
            kwargs["retry"] = RetryPolicy(backoff_initial=float("nan"))
        cls = ForterClient if client == "sync" else AsyncForterClient
        cls(
            site_id=SITE_ID,
            secret_key=SECRET_KEY,
            base_url=raw_server.url,
            fallback=FallbackPolicy(decision="APPROVE"),
            **kwargs,
        )

    with pytest.raises(ConfigurationError, match="finite"):
        build()
    assert raw_server.requests == []


def test_a_per_call_nan_timeout_raises_instead_of_failing_open(raw_server: RawServer) -> None:
    with (
        ForterClient(
            site_id=SITE_ID,
            secret_key=SECRET_KEY,
            base_url=raw_server.url,
            fallback=FallbackPolicy(decision="APPROVE"),
        ) as forter,
        pytest.raises(ConfigurationError, match="finite"),
    ):
        forter.orders.create(ORDER, timeout=float("nan"))
    assert raw_server.requests == []


def test_a_tab_inside_an_id_is_refused() -> None:
    """Legal inside an HTTP header value, but in a site id only a copy-paste accident."""
    with pytest.raises(ConfigurationError, match="character 5 is a tab"):
        ForterClient(site_id="shop\t1", secret_key=SECRET_KEY)


# ----------------------------------------------------------------------------- proxies


@pytest.mark.parametrize("client", ["sync", "async"])
@pytest.mark.parametrize("variable", ["HTTP_PROXY", "ALL_PROXY", "http_proxy"])
@pytest.mark.parametrize("trust_env", [None, True])
def test_a_loopback_base_url_never_goes_through_a_proxy(
    raw_server: RawServer,
    make_raw_server: Callable[..., RawServer],
    client: str,
    variable: str,
    trust_env: bool | None,
) -> None:
    """Plain http to the local mock: through HTTP_PROXY the key would travel in clear text."""
    raw_server.handler = _answer_decision
    proxy = make_raw_server()
    with _environment(**{variable: proxy.url, "NO_PROXY": None, "no_proxy": None}):
        forter = _make(client, base_url=raw_server.url, trust_env=trust_env)
        result = _create(forter)
    assert isinstance(result, OrderDecision)
    assert result.forter_decision == "DECLINE"
    assert proxy.connections == 0
    assert len(raw_server.requests) == 1


@pytest.mark.parametrize("client", ["sync", "async"])
def test_an_https_base_url_uses_https_proxy_as_a_tunnel_without_credentials(
    make_raw_server: Callable[..., RawServer], client: str
) -> None:
    """The proxy sees only `CONNECT host:port`: the key travels inside TLS, end to end."""
    proxy = make_raw_server()

    def refuse(connection: Any, request: Any) -> None:
        connection.send(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")

    proxy.handler = refuse
    with _environment(HTTPS_PROXY=proxy.url, NO_PROXY=None, no_proxy=None):
        forter = _make(client, base_url="https://127.0.0.2:9", timeout=2.0)
        result = _create(forter)
    assert is_connection_fallback(result)
    assert len(proxy.requests) == 2  # the refused tunnel counts as a connection error: retried
    for request in proxy.requests:
        assert request.request_line == "CONNECT 127.0.0.2:9 HTTP/1.1"
        assert request.header("authorization") is None
        assert SECRET_KEY.encode() not in request.head
        assert b"Basic" not in request.head


def is_connection_fallback(result: object) -> bool:
    """A fail-open decision after a connection error (the proxy refused the tunnel)."""
    error = getattr(result, "error", None)
    return isinstance(result, OrderDecision) and isinstance(error, APIConnectionError)


@pytest.mark.parametrize("client", ["sync", "async"])
@pytest.mark.parametrize("variable", ["HTTPS_PROXY", "ALL_PROXY"])
def test_trust_env_false_ignores_proxy_variables(
    make_raw_server: Callable[..., RawServer], client: str, variable: str
) -> None:
    proxy = make_raw_server()
    direct = make_raw_server("127.0.0.2")
    with _environment(**{variable: proxy.url, "NO_PROXY": None, "no_proxy": None}):
        forter = _make(
            client, base_url=f"https://127.0.0.2:{direct.port}", trust_env=False, timeout=0.5
        )
        result = _create(forter)
    assert is_connection_fallback(result)  # the raw server speaks no TLS
    assert proxy.connections == 0
    assert direct.connections >= 1


def test_no_proxy_is_honoured(make_raw_server: Callable[..., RawServer]) -> None:
    proxy = make_raw_server()
    direct = make_raw_server("127.0.0.2")
    with _environment(HTTPS_PROXY=proxy.url, NO_PROXY="127.0.0.2", no_proxy=None):
        result = _create(_make("sync", base_url=f"https://127.0.0.2:{direct.port}", timeout=0.5))
    assert is_connection_fallback(result)
    assert proxy.connections == 0
    assert direct.connections >= 1


def test_trust_env_with_a_callers_client_is_refused() -> None:
    with httpx.Client() as http, pytest.raises(ConfigurationError, match="trust_env"):
        ForterClient(site_id=SITE_ID, secret_key=SECRET_KEY, http_client=http, trust_env=False)


# ----------------------------------------------------------------------------- TLS


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An https server on localhost with a self-signed certificate: (its URL, the cert file)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            openssl,
            *("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost"),
            *("-addext", "subjectAltName=DNS:localhost"),
        ],
        capture_output=True,
        check=True,
        timeout=60,
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    listener = context.wrap_socket(
        __import__("socket").create_server(("127.0.0.1", 0)), server_side=True
    )
    port = listener.getsockname()[1]
    stopping = threading.Event()

    def serve() -> None:
        while not stopping.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue  # a failed handshake (the client did not trust us), or closed
            with conn:
                data = b""
                with contextlib.suppress(OSError):
                    while b"\r\n\r\n" not in data:
                        chunk = conn.recv(65536)
                        if not chunk:
                            break
                        data += chunk
                    length = 0
                    for line in data.split(b"\r\n"):
                        if line.lower().startswith(b"content-length:"):
                            length = int(line.split(b":")[1])
                    body = data.partition(b"\r\n\r\n")[2]
                    while len(body) < length:
                        body += conn.recv(65536)
                    _answer_decision(_Conn(conn), None)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"https://localhost:{port}", cert
    stopping.set()
    listener.close()


class _Conn:
    def __init__(self, sock: Any) -> None:
        self.sock = sock

    def send(self, data: bytes) -> bool:
        self.sock.sendall(data)
        return True


@pytest.mark.parametrize("client", ["sync", "async"])
def test_ssl_cert_file_is_honoured_unless_trust_env_is_false(
    tls_server: tuple[str, Path], client: str
) -> None:
    url, cert = tls_server
    with _environment(SSL_CERT_FILE=str(cert), SSL_CERT_DIR=None):
        trusted = _create(_make(client, base_url=url, timeout=5.0))
        ignored = _create(_make(client, base_url=url, timeout=5.0, trust_env=False))
    assert isinstance(trusted, OrderDecision)
    assert trusted.forter_decision == "DECLINE"
    assert is_connection_fallback(ignored)  # the certifi bundle does not know this certificate
    assert "CERTIFICATE_VERIFY_FAILED" in str(ignored.error)  # type: ignore[attr-defined]


def test_an_unreadable_ssl_cert_file_is_a_configuration_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.pem"
    with _environment(SSL_CERT_FILE=str(missing)):
        with pytest.raises(ConfigurationError, match="SSL_CERT_FILE"):
            ForterClient(site_id=SITE_ID, secret_key=SECRET_KEY)
        ForterClient(site_id=SITE_ID, secret_key=SECRET_KEY, trust_env=False).close()
