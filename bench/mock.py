"""Section 6: requests/s of the project's mock on loopback (separate process), concurrency 16."""

from __future__ import annotations

import asyncio

import orjson

from bench._load import post_many
from bench._orders import full_order, small_order
from bench._util import PY, Plan, Section, Table, fmt_ratio, require, serve
from bench.send import headers_for


def run(plan: Plan, quick: bool) -> Section:
    sec = Section("mock", "6. Mock server throughput")
    mock = require("forter_orders.mock", "MockServer", "MockConfig", "DEFAULT_SITE_ID")
    headers = headers_for(mock.DEFAULT_SITE_ID, mock.DEFAULT_SECRET_KEY)
    concurrency = 16
    count = 100 if quick else 3000
    table = Table(
        f"{count} POSTs at concurrency {concurrency} (async httpx, keep-alive) per row; "
        "ratio = rps / rps of the fixed-response server with the same bodies",
        ["server", "body", "requests/s", "ratio", "statuses"],
    )
    bodies_by = {"mobile example (2.7 KB)": small_order()}
    if not quick:
        bodies_by["full example (27 KB)"] = full_order()
    for label, order in bodies_by.items():
        bodies = []
        for i in range(count):
            order_id = f"bench-{i}"
            bodies.append((order_id, orjson.dumps({**order, "orderId": order_id})))
        base = None
        servers = [
            ("fixed-response (asyncio)", [PY, "-m", "bench._fixed_server"]),
            ("mock, validate=True", [PY, "-m", "bench._mock_proc"]),
        ]
        if not quick:
            servers.append(
                ("mock, validate=False", [PY, "-m", "bench._mock_proc", "--no-validate"])
            )
        for name, argv in servers:
            n = count if "fixed" in name or "False" in name or "mobile" in label else count // 3
            with serve(argv) as url:
                secs, statuses = asyncio.run(post_many(url, bodies[:n], headers, concurrency))
            rps = n / secs
            base = base or rps
            table.rows.append(
                [
                    name,
                    label,
                    f"{rps:,.0f}",
                    fmt_ratio(rps / base),
                    ", ".join(f"{k}x{v}" for k, v in sorted(statuses.items())),
                ]
            )
    sec.tables.append(table)
    sec.notes.append(
        "The load generator (one async httpx process) shares the 2 cores with the server; the "
        "fixed-response row is the ceiling this generator can drive."
    )
    return sec
