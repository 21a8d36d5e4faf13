"""Section 5: start-up costs: ``import forter_orders``, ``forter-orders --help``, regeneration."""

from __future__ import annotations

import statistics
from collections import defaultdict
from pathlib import Path

from bench._util import PY, ROOT, Section, Table, Target, bench_env, require, run_child

CLI = str(Path(PY).parent / "forter-orders")
_IMPORT_TIMER = (
    "import time; t = time.perf_counter(); import forter_orders; print(time.perf_counter() - t)"
)


def importtime_offenders(top: int = 8) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """(top packages by summed self time of their modules, top modules by self time), ms."""
    res = run_child([PY, "-X", "importtime", "-c", "import forter_orders"])
    by_package: dict[str, float] = defaultdict(float)
    by_self: list[tuple[str, float]] = []
    for line in res.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _cumulative_us, name = line[12:].split("|")
        module = name.strip()
        by_self.append((module, int(self_us) / 1000))
        by_package[module.split(".")[0]] += int(self_us) / 1000
    packages = sorted(by_package.items(), key=lambda kv: -kv[1])[:top]
    return packages, sorted(by_self, key=lambda kv: -kv[1])[:top]


def run(quick: bool) -> Section:
    sec = Section("startup", "5. Start-up")
    require("forter_orders")
    repeats = 3 if quick else 10
    env = bench_env(PYTHONDONTWRITEBYTECODE="0")
    run_child([PY, "-c", "import forter_orders"], env=env)  # warm .pyc files and the page cache
    imports = []
    walls = []
    bare = []
    for _ in range(repeats):
        res = run_child([PY, "-c", _IMPORT_TIMER], env=env)
        imports.append(float(res.stdout.strip().splitlines()[-1]))
        walls.append(res.wall_s)
        bare.append(run_child([PY, "-c", "pass"], env=env).wall_s)
    table = Table(
        f"Fresh interpreter each time, {repeats} runs; best / median",
        ["measure", "best", "median", "baseline (same run)", "target"],
    )
    bare_txt = f"`python -c pass`: {min(bare) * 1000:.0f} / {statistics.median(bare) * 1000:.0f} ms"
    table.rows.append(
        [
            "`import forter_orders` (in-process timer)",
            f"{min(imports) * 1000:.0f} ms",
            f"{statistics.median(imports) * 1000:.0f} ms",
            "",
            "≤ 150 ms",
        ]
    )
    table.rows.append(
        [
            "`python -c 'import forter_orders'` wall",
            f"{min(walls) * 1000:.0f} ms",
            f"{statistics.median(walls) * 1000:.0f} ms",
            bare_txt,
            "",
        ]
    )
    sec.targets.append(
        Target("import forter_orders (median)", statistics.median(imports) * 1000, "ms", "<=", 150)
    )
    try:
        require("forter_orders.cli._app", "main")
        if not Path(CLI).exists():
            raise RuntimeError(f"{CLI} missing")
        helps = []
        for _ in range(repeats):
            res = run_child([CLI, "--help"], env=env)
            if res.returncode:
                raise RuntimeError(f"--help exited {res.returncode}: {res.stderr[-500:]}")
            helps.append(res.wall_s)
        table.rows.append(
            [
                "`forter-orders --help` wall",
                f"{min(helps) * 1000:.0f} ms",
                f"{statistics.median(helps) * 1000:.0f} ms",
                bare_txt,
                "≤ 300 ms",
            ]
        )
        sec.targets.append(
            Target(
                "forter-orders --help (median wall)",
                statistics.median(helps) * 1000,
                "ms",
                "<=",
                300,
            )
        )
    except Exception as exc:
        sec.notes.append(f"--help skipped: {exc}")
    if quick:
        sec.notes.append("regeneration skipped: --quick")
    elif not (ROOT / ".tools/generator/bin/openapi-python-client").exists():
        sec.notes.append(
            "regeneration skipped: .tools/generator not built (run scripts/regenerate)"
        )
    else:
        regen = []
        for _ in range(3):
            res = run_child([str(ROOT / "scripts/regenerate"), "--check"], env=env)
            regen.append(res.wall_s)
        status = "up to date" if res.returncode == 0 else f"drift (exit {res.returncode})"
        table.rows.append(
            [
                "`scripts/regenerate --check` wall",
                f"{min(regen):.2f} s",
                f"{statistics.median(regen):.2f} s",
                status,
                "",
            ]
        )
    sec.tables.append(table)
    packages, selfs = importtime_offenders()
    offenders = Table(
        "`python -X importtime -c 'import forter_orders'` (one run): packages by the summed self "
        "time of their modules, and single modules by self time",
        ["package", "self ms (sum)", "module", "self ms"],
    )
    for (pkg, cum), (mod, own) in zip(packages, selfs, strict=False):
        offenders.rows.append([pkg, f"{cum:.1f}", mod, f"{own:.1f}"])
    sec.tables.append(offenders)
    return sec
