"""Whether a changed ``pattern`` accepts fewer strings, more, or both.

Inclusion between regular expressions is undecidable in general (look-arounds, back-references),
so the answer is searched for: hypothesis generates strings that the old patterns match and
checks them against the new ones, and the other way round, with a fixed seed so the same pair
of specs always gives the same report. A string found is proof (and is shown); none found after
the search means the patterns agree on every string tried, reported as a rewrite.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

SEARCH_EXAMPLES = 250


@dataclass(frozen=True, slots=True)
class PatternVerdict:
    """``what`` is ``tightened``, ``loosened``, ``changed`` (both) or ``rewritten`` (neither)."""

    what: str
    tighter: bool
    looser: bool
    detail: str


def _matches_all(patterns: Sequence[re.Pattern[str]], text: str) -> bool:
    # JSON Schema patterns are unanchored: a match anywhere counts (re.search). re.ASCII: in
    # ECMA-262 (the dialect of JSON Schema) \d and \w are ASCII only.
    return all(p.search(text) is not None for p in patterns)


def counterexample(source: Sequence[str], target: Sequence[str]) -> str | None:
    """A string every ``source`` pattern matches and some ``target`` pattern does not."""
    from hypothesis import HealthCheck, Phase, Verbosity, given, settings
    from hypothesis import strategies as st

    compiled_source = [re.compile(p, re.ASCII) for p in source]
    compiled_target = [re.compile(p, re.ASCII) for p in target]
    found: list[str] = []

    @settings(
        max_examples=SEARCH_EXAMPLES,
        database=None,
        derandomize=True,
        deadline=None,
        verbosity=Verbosity.quiet,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.from_regex(compiled_source[0]))
    def probe(text: str) -> None:
        if _matches_all(compiled_source, text) and not _matches_all(compiled_target, text):
            found.append(text)  # the last one appended is the shrunk, simplest example
            raise AssertionError(text)

    with contextlib.suppress(AssertionError):
        probe()
    return found[-1] if found else None


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


def compare_patterns(old: Sequence[str], new: Sequence[str]) -> PatternVerdict:
    """Compare the patterns a string must all match before (``old``) and after (``new``)."""
    return _compare(tuple(old), tuple(new))


@functools.cache
def _compare(old: tuple[str, ...], new: tuple[str, ...]) -> PatternVerdict:
    # Cached: a spec reuses patterns (currency codes, amounts), so one edit often repeats.
    try:
        refused = counterexample(old, new)
        accepted = counterexample(new, old)
    except (ImportError, re.error, ValueError) as exc:
        # No hypothesis, or a pattern Python's re cannot read: assume the worst both ways.
        return PatternVerdict(
            "changed", True, True, f"{' & '.join(old)} -> {' & '.join(new)} ({exc})"
        )
    parts = []
    if refused is not None:
        parts.append(f"{_shown(refused)} no longer matches")
    if accepted is not None:
        parts.append(f"{_shown(accepted)} now matches")
    tighter, looser = refused is not None, accepted is not None
    if tighter and looser:
        what = "changed"
    elif tighter:
        what = "tightened"
    elif looser:
        what = "loosened"
    else:
        what = "rewritten"
        parts.append(
            "no string found that one accepts and the other refuses "
            f"({SEARCH_EXAMPLES} tried each way)"
        )
    return PatternVerdict(what, tighter, looser, "; ".join(parts))
