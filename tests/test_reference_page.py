"""docs/reference/index.html in a real browser: headless Chromium (Debian's package) opens the
page from a loopback server, renders the Order schema and its members, and the page makes no
request beyond that server and throws no script error.

scripts/bootstrap installs Chromium (as root, with apt-get). Without it the test skips, unless
FORTER_REQUIRE_BROWSER=1 (CI) makes that a failure.
"""

from __future__ import annotations

import functools
import os
import shutil
import struct
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "docs" / "reference"
VIEWPORT = {"width": 1280, "height": 900}
# As the machine's notes prescribe for a closed network; Playwright adds --headless itself and
# the fresh --user-data-dir comes from launch_persistent_context.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 30_000


def chromium_or_skip() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        reason = "Chromium is not installed (scripts/bootstrap installs it as root with apt-get)"
        if os.environ.get("FORTER_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def reference_url() -> Iterator[str]:
    """docs/reference served on a free loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(REFERENCE))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


class PageWatch:
    """What the page did besides rendering: script errors, console errors, outside requests."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.page_errors: list[str] = []
        self.console_errors: list[str] = []
        self.outside_requests: list[str] = []

    def route(self, route: Route) -> None:
        url = route.request.url
        if url.startswith((self.origin, "data:", "blob:")):
            route.continue_()
        else:  # never let it out: record and refuse
            self.outside_requests.append(url)
            route.abort()


@pytest.fixture
def browser(tmp_path: Path, reference_url: str) -> Iterator[tuple[BrowserContext, PageWatch]]:
    executable = chromium_or_skip()
    watch = PageWatch(reference_url)
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),  # a fresh --user-data-dir
            executable_path=executable,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport=VIEWPORT,  # type: ignore[arg-type]
        )
        try:
            context.set_default_timeout(TIMEOUT_MS)
            context.route("**/*", watch.route)
            yield context, watch
        finally:
            context.close()


def open_page(context: BrowserContext, watch: PageWatch, fragment: str) -> Page:
    page = context.new_page()
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            watch.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    page.goto(watch.origin + "index.html" + fragment, wait_until="load")
    return page


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_reference_renders_the_order_schema_in_chromium(
    browser: tuple[BrowserContext, PageWatch], tmp_path: Path
) -> None:
    context, watch = browser
    page = open_page(context, watch, "#/schemas/order")
    main = page.locator("main")

    expect(main.get_by_text("Order", exact=True).first).to_be_visible()
    cart_items = main.get_by_text("cartItems", exact=True).first
    expect(cart_items).to_be_visible()
    # What the reference exists to show: type, required, name confidence, the web/mobile rule.
    expect(main.get_by_text("Array of objects").first).to_be_visible()
    expect(main.get_by_text("required", exact=True).first).to_be_visible()
    expect(main.get_by_text("Name confidence: sourced.").first).to_be_visible()
    expect(main.get_by_text("Conditional rules").first).to_be_visible()

    # A real interaction: the sidebar leads to another schema, with its members and notes.
    page.locator('a[href="#/schemas/connectioninformation"]').first.click()
    expect(main.get_by_text("forterTokenCookie", exact=True).first).to_be_visible()
    expect(main.get_by_text("forterMobileUID", exact=True).first).to_be_visible()

    page.get_by_text("Search").first.wait_for(state="visible")  # the search index is built
    shot = tmp_path / "reference-order.png"
    page.screenshot(path=str(shot))
    assert png_size(shot) == (VIEWPORT["width"], VIEWPORT["height"])
    assert shot.stat().st_size > 20_000, "the screenshot is (nearly) blank"

    assert watch.page_errors == []
    assert watch.console_errors == []
    assert watch.outside_requests == []


def test_known_values_and_inferred_names_are_shown(
    browser: tuple[BrowserContext, PageWatch],
) -> None:
    context, watch = browser
    page = open_page(context, watch, "#/schemas/orderdecision")
    main = page.locator("main")
    expect(main.get_by_text("forterDecision", exact=True).first).to_be_visible()
    expect(
        main.get_by_text("Known values (an open set: any other value is accepted too)").first
    ).to_be_visible()
    expect(main.get_by_text("Name confidence: inferred.").first).to_be_visible()
    assert watch.page_errors == []
    assert watch.outside_requests == []
