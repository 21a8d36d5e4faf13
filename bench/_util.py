"""Shared helpers: timing with robust statistics, result records, subprocess and machine facts."""

from __future__ import annotations

import asyncio
import importlib.metadata
import importlib.util
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FULL_EXAMPLE = EXAMPLES / "full_web_order.json"
MOBILE_EXAMPLE = EXAMPLES / "mobile_app_order.json"
DECISION_EXAMPLE = EXAMPLES / "decision_response.json"
PY = sys.executable


# ---------------------------------------------------------------- result records
@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Target:
    name: str
    measured: float
    unit: str  # "x" for ratios, "ms", ...
    op: str  # "<=" or ">="
    limit: float

    @property
    def ok(self) -> bool:
        return self.measured <= self.limit if self.op == "<=" else self.measured >= self.limit

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "ok": self.ok}


@dataclass
class Section:
    key: str
    title: str
    status: str = "ok"  # ok | skipped | error
    reason: str = ""
    tables: list[Table] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "status": self.status,
            "reason": self.reason,
            "tables": [asdict(t) for t in self.tables],
            "targets": [t.to_json() for t in self.targets],
            "notes": self.notes,
            "seconds": round(self.seconds, 2),
        }


class Skip(Exception):
    """Raised by a section whose code under test has not landed (or cannot run here)."""


# ---------------------------------------------------------------- availability
def have_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def require(module: str, *names: str) -> Any:
    """Import ``module`` and return it, or raise Skip naming what is missing."""
    if not have_module(module):
        raise Skip(f"{module} has not landed yet")
    try:
        mod = importlib.import_module(module)
    except Exception as exc:  # a half-written module must not crash the harness
        raise Skip(f"{module} does not import yet ({type(exc).__name__}: {exc})") from exc
    missing = [n for n in names if not hasattr(mod, n)]
    if missing:
        raise Skip(f"{module} lacks {', '.join(missing)} yet")
    return mod


# ---------------------------------------------------------------- statistics
@dataclass
class Stats:
    """Per-call times in seconds, pooled over all rounds; ``round_p50`` is one median per round."""

    samples: list[float]
    round_p50: list[float]

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)

    @property
    def p90(self) -> float:
        return quantile(self.samples, 0.9)


def quantile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    pos = q * (len(ordered) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def ratio_spread(cand: Stats, base: Stats) -> tuple[float, float]:
    """Min and max over rounds of (candidate p50 / baseline p50) for the same round."""
    ratios = [c / b for c, b in zip(cand.round_p50, base.round_p50, strict=True) if b > 0]
    return (min(ratios), max(ratios)) if ratios else (float("nan"), float("nan"))


@dataclass
class Plan:
    rounds: int = 5
    samples: int = 200  # samples per variant per round
    warmup: int = 20  # calls per variant before each round's samples
    min_batch_s: float = 200e-6  # calls are grouped so a sample lasts at least this long


def _calibrate(fn: Callable[[], object], min_batch_s: float) -> int:
    inner = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        if time.perf_counter() - t0 >= min_batch_s or inner >= 1 << 16:
            return inner
        inner *= 2


def compare(variants: dict[str, Callable[[], object]], plan: Plan) -> dict[str, Stats]:
    """Time every variant in interleaved rounds (the order rotates each round)."""
    names = list(variants)
    inner = {}
    for n in names:
        for _ in range(plan.warmup):
            variants[n]()
        inner[n] = _calibrate(variants[n], plan.min_batch_s)
    out = {n: Stats([], []) for n in names}
    clock = time.perf_counter
    for r in range(plan.rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for n in order:
            fn, k = variants[n], inner[n]
            for _ in range(plan.warmup):
                fn()
            got = []
            for _ in range(plan.samples):
                t0 = clock()
                for _ in range(k):
                    fn()
                got.append((clock() - t0) / k)
            out[n].samples.extend(got)
            out[n].round_p50.append(statistics.median(got))
    return out


async def acompare(
    variants: dict[str, Callable[[], Awaitable[object]]], plan: Plan
) -> dict[str, Stats]:
    """``compare`` for coroutine functions, one call at a time (latency, not throughput)."""
    names = list(variants)
    out = {n: Stats([], []) for n in names}
    clock = time.perf_counter
    for r in range(plan.rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for n in order:
            fn = variants[n]
            for _ in range(plan.warmup):
                await fn()
            got = []
            for _ in range(plan.samples):
                t0 = clock()
                await fn()
                got.append(clock() - t0)
            out[n].samples.extend(got)
            out[n].round_p50.append(statistics.median(got))
    return out


def run_async(coro: Awaitable[Any]) -> Any:
    async def main() -> Any:
        return await coro

    return asyncio.run(main())


def fmt_time(seconds: float) -> str:
    if seconds != seconds:  # NaN
        return "n/a"
    us = seconds * 1e6
    if us < 10:
        return f"{us:.2f} µs"
    if us < 1000:
        return f"{us:.1f} µs"
    return f"{us / 1000:.2f} ms"


def fmt_ratio(x: float) -> str:
    return "n/a" if x != x else f"{x:.2f}x"


# ---------------------------------------------------------------- subprocesses
def bench_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.setdefault("PYTHONHASHSEED", "0")
    env.update(extra)
    return env


@dataclass
class ChildResult:
    returncode: int
    wall_s: float
    maxrss_kib: int
    stdout: str
    stderr: str


def run_child(
    argv: Sequence[str], *, env: dict[str, str] | None = None, timeout: float = 600.0
) -> ChildResult:
    """Run a child to completion; wall time and its own peak RSS (``os.wait4``)."""
    import tempfile

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(  # noqa: S603 - argv built by the harness
            list(argv), stdout=out, stderr=err, env=env or bench_env(), cwd=ROOT
        )
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.002)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return ChildResult(
            proc.returncode,
            wall,
            int(usage.ru_maxrss),
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
        )


@contextmanager
def serve(argv: Sequence[str], *, env: dict[str, str] | None = None) -> Iterator[str]:
    """Start a server child that prints its base URL on its first stdout line; stop it after."""
    proc = subprocess.Popen(  # noqa: S603 - argv built by the harness
        list(argv),
        stdout=subprocess.PIPE,
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env or bench_env(),
        cwd=ROOT,
        text=True,
    )
    try:
        assert proc.stdout is not None  # noqa: S101 - for the type checker
        line = proc.stdout.readline().strip()
        if not line.startswith("http"):
            proc.kill()
            _, err = proc.communicate(timeout=10)
            raise RuntimeError(f"server did not start: {line!r} {err[-2000:]}")
        yield line
    finally:
        if proc.poll() is None:
            assert proc.stdin is not None  # noqa: S101
            try:
                proc.stdin.close()  # the child exits when its stdin closes
                proc.wait(timeout=10)
            except (subprocess.TimeoutExpired, BrokenPipeError):
                proc.kill()
                proc.wait(timeout=10)


# ---------------------------------------------------------------- machine
def loadavg() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def machine() -> dict[str, str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    versions = {}
    for dist in (
        "forter-orders",
        "httpx",
        "orjson",
        "jsonschema-rs",
        "jsonschema",
        "fastjsonschema",
        "pydantic",
        "pydantic-core",
        "msgspec",
        "attrs",
        "starlette",
        "uvicorn",
        "openapi-core",
        "typer",
    ):
        try:
            versions[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            versions[dist] = "-"
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "load": "load average at start " + loadavg() + " (1/5/15 min)",
        "packages": ", ".join(f"{k} {v}" for k, v in versions.items()),
    }
