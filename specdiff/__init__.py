"""spec-diff: what a change to ``openapi.yaml`` (and the code around it) means for users.

Three layers, one line per change, each labelled BREAKING or compatible:

* the wire (:mod:`specdiff._wire`): operations, parameters, bodies and responses of the two
  specs, judged by direction (requests break when they get stricter, responses when they get
  looser or lose members);
* the generated models (:mod:`specdiff._models`): the ``forter_orders_api`` package of both
  versions, read with ``ast`` (constructor arguments, their order and types, removed classes);
* the hand-written API (:mod:`specdiff._api`): ``forter_orders`` compared by griffe.

``scripts/spec-diff`` runs it; ``scripts/spec-diff --check-changelog`` is the release gate in
``scripts/test`` (see :mod:`specdiff._release`). Not installed with the package: a maintainer's
tool, like ``bench/``.
"""

from __future__ import annotations

from ._change import BREAKING, COMPATIBLE, Change, parse_line, sort_changes
from ._models import Surface, diff_surfaces, read_surface
from ._wire import diff_wire

__all__ = [
    "BREAKING",
    "COMPATIBLE",
    "Change",
    "Surface",
    "diff_surfaces",
    "diff_wire",
    "parse_line",
    "read_surface",
    "sort_changes",
]
