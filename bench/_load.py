"""A bounded async httpx load loop: ``count`` POSTs from ``concurrency`` workers.

Each worker has its own ``httpx.AsyncClient`` (one keep-alive connection): httpcore's pool does
O(connections) work per request, so one shared client with 16+ connections is itself the
bottleneck (see BENCHMARKS.md, batch section) and would hide the server's speed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence

import httpx


async def post_many(
    url: str,
    bodies: Sequence[tuple[str, bytes]],
    headers: dict[str, str],
    concurrency: int,
) -> tuple[float, dict[int, int]]:
    """POST every (orderId, body); returns (seconds, status histogram)."""
    statuses: dict[int, int] = {}
    queue = iter(bodies)
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    clients = [
        httpx.AsyncClient(base_url=url, headers=headers, limits=limits) for _ in range(concurrency)
    ]
    try:

        async def worker(client: httpx.AsyncClient) -> None:
            for order_id, body in queue:
                resp = await client.post(f"/v3/orders/{order_id}", content=body)
                await resp.aread()
                statuses[resp.status_code] = statuses.get(resp.status_code, 0) + 1

        # open every connection first so connection set-up is not timed
        await asyncio.gather(*(c.get("/_mock/health") for c in clients))
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(c) for c in clients))
        return time.perf_counter() - t0, statuses
    finally:
        for c in clients:
            await c.aclose()
