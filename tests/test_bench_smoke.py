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


@pytest.fixture
def bench_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    """bench/ is not installed: scripts/bench puts the repository root on the path."""
    monkeypatch.syspath_prepend(str(ROOT))


@pytest.mark.usefixtures("bench_importable")
def test_writing_some_sections_keeps_the_others() -> None:
    """``scripts/bench --only install --write`` replaces that section and its summary rows."""
    from bench.__main__ import merge_markdown, render_markdown
    from bench._util import Section, Table, Target

    def section(key: str, title: str, value: float) -> Section:
        sec = Section(key, title, tables=[Table("t", ["a"], [[str(value)]])])
        sec.targets.append(Target(f"{key} figure", value, "ms", "<=", 10))
        return sec

    info = dict.fromkeys(("cpu", "cores", "memory", "os", "python", "load", "packages"), "x")
    old = render_markdown(
        [section("send", "1. Send", 1.0), section("startup", "5. Start-up", 2.0)], "full", info
    )
    merged = merge_markdown(
        old, [section("startup", "5. Start-up", 7.0), section("install", "8. Install", 3.0)], "p"
    )
    assert merged.count("## 1. Send\n") == merged.count("## 5. Start-up\n") == 1
    assert merged.index("## 1. Send") < merged.index("## 5. Start-up") < merged.index("## 8.")
    assert "| 7.0 |" in merged
    assert "| 2.0 |" not in merged
    assert "| send figure | 1 ms |" in merged  # kept
    assert "| startup figure | 7 ms |" in merged  # replaced
    assert "| startup figure | 2 ms |" not in merged
    assert "| install figure | 3 ms |" in merged  # added
    assert "`p` re-ran 5. Start-up; 8. Install; the rest is older" in merged
    assert merged.startswith(old.split("## Summary")[0].rstrip("\n"))


@pytest.mark.usefixtures("bench_importable")
def test_the_install_section_is_opt_in() -> None:
    from bench.__main__ import OPT_IN, SECTIONS

    assert "install" in OPT_IN
    assert "install" not in SECTIONS  # a plain scripts/bench run needs no PyPI
