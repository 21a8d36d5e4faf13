"""Run the project's mock (MockServer) in this process; print its URL; stop when stdin closes.

``python -m bench._mock_proc [--no-validate]``
"""

from __future__ import annotations

import sys


def main() -> None:
    from forter_orders.mock import MockConfig, MockServer

    config = MockConfig(validate="--no-validate" not in sys.argv[1:], max_recorded=0)
    with MockServer(config, host="127.0.0.1", port=0) as server:
        print(server.url, flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
