"""A trivial fixed-response HTTP/1.1 server on loopback: keep-alive, TCP_NODELAY, one process.

It answers every request with ``examples/decision_response.json``, its ``orderId`` replaced by
the last path segment (so a client that checks the echo is satisfied), without parsing bodies.
Run as ``python -m bench._fixed_server``: prints its base URL, serves until stdin closes.
"""

from __future__ import annotations

import asyncio
import json
import socket
import sys
from typing import cast

from bench._util import DECISION_EXAMPLE

_MARK = "@@ORDER@@"


def _template() -> tuple[bytes, bytes]:
    decision = json.loads(DECISION_EXAMPLE.read_text())
    decision["orderId"] = _MARK
    head, tail = json.dumps(decision, separators=(",", ":")).encode().split(_MARK.encode())
    return head, tail


_HEAD, _TAIL = _template()
_STATUS = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "


class FixedHTTP(asyncio.Protocol):
    def __init__(self) -> None:
        self.buf = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        buf = self.buf
        buf += data
        out = []
        while True:
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                break
            head = bytes(buf[:end]).lower()
            length = 0
            at = head.find(b"\r\ncontent-length:")
            if at >= 0:
                stop = head.find(b"\r\n", at + 2)
                length = int(head[at + 17 : stop if stop >= 0 else len(head)])
            total = end + 4 + length
            if len(buf) < total:
                break
            target = bytes(buf[: head.find(b"\r\n")]).split(b" ")[1]
            order_id = target.rsplit(b"/", 1)[-1].split(b"?", 1)[0]
            body = _HEAD + order_id + _TAIL
            out.append(_STATUS + str(len(body)).encode() + b"\r\n\r\n" + body)
            del buf[:total]
        if out and self.transport is not None:
            self.transport.write(b"".join(out))


async def _main() -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(FixedHTTP, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    print(f"http://127.0.0.1:{port}", flush=True)
    stdin_closed = loop.create_future()

    def wait_stdin() -> None:
        sys.stdin.read()
        loop.call_soon_threadsafe(stdin_closed.set_result, None)

    loop.run_in_executor(None, wait_stdin)
    await stdin_closed
    server.close()


if __name__ == "__main__":
    asyncio.run(_main())
