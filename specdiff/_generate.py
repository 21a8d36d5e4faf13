"""The generated package for any version of the spec, made by the pinned generator.

``scripts/regenerate --spec FILE --into DIR`` does the work (same tool venv, same config as the
committed ``generated/``); results are cached under ``.tools/spec-diff-cache`` by the hash of
everything that decides the output, so comparing the same spec twice generates it once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CACHE = Path(".tools") / "spec-diff-cache"
CACHE_ENTRIES = 32
#: What decides the generated code besides the spec itself.
_INPUTS = (
    "scripts/generator-config.yaml",
    "scripts/generator-requirements.txt",
    "scripts/regenerate",
)


class GenerationError(Exception):
    """The generator refused the spec (its messages are in the exception)."""


def _digest(root: Path, spec_text: str) -> str:
    digest = hashlib.sha256(spec_text.encode())
    for name in _INPUTS:
        digest.update(b"\0" + (root / name).read_bytes())
    return digest.hexdigest()[:32]


def generate(root: Path, spec_text: str) -> Path:
    """The ``forter_orders_api`` folder generated from ``spec_text`` (cached)."""
    cache = root / CACHE
    key = _digest(root, spec_text)
    package = cache / key / "forter_orders_api"
    if package.is_dir():
        os.utime(cache / key)
        return package
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="tmp-", dir=cache))
    try:
        spec_file = work / "openapi.yaml"
        spec_file.write_text(spec_text, encoding="utf-8")
        proc = subprocess.run(  # noqa: S603 - the repository's own script
            [
                str(root / "scripts" / "regenerate"),
                "--spec",
                str(spec_file),
                "--into",
                str(work / "forter_orders_api"),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            raise GenerationError(proc.stderr.strip() or proc.stdout.strip())
        spec_file.unlink()
        with contextlib.suppress(OSError):  # another process cached the same spec first
            work.rename(cache / key)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _prune(cache)
    return package


def _prune(cache: Path) -> None:
    entries = sorted(
        (p for p in cache.iterdir() if p.is_dir() and not p.name.startswith("tmp-")),
        key=lambda p: p.stat().st_mtime,
    )
    for old in entries[:-CACHE_ENTRIES]:
        shutil.rmtree(old, ignore_errors=True)
