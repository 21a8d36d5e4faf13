"""Releases: CHANGELOG.md, the last release's commit, and the gate CI runs.

The last release is the newest ``## [X.Y.Z] - DATE`` entry of CHANGELOG.md. Its commit is the
tag ``vX.Y.Z`` when the clone has it, else the ``Commit: <sha>`` line the entry records (CI
clones may carry no tags). When both exist they must agree; when neither resolves, the gate
fails and says why (a shallow clone is the usual cause). One exception: a newest entry with
neither, whose version is the one in pyproject.toml, is a release being cut (the commit that
turns [Unreleased] into it); the release before it is then the last one.

The gate passes when every BREAKING change since that release (the wire, the generated models,
the hand-written API) has its key, verbatim, in the ``## [Unreleased]`` section (whitespace
runs count as one space, so a key may wrap), and the version marks them: while 0.x a breaking
change needs a newer minor version (0.1.3 -> 0.2.0), from 1.0 a newer major version.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from packaging.version import InvalidVersion, Version

from ._change import Change
from ._git import GitError, commit_of, has_commit

CHANGELOG = "CHANGELOG.md"
VERSION_MODULE = "overlays/forter_orders/_version.py"
_HEADING = re.compile(r"^## \[(?P<name>[^\]]+)\](?:\s*-\s*(?P<date>\S+))?\s*$", re.M)
_COMMIT = re.compile(r"^Commit:\s*`?(?P<sha>[0-9a-fA-F]{7,40})`?", re.M)
_MODULE_VERSION = re.compile(r"""^__version__\s*=\s*["'](?P<v>[^"']+)["']""", re.M)


class ReleaseError(Exception):
    """The last release, the changelog or the version cannot be read."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One ``## [...]`` section of the changelog."""

    name: str  # "Unreleased" or a version
    date: str | None
    body: str
    commit: str | None


@dataclass(frozen=True, slots=True)
class Changelog:
    """The parsed CHANGELOG.md."""

    entries: tuple[Entry, ...]

    @property
    def unreleased(self) -> Entry | None:
        """The ``## [Unreleased]`` section, if there is one."""
        return next((e for e in self.entries if e.name.lower() == "unreleased"), None)

    @property
    def releases(self) -> tuple[Entry, ...]:
        """The released versions, newest first (the order of the file)."""
        return tuple(e for e in self.entries if e.name.lower() != "unreleased")


@dataclass(frozen=True, slots=True)
class Release:
    """The last release and the commit it was made from."""

    version: str
    ref: str  # what git resolves: the tag, or the full commit id
    commit: str
    source: str  # how it was found, for the report ("tag v0.1.0", "CHANGELOG.md commit")

    def describe(self) -> str:
        """``0.1.0 (tag v0.1.0, 8ea88de)`` for reports."""
        return f"{self.version} ({self.source}, {self.commit[:7]})"


def parse_changelog(text: str) -> Changelog:
    """Split a Keep a Changelog file into its ``## [...]`` entries."""
    headings = list(_HEADING.finditer(text))
    entries = []
    for index, match in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        body = text[match.end() : end]
        commit = _COMMIT.search(body)
        entries.append(
            Entry(match["name"].strip(), match["date"], body, commit["sha"] if commit else None)
        )
    return Changelog(tuple(entries))


def read_changelog(root: Path) -> Changelog:
    """Parse ``root/CHANGELOG.md``."""
    path = root / CHANGELOG
    try:
        return parse_changelog(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReleaseError(f"{CHANGELOG} not found in {root}") from None


@dataclass(frozen=True, slots=True)
class ReleaseState:
    """Where the changelog stands.

    Attributes:
        release: the last release made (None: none yet).
        pending: a release being cut: its heading is written and matches the version in
            pyproject.toml, but it has no tag and no recorded commit yet. Until it has, its
            section is where the changes since ``release`` are named.
    """

    release: Release | None
    pending: Entry | None = None


def release_state(root: Path) -> ReleaseState:
    """The last release, resolved to a commit of this clone, and a release being cut."""
    releases = read_changelog(root).releases
    pending = None
    if releases and _unrecorded(root, releases[0]) and releases[0].name == project_version(root):
        pending, releases = releases[0], releases[1:]
    if not releases:
        return ReleaseState(None, pending)
    return ReleaseState(_resolve(root, releases[0]), pending)


def last_release(root: Path) -> Release | None:
    """The last release made, resolved to a commit of this clone (None: none yet)."""
    return release_state(root).release


def _unrecorded(root: Path, entry: Entry) -> bool:
    return entry.commit is None and not has_commit(root, f"refs/tags/v{entry.name}")


def _resolve(root: Path, entry: Entry) -> Release:
    tag = f"v{entry.name}"
    tagged = commit_of(root, f"refs/tags/{tag}") if has_commit(root, f"refs/tags/{tag}") else None
    recorded = None
    if entry.commit is not None:
        try:
            recorded = commit_of(root, entry.commit)
        except GitError:
            recorded = None
    if tagged is not None and recorded is not None and tagged != recorded:
        raise ReleaseError(
            f"tag {tag} is commit {tagged[:12]} but {CHANGELOG} records {entry.commit} for "
            f"[{entry.name}]: fix one of them"
        )
    if tagged is not None:
        return Release(entry.name, tag, tagged, f"tag {tag}")
    if recorded is not None:
        return Release(entry.name, recorded, recorded, f"{CHANGELOG} commit")
    if entry.commit is None:
        raise ReleaseError(
            f"cannot find release {entry.name}: no tag {tag} in this clone and {CHANGELOG} "
            f"records no 'Commit: <sha>' line under [{entry.name}]"
        )
    raise ReleaseError(
        f"cannot find release {entry.name}: no tag {tag}, and commit {entry.commit} "
        f"({CHANGELOG}) is not in this clone; a shallow clone? run "
        "'git fetch --unshallow --tags'"
    )


def project_version(root: Path) -> str:
    """``[project] version`` of pyproject.toml."""
    with open(root / "pyproject.toml", "rb") as handle:
        data = tomllib.load(handle)
    version = data.get("project", {}).get("version")
    if not isinstance(version, str):
        raise ReleaseError("pyproject.toml has no [project] version")
    return version


def module_version(root: Path) -> str | None:
    """``__version__`` of the package (None when the module is absent)."""
    path = root / VERSION_MODULE
    if not path.exists():
        return None
    match = _MODULE_VERSION.search(path.read_text(encoding="utf-8"))
    return match["v"] if match else None


def marks_breaking(released: str, version: str) -> bool:
    """Whether ``version`` is allowed to break what ``released`` promised (semver, 0.x rule)."""
    old, new = Version(released), Version(version)
    if new.major != old.major:
        return new.major > old.major
    return old.major == 0 and new.minor > old.minor


def needed_version(released: str) -> str:
    """The smallest version that marks a breaking change after ``released``."""
    old = Version(released)
    return f"0.{old.minor + 1}.0" if old.major == 0 else f"{old.major + 1}.0.0"


def _squash(text: str) -> str:
    return " ".join(text.split())


def named_in(entry: Entry | None, change: Change) -> bool:
    """Whether the changelog entry names ``change`` (its key, whitespace runs squashed)."""
    return entry is not None and _squash(change.key) in _squash(entry.body)


def gate(root: Path, state: ReleaseState, changes: Iterable[Change]) -> list[str]:
    """What keeps the working tree from being releasable after the last release (empty: ok).

    Breaking changes must be named in [Unreleased], or in the section of a release being cut.
    """
    release = state.release
    if release is None:
        return []
    problems: list[str] = []
    sections = [read_changelog(root).unreleased, state.pending]
    where = (
        " or ".join(f"[{entry.name}]" for entry in sections if entry is not None) or "[Unreleased]"
    )
    breaking = [c for c in changes if c.breaking]
    if breaking and all(entry is None for entry in sections):
        problems.append(f"{CHANGELOG} has no '## [Unreleased]' section to name them in")
    for change in breaking:
        if not any(named_in(entry, change) for entry in sections):
            problems.append(f"BREAKING change not named in {CHANGELOG} {where}: `{change.key}`")
    version = project_version(root)
    in_module = module_version(root)
    if in_module is not None and in_module != version:
        problems.append(
            f"{VERSION_MODULE} says {in_module} but pyproject.toml says {version}: make them agree"
        )
    try:
        if Version(version) < Version(release.version):
            problems.append(
                f"pyproject.toml version {version} is older than the last release {release.version}"
            )
        elif breaking and not marks_breaking(release.version, version):
            problems.append(
                f"{len(breaking)} breaking change(s) since {release.version} need version "
                f"{needed_version(release.version)} or later in pyproject.toml (it says {version})"
            )
    except InvalidVersion as exc:
        problems.append(f"not a version: {exc}")
    return problems
