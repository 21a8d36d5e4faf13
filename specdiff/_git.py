"""The few git operations spec-diff needs (the repository's own history, read-only)."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path


class GitError(Exception):
    """A git command failed (an unknown ref, not a repository, a shallow clone)."""


def git(root: Path, *args: str) -> bytes:
    """Run ``git -C root ARGS``; its stdout, or :class:`GitError` with its stderr."""
    proc = subprocess.run(  # noqa: S603 - fixed executable, arguments from this package
        ["git", "-C", str(root), *args],  # noqa: S607 - git from PATH, as every script here
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        message = proc.stderr.decode(errors="replace").strip() or f"exit {proc.returncode}"
        raise GitError(f"git {' '.join(args)}: {message}")
    return proc.stdout


def commit_of(root: Path, ref: str) -> str:
    """The full commit id ``ref`` names; GitError when this clone does not have it."""
    return git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()


def has_commit(root: Path, ref: str) -> bool:
    """Whether ``ref`` names a commit present in this clone."""
    try:
        commit_of(root, ref)
    except GitError:
        return False
    return True


def show(root: Path, ref: str, path: str) -> str:
    """The text of ``path`` at ``ref``."""
    return git(root, "show", f"{ref}:{path}").decode("utf-8")


def extract(root: Path, ref: str, path: str, dest: Path) -> bool:
    """Write the tree ``path`` at ``ref`` under ``dest`` (``dest/path``); False if absent."""
    try:
        data = git(root, "archive", "--format=tar", ref, "--", path)
    except GitError:
        return False
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(dest, filter="data")
    return (dest / path).exists()


def tags(root: Path) -> list[str]:
    """Every tag name of the clone."""
    return git(root, "tag", "--list").decode().split()
