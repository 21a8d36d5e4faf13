"""The raw baseline for ``forter-orders send``: stream a JSONL file, POST each line's bytes with
``concurrency`` async httpx workers, parse each response, append a journal line.

``python -m bench._raw_batch FILE CONCURRENCY BASE_URL OUT [SHARDS]``  (credentials from FORTER_*
env). SHARDS > 1 spreads the workers over that many ``AsyncClient``s (httpcore's pool does
O(connections) work per request, so one client with many connections is slow).
"""

from __future__ import annotations

import asyncio
import base64
import os
import sys
import time

import httpx
import orjson


async def main(path: str, concurrency: int, url: str, out_path: str, shards: int = 1) -> None:
    token = base64.b64encode(f"{os.environ['FORTER_SECRET_KEY']}:".encode()).decode()
    headers = {
        "authorization": f"Basic {token}",
        "x-forter-siteid": os.environ["FORTER_SITE_ID"],
        "api-version": "10.1",
        "content-type": "application/json",
    }
    shards = max(1, min(shards, concurrency))
    per = -(-concurrency // shards)
    limits = httpx.Limits(max_connections=per, max_keepalive_connections=per)
    done = 0
    with open(path, "rb") as src, open(out_path, "wb") as out:
        lines = enumerate(src, 1)
        clients = [
            httpx.AsyncClient(base_url=url, headers=headers, limits=limits) for _ in range(shards)
        ]
        try:

            async def worker(client: httpx.AsyncClient) -> None:
                nonlocal done
                for number, line in lines:
                    order_id = orjson.loads(line)["orderId"]
                    resp = await client.post(f"/v3/orders/{order_id}", content=line)
                    decision = resp.json()
                    entry = {
                        "line": number,
                        "orderId": order_id,
                        "status": resp.status_code,
                        "forterDecision": decision.get("forterDecision"),
                    }
                    out.write(orjson.dumps(entry) + b"\n")
                    done += 1

            t0 = time.perf_counter()
            await asyncio.gather(*(worker(clients[i % shards]) for i in range(concurrency)))
            print(f"{done} orders in {time.perf_counter() - t0:.3f} s", flush=True)
        finally:
            for client in clients:
                await client.aclose()


if __name__ == "__main__":
    file, conc, base_url, out_file = sys.argv[1:5]
    asyncio.run(main(file, int(conc), base_url, out_file, int(sys.argv[5]) if sys.argv[5:] else 1))
