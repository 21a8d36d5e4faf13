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
"""

from __future__ import annotations

import os
import re
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
    template = (base_url or _env("FORTER_BASE_URL") or DEFAULT_BASE_URL).rstrip("/")
    if "{siteId}" in template:
        # The site id becomes part of a host name: refuse anything that could change the host.
        if not _SITE_ID_IN_HOST.fullmatch(site):
            raise ConfigurationError(
                f"site id {site!r} cannot be used in the host name {template!r}"
            )
        template = template.replace("{siteId}", site)
    url = httpx.URL(template)
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError(f"base URL must be an http(s) URL, got {template!r}")
    if url.scheme == "http" and url.host not in _LOOPBACK:
        raise ConfigurationError(
            f"refusing to send the secret key over plain http to {url.host!r}; use https "
            "(plain http is allowed for loopback hosts only, e.g. a local mock)"
        )
    return ClientConfig(
        site_id=site,
        secret_key=key,
        api_version=api_version or _env("FORTER_API_VERSION") or DEFAULT_API_VERSION,
        base_url=template,
        sub_merchant_site_id=sub_merchant_site_id or _env("FORTER_SUB_MERCHANT_SITE_ID") or None,
        client_id=client_id or _env("FORTER_CLIENT_ID") or DEFAULT_CLIENT_ID,
    )
