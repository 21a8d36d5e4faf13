"""The ``httpx.Request`` of one order, without ``build_request``'s per-call merging.

``httpx.Client.request`` spends ~50 µs per call in ``build_request`` before anything is sent: it
parses the URL twice (~13 µs each), merges the client's headers into the request's, and copies
and re-normalizes the headers again in ``Request``. For this client everything but the order id
(the last path segment) and the body is the same on every call, so :class:`Wire` asks
``build_request`` once for a marker order and then only copies its headers, swaps in the path and
sets ``Content-Length`` (~5 µs). The request it builds is the one ``build_request`` would build:
same method, URL, headers in the same order, body and timeout (``tests/test_client.py`` compares
them). Authentication, event hooks, redirects, mounts and cookie extraction still happen in
``Client.send``.

It is only used while nothing it captured can have changed: the call uses the client's default
headers, the httpx client's headers are still the captured ones (compared on every call, ~0.5 µs;
a change rebuilds it), and the httpx client has no cookies (a ``Set-Cookie`` from a load balancer
would otherwise be skipped) and no default query params. Anything else goes through
``build_request`` as before.

The URL is built from the captured ``httpx.URL`` with only its path replaced (~0.6 µs instead of
~13 µs for parsing a string), which needs httpx's private parse result. :func:`Wire.build`
checks that shortcut against ``httpx.URL(str)`` on sample ids and parses every URL in full when
they disagree or the internals are not there (another httpx version).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

import httpx

_MARK: Final = "forterordersmarker0"
# Quoted (``quote(id, safe="")``) order ids that check the URL shortcut: plain, every unreserved
# character, percent-escapes (of "/", " ", "%" and a non-ASCII letter).
_SAMPLES: Final = ("abc", "AZaz09-._~", "a%2Fb%20c%25", "%C3%A9t%C3%A9")
# httpx removes these as path segments ("dot segments"), so they cannot take the shortcut.
_DOT_SEGMENTS: Final = frozenset({".", ".."})

Http = httpx.Client | httpx.AsyncClient


def usable(http: Http) -> bool:
    """Whether ``build_request`` would add nothing per call that :class:`Wire` does not capture."""
    return not http.params and not http.cookies


@dataclass(frozen=True, slots=True)
class Wire:
    """What ``http.build_request`` makes of this client's requests, minus the order id and body."""

    method: str
    client_headers: list[tuple[bytes, bytes]]
    headers: httpx.Headers
    url_prefix: str
    url_suffix: str
    make_url: Callable[[str], httpx.URL] | None

    @classmethod
    def build(
        cls,
        http: Http,
        method: str,
        url_prefix: str,
        url_suffix: str,
        headers: Mapping[str, str],
    ) -> Wire:
        """Ask ``build_request`` once, for a marker order id and a non-empty body."""
        probe = http.build_request(
            method, url_prefix + _MARK + url_suffix, content=b"{}", headers=headers
        )
        return cls(
            method=probe.method,
            client_headers=http.headers.raw,
            headers=probe.headers,
            url_prefix=url_prefix,
            url_suffix=url_suffix,
            make_url=_url_shortcut(probe.url, url_prefix, url_suffix),
        )

    def matches(self, http: Http) -> bool:
        """Whether the httpx client's headers are still the ones this was built from."""
        return http.headers.raw == self.client_headers

    def request(self, quoted_id: str, body: bytes, timeout: httpx.Timeout) -> httpx.Request:
        """The request for one order (``quoted_id``: the URL-quoted order id)."""
        make_url = self.make_url
        url: httpx.URL | str
        if make_url is not None and quoted_id not in _DOT_SEGMENTS:
            url = make_url(quoted_id)
        else:
            url = self.url_prefix + quoted_id + self.url_suffix
        request = httpx.Request(
            self.method,
            url,
            headers=self.headers,
            stream=httpx.ByteStream(body),
            extensions={"timeout": timeout.as_dict()},
        )
        # Replaced in place: the header keeps the position build_request gives it.
        request.headers["Content-Length"] = str(len(body))
        request.read()  # as Request(content=...) does: request.content is readable
        return request


def _url_shortcut(
    template: httpx.URL, url_prefix: str, url_suffix: str
) -> Callable[[str], httpx.URL] | None:
    """``quoted_id -> httpx.URL`` replacing only the path of ``template``; ``None`` if unsafe."""
    try:
        reference: Any = template._uri_reference
        head, mark, tail = reference.path.partition(_MARK)
        if not mark or _MARK in tail:
            return None

        def make_url(quoted_id: str) -> httpx.URL:
            url = httpx.URL(template)  # a copy sharing the immutable parse result
            url._uri_reference = reference._replace(path=head + quoted_id + tail)
            return url

        for sample in _SAMPLES:
            fast, full = make_url(sample), httpx.URL(url_prefix + sample + url_suffix)
            if (
                fast != full
                or fast.raw_path != full.raw_path
                or fast.netloc != full.netloc
                or fast.scheme != full.scheme
                or fast.port != full.port
            ):
                return None
    except (AttributeError, TypeError, ValueError):
        return None
    return make_url
