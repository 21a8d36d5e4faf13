"""Smoke test of the benchmark harness (scripts/bench, bench/): it runs in its tiny mode and
produces well-formed results. Nothing here asserts a timing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = {"send", "build", "validate", "batch", "startup", "mock", "profile"}


@pytest.mark.timeout(180)
def test_bench_quick_runs_and_reports(tmp_path: Path) -> None:
    out_json = tmp_path / "bench.json"
    out_md = tmp_path / "BENCHMARKS.md"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--quick",
            "--json",
            str(out_json),
            "--markdown",
            str(out_md),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=170,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]

    result: dict[str, Any] = json.loads(out_json.read_text())
    assert result["quick"] is True
    assert {"cpu", "cores", "python", "packages"} <= set(result["machine"])
    sections = {s["key"]: s for s in result["sections"]}
    assert set(sections) == SECTIONS
    for key, sec in sections.items():
        assert sec["status"] in {"ok", "skipped"}, (key, sec["reason"])
        if sec["status"] == "skipped":
            assert sec["reason"], key
            continue
        assert sec["tables"], key
        for table in sec["tables"]:
            assert table["rows"], (key, table["title"])
            assert all(len(row) == len(table["columns"]) for row in table["rows"]), key
        for target in sec["targets"]:
            assert target["op"] in {"<=", ">="}
            assert isinstance(target["measured"], float | int)
            assert isinstance(target["ok"], bool)
    # the harness's own comparisons always run
    assert sections["build"]["status"] == "ok"
    assert sections["validate"]["status"] == "ok"

    md = out_md.read_text()
    assert md.startswith("# Benchmarks\n")
    for needle in ("- command: `", "- machine: ", "- Python: ", "## Summary vs targets"):
        assert needle in md


def test_bench_rejects_unknown_section() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--only", "nope"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert "unknown section" in proc.stderr
