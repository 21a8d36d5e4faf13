"""Client settings from arguments or the environment.

Environment variables (an argument always wins):

=============================== ==========================================================
``FORTER_SITE_ID``              site id (required)
``FORTER_SECRET_KEY``           secret API key (required; sent as the HTTP Basic user name)
``FORTER_API_VERSION``          ``api-version`` header, default ``"10.1"`` (current docs; the
                                version is per merchant account, older accounts use 2.x)
``FORTER_BASE_URL``             default ``https://{siteId}.api.forter-secure.com``; ``{siteId}``
                                is replaced by the site id
``FORTER_SUB_MERCHANT_SITE_ID`` ``x-forter-sub-merchant-siteid`` (multi-merchant accounts only)
``FORTER_CLIENT_ID``            ``x-forter-client``, default ``forter-orders-python/<version>``
=============================== ==========================================================

Every setting is checked here, where it is given, rather than when a request is sent: a header
value with a control character (``FORTER_CLIENT_ID=$'shop-1\r'``) or a non-ASCII letter used to be
accepted and then fail inside h11 (or httpx's ASCII encoding) on every request, which the client
counted as an outage: retried, then failed open. Every order approved, Forter never asked. Now it
is a :class:`ConfigurationError` when the client is built (or at the call, for per-call headers),
naming the setting and the offending character but never echoing the value, which may be a
credential in a custom header.

The base URL must be a plain ``scheme://host[:port][/path]``: a query (``?tenant=1``) would end up
inside the path once the order id is appended, a fragment would send every order to ``/``, and
user info (``https://user:pw@host``) would put a password into reprs and logs (the secret key is
the only credential, and it is sent as HTTP Basic by the client). Messages about a base URL show
it with any user info masked.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import httpx

from ._errors import ConfigurationError
from ._secret import Secret
from ._version import __version__

DEFAULT_API_VERSION: Final = "10.1"
DEFAULT_BASE_URL: Final = "https://{siteId}.api.forter-secure.com"
DEFAULT_CLIENT_ID: Final = f"forter-orders-python/{__version__}"
_SITE_ID_IN_HOST: Final = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_LOOPBACK: Final = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
# RFC 9110 token characters: what a header name may hold.
_TOKEN: Final = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
# What h11 accepts as a header value, minus obs-text (bytes >= 0x80, which httpx cannot encode
# from a str anyway): visible ASCII, single spaces or tabs between, none at either end.
_FIELD_VALUE: Final = re.compile(r"(?:[\x21-\x7e]+(?:[ \t]+[\x21-\x7e]+)*)?")
# Headers that frame the request: one set by hand would cut the body short or hang the call.
_FRAMING_HEADERS: Final = frozenset({"content-length", "transfer-encoding"})
_USERINFO: Final = re.compile(r"(?<=//)[^/?#@]*@")

_CHARACTER_NAMES: Final = {
    "\r": "a carriage return (\\r)",
    "\n": "a line feed (\\n)",
    "\t": "a tab",
    "\x00": "a NUL byte (\\x00)",
    " ": "a space",
}


@dataclass(frozen=True, slots=True)
class ClientConfig:
    """Resolved settings of a client (the key stays wrapped in :class:`Secret`)."""

    site_id: str
    secret_key: Secret
    api_version: str
    base_url: str
    sub_merchant_site_id: str | None
    client_id: str


def _env(name: str) -> str | None:
    return os.environ.get(name)


def is_loopback_host(host: str) -> bool:
    """Whether ``host`` (as in a URL) names this machine's loopback interface."""
    return host.lower() in _LOOPBACK


def mask_userinfo(url: str) -> str:
    """``url`` with any ``user:password@`` replaced by ``***@`` (for messages)."""
    return _USERINFO.sub("***@", url)


def _describe(char: str) -> str:
    name = _CHARACTER_NAMES.get(char)
    if name is not None:
        return name
    code = ord(char)
    if code < 0x20 or code == 0x7F:
        return f"a control character (U+{code:04X})"
    if code > 0x7E:
        return f"a non-ASCII character (U+{code:04X})"
    return f"{char!r}"  # pragma: no cover - every other ASCII character is allowed


def header_problem(value: str) -> str | None:
    """Why ``value`` cannot be sent as a header value, or ``None`` when it can."""
    if _FIELD_VALUE.fullmatch(value):
        return None
    for position, char in enumerate(value, 1):
        if not ("\x21" <= char <= "\x7e" or char in " \t"):
            return f"character {position} is {_describe(char)}"
    edge = 1 if value[:1] in (" ", "\t") else len(value)
    return f"character {edge} is {_describe(value[edge - 1])} at the edge of the value"


def check_header_value(value: object, setting: str, *, identifier: bool = False) -> str:
    """``value`` if it can be sent as a header value, else ConfigurationError naming ``setting``.

    ``identifier``: an id or a version (site id, client id, ...), where a TAB - legal inside an
    HTTP header value - can only be a copy-paste accident. The value itself is never put in the
    message (a custom header may hold a credential).
    """
    if not isinstance(value, str):
        raise ConfigurationError(f"{setting} must be a str, got {type(value).__name__}")
    problem = header_problem(value)
    if problem is None and identifier and "\t" in value:
        problem = f"character {value.index(chr(9)) + 1} is {_describe(chr(9))}"
    if problem is not None:
        raise ConfigurationError(
            f"{setting} cannot be sent as an HTTP header value: {problem} (only printable "
            "ASCII is allowed, with no leading or trailing blanks)"
        )
    return value


def check_headers(headers: Mapping[str, str] | None, setting: str) -> dict[str, str]:
    """Extra request headers (``headers=``), checked: names are tokens, values printable ASCII."""
    if headers is None:
        return {}
    if not isinstance(headers, Mapping):
        raise ConfigurationError(f"{setting} must be a mapping of header names to values")
    checked: dict[str, str] = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not _TOKEN.fullmatch(name):
            shown = repr(name) if isinstance(name, str) and name.isprintable() else "a name"
            raise ConfigurationError(
                f"{setting}: {shown} is not a valid header name (letters, digits and "
                "!#$%&'*+-.^_`|~ only)"
            )
        if name.lower() in _FRAMING_HEADERS:
            raise ConfigurationError(
                f"{setting}: {name!r} is set by the client from the body; setting it by hand "
                "would cut the order short or hang the request"
            )
        checked[name] = check_header_value(value, f"{setting}[{name!r}]")
    return checked


def _shown_url(template: str) -> str:
    """``template`` for a message: user info, query and fragment masked (any may hold a key)."""
    shown = mask_userinfo(template)
    for mark in "?#":
        if mark in shown:
            shown = shown[: shown.index(mark)] + mark + "***"
    return shown


def check_secret_key(key: str) -> None:
    """Refuse a secret key that cannot be a Forter key: blanks, control or non-ASCII characters.

    Such a key (a trailing newline from a file or a ``.env`` line is the usual one) makes every
    call a 401; better one clear message when the client is built. The key is never echoed.
    """
    for position, char in enumerate(key, 1):
        if not "\x21" <= char <= "\x7e":
            raise ConfigurationError(
                f"the secret key (secret_key / FORTER_SECRET_KEY) cannot be right: character "
                f"{position} of {len(key)} is {_describe(char)} (Forter keys are printable "
                "ASCII without blanks; check for a trailing newline)"
            )


def _check_base_url(template: str, source: str) -> httpx.URL:
    shown = _shown_url(template)
    for position, char in enumerate(template, 1):
        # httpx percent-encodes a blank inside the host ("api.forter.com%20"), which fails
        # only at DNS time: a silent fallback for every order under a fail-open policy.
        if not "\x21" <= char <= "\x7e":
            raise ConfigurationError(
                f"base URL {shown!r} ({source}): character {position} is {_describe(char)}; "
                "a base URL is printable ASCII without blanks (a trailing blank from a .env "
                "line is the usual cause)"
            )
    try:
        url = httpx.URL(template)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        reason = _shown_url(str(exc))
        raise ConfigurationError(f"base URL {shown!r} ({source}) is not a URL: {reason}") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError(f"base URL must be an http(s) URL, got {shown!r} ({source})")
    if url.userinfo or "@" in template.split("//", 1)[-1].split("/", 1)[0]:
        raise ConfigurationError(
            f"base URL {shown!r} ({source}) holds a user name or password: refused, because it "
            "would show in reprs and logs; the secret key is the only credential "
            "(secret_key=... or FORTER_SECRET_KEY), sent by the client as HTTP Basic"
        )
    if url.query or "?" in template:
        raise ConfigurationError(
            f"base URL {shown!r} ({source}) has a query string: refused, because the order "
            "path is appended to the base URL and the query would end up inside it"
        )
    if url.fragment or "#" in template:
        raise ConfigurationError(
            f"base URL {shown!r} ({source}) has a fragment (#...): refused, because a fragment "
            "is never sent and every order would go to the wrong path"
        )
    return url


def resolve_config(
    *,
    site_id: str | None,
    secret_key: str | Secret | None,
    api_version: str | None,
    base_url: str | None,
    sub_merchant_site_id: str | None,
    client_id: str | None,
) -> ClientConfig:
    """Merge arguments with ``FORTER_*`` variables; raise ConfigurationError if unusable."""
    # os.environ is never bound to a local (read through _env): error trackers record the
    # locals of a traceback's frames, and it holds FORTER_SECRET_KEY.
    site = site_id or _env("FORTER_SITE_ID") or ""
    if not site:
        raise ConfigurationError("no Forter site id: pass site_id=... or set FORTER_SITE_ID")
    key = secret_key if secret_key is not None else _env("FORTER_SECRET_KEY")
    if isinstance(key, str):
        key = Secret(key)
    if key is None or not key:
        raise ConfigurationError(
            "no Forter secret key: pass secret_key=... or set FORTER_SECRET_KEY"
        )
    check_secret_key(key.get_secret_value())
    check_header_value(
        site, "the site id (site_id / FORTER_SITE_ID, x-forter-siteid)", identifier=True
    )
    if base_url:
        source, template = "base_url", base_url
    elif env_url := _env("FORTER_BASE_URL"):
        source, template = "FORTER_BASE_URL", env_url
    else:
        source, template = "the default", DEFAULT_BASE_URL
    template = template.rstrip("/")
    if "{siteId}" in template:
        # The site id becomes part of a host name: refuse anything that could change the host.
        if not _SITE_ID_IN_HOST.fullmatch(site):
            raise ConfigurationError(
                f"site id {site!r} cannot be used in the host name {mask_userinfo(template)!r}"
            )
        template = template.replace("{siteId}", site)
    url = _check_base_url(template, source)
    if url.scheme == "http" and not is_loopback_host(url.host):
        raise ConfigurationError(
            f"refusing to send the secret key over plain http to {url.host!r}; use https "
            "(plain http is allowed for loopback hosts only, e.g. a local mock)"
        )
    version = api_version or _env("FORTER_API_VERSION") or DEFAULT_API_VERSION
    sub_merchant = sub_merchant_site_id or _env("FORTER_SUB_MERCHANT_SITE_ID") or None
    client = client_id or _env("FORTER_CLIENT_ID") or DEFAULT_CLIENT_ID
    check_header_value(
        version, "the API version (api_version / FORTER_API_VERSION)", identifier=True
    )
    if sub_merchant is not None:
        check_header_value(
            sub_merchant,
            "the sub-merchant site id (sub_merchant_site_id / FORTER_SUB_MERCHANT_SITE_ID)",
            identifier=True,
        )
    # The client id is free text that names the integration: a tab there is legal and harmless.
    check_header_value(client, "the client id (client_id / FORTER_CLIENT_ID, x-forter-client)")
    return ClientConfig(
        site_id=site,
        secret_key=key,
        api_version=version,
        base_url=template,
        sub_merchant_site_id=sub_merchant,
        client_id=client,
    )
