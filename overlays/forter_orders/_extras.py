"""The optional parts of the package and the extras that install them.

``pip install forter-orders`` brings the client only. The local mock (Starlette, uvicorn,
openapi-core) and the command line (typer, rich) are extras, so a checkout service does not
carry a web server stack it never runs. Each optional part calls :func:`require` before its
first import of an extra's module, so a missing extra is one line naming the command to run
instead of a ``ModuleNotFoundError`` from deep inside.
"""

from __future__ import annotations

import importlib.util
from typing import Final

EXTRAS: Final[dict[str, tuple[str, ...]]] = {
    "cli": ("typer", "rich"),
    "mock": ("starlette", "uvicorn", "openapi_core"),
}
"""Each extra and the top-level modules it provides."""


class MissingExtraError(ImportError):
    """An optional part of forter-orders was used without the extra that installs it."""

    def __init__(self, extra: str, feature: str, module: str) -> None:
        self.extra = extra
        self.feature = feature
        super().__init__(
            f"{feature} needs the [{extra}] extra ({module} is not installed): "
            f"pip install 'forter-orders[{extra}]'",
            name=module,
        )


def require(extra: str, feature: str) -> None:
    """Raise :class:`MissingExtraError` unless every module of ``extra`` can be imported."""
    for module in EXTRAS[extra]:
        if importlib.util.find_spec(module) is None:
            raise MissingExtraError(extra, feature, module)
