"""``scripts/spec-diff``: the report, and the release gate (``--check-changelog``)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ._api import diff_api
from ._change import Change, sort_changes
from ._generate import GenerationError, generate
from ._git import GitError, commit_of, extract, show
from ._models import diff_surfaces, read_surface
from ._release import CHANGELOG, ReleaseError, gate, release_state
from ._wire import diff_wire

SPEC = "openapi.yaml"
GENERATED = "generated/forter_orders_api"

EXIT_OK, EXIT_BREAKING, EXIT_ERROR = 0, 1, 2


def load_spec(text: str) -> dict[str, Any]:
    """Parse an OpenAPI document (YAML or JSON)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    spec = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    if not isinstance(spec, dict):
        raise ValueError("the spec is not a YAML mapping")
    return spec


def collect(
    root: Path, base_ref: str, *, generated: Path | None = None, api: bool = True
) -> list[Change]:
    """Every change from ``base_ref`` to the working tree of ``root``, breaking first.

    ``generated``: the working tree's generated package when it is known to be current (else
    the working tree's spec is generated into the cache).
    """
    base_text = show(root, base_ref, SPEC)
    head_text = (root / SPEC).read_text(encoding="utf-8")
    changes = diff_wire(load_spec(base_text), load_spec(head_text))
    with tempfile.TemporaryDirectory(prefix="spec-diff-") as tmp:
        # What users of the base got is what was committed there (the drift check keeps it
        # equal to the spec); a ref without generated/ is generated from its spec.
        if extract(root, base_ref, GENERATED, Path(tmp)):
            base_package = Path(tmp) / GENERATED
        else:
            base_package = generate(root, base_text)
        head_package = generated if generated is not None else generate(root, head_text)
        changes += diff_surfaces(read_surface(base_package), read_surface(head_package))
    if api:
        changes += diff_api(root, base_ref)
    return sort_changes(changes)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scripts/spec-diff",
        description=(
            "Compare the working tree with another version: the wire contract of openapi.yaml, "
            "the generated models and the hand-written API. One line per change, labelled "
            "BREAKING or compatible; exit 1 when anything is breaking."
        ),
    )
    parser.add_argument(
        "--base",
        metavar="REF",
        help=f"the version to compare with (default: the last release in {CHANGELOG}, "
        "through its v* tag or its recorded commit; HEAD when there is none)",
    )
    parser.add_argument(
        "--generated",
        metavar="DIR",
        type=Path,
        help="the working tree's generated package, when it is current "
        "(default: generate openapi.yaml with the pinned generator, cached in .tools/)",
    )
    parser.add_argument(
        "--skip-api",
        action="store_true",
        help="leave out the hand-written API of overlays/forter_orders (griffe)",
    )
    parser.add_argument(
        "--check-changelog",
        action="store_true",
        help="the release gate: compare with the last release; fail unless every BREAKING "
        f"change is named in {CHANGELOG}'s Unreleased section and the version marks it",
    )
    parser.add_argument(
        "--repo", metavar="DIR", type=Path, default=Path(), help="the repository (default: .)"
    )
    return parser


def _summary(changes: Sequence[Change]) -> str:
    breaking = sum(c.breaking for c in changes)
    return f"spec-diff: {breaking} breaking, {len(changes) - breaking} compatible"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    root = args.repo.resolve()
    release = None
    state = None
    try:
        if args.check_changelog or args.base is None:
            state = release_state(root)
            release = state.release
        if args.check_changelog and release is None:
            print(f"spec-diff: {CHANGELOG} records no release yet: nothing to check")
            return EXIT_OK
        if args.base is not None and not args.check_changelog:
            base_ref = args.base
            label = f"{base_ref} ({commit_of(root, base_ref)[:7]})"
        elif release is not None:
            base_ref, label = release.ref, f"release {release.describe()}"
        else:
            base_ref, label = "HEAD", f"HEAD ({commit_of(root, 'HEAD')[:7]})"
        generated = args.generated.resolve() if args.generated is not None else None
        changes = collect(root, base_ref, generated=generated, api=not args.skip_api)
    except (ReleaseError, GitError, GenerationError, ValueError, OSError) as exc:
        print(f"spec-diff: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"spec-diff: the working tree against {label}")
    for change in changes:
        print(change.line())
    print(_summary(changes))
    if args.check_changelog:
        assert state is not None  # noqa: S101 - set above for the gate
        assert release is not None  # noqa: S101 - returned above otherwise
        problems = gate(root, state, changes)
        for problem in problems:
            print(f"changelog gate: {problem}", file=sys.stderr)
        if problems:
            print(
                f"changelog gate: FAILED; name each breaking change's key in {CHANGELOG} "
                "[Unreleased] and mark it in the version (docs/maintaining.md)",
                file=sys.stderr,
            )
            return EXIT_BREAKING
        named = sum(c.breaking for c in changes)
        print(
            f"changelog gate: ok ({named} breaking change(s) since {release.version}, all named; "
            "the version marks them)"
            if named
            else f"changelog gate: ok (nothing breaking since {release.version})"
        )
        return EXIT_OK
    return EXIT_BREAKING if any(c.breaking for c in changes) else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
