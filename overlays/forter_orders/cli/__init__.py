"""The ``forter-orders`` command line (needs the ``[cli]`` extra; ``mock`` and ``demo`` and
``send --mock`` also need ``[mock]``).

The entry point lives here, outside the typer app, so that a plain ``pip install
forter-orders`` still has a working ``forter-orders`` command that names the extra to
install instead of failing with an ImportError.
"""

from __future__ import annotations

import sys

from .._extras import MissingExtraError, require

EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point (``forter-orders``)."""
    try:
        require("cli", "the forter-orders command")
    except MissingExtraError as exc:
        sys.stderr.write(f"forter-orders: {exc}\n")
        raise SystemExit(EXIT_USAGE) from None
    from ._app import main as run

    run(argv)


__all__ = ["main"]
