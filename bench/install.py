"""Section 8: what ``pip install`` brings, and how soon a merchant gets a first decision.

Opt-in (``scripts/bench --only install``): it builds the wheel and installs it into new virtual
environments with pip, the dependencies from PyPI (or from a local wheelhouse:
``FORTER_BENCH_FIND_LINKS=DIR``), so it needs the network that the other sections never use.

* Footprint: distributions and MB of site-packages in a fresh venv with the plain wheel and
  with ``[all]``, each minus an empty venv made the same way in the same run.
* ``import forter_orders`` and the first call, in a fresh interpreter of the installed venv:
  import, client construction and the first ``orders.create`` (cold: lazy imports, the
  validator's compilation, a new connection), then a second call (warm), against the mock on
  loopback; baseline: the same for raw httpx (import, first and second POST of the same body).
* Time to first decision: a new venv, ``pip install`` of the wheel with ``[all]``, then the
  README's Quick start block (a MockServer and one decision), wall clock; baseline: a new venv,
  ``pip install httpx`` and one raw POST to a running mock. pip's download cache is warm (the
  footprint venvs filled it), so these are install-and-start times, not download times.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench._util import MOBILE_EXAMPLE, PY, ROOT, Section, Table, Target, loadavg, serve

PLAIN_DISTRIBUTIONS = 16
PLAIN_MB = 30.0

_FOOTPRINT = r"""
import importlib.metadata, json, os, site, sys
names = sorted({d.metadata["Name"].lower() for d in importlib.metadata.distributions()})
root = site.getsitepackages()[0]
size = sum(
    os.path.getsize(os.path.join(folder, name))
    for folder, _, files in os.walk(root)
    for name in files
    if not os.path.islink(os.path.join(folder, name))
)
print(json.dumps({"names": names, "bytes": size}))
"""

_FIRST_CALL = r"""
import json, sys, time
t0 = time.perf_counter()
import forter_orders
t1 = time.perf_counter()
url, body = sys.argv[1], json.loads(open(sys.argv[2]).read())
site_id, key = sys.argv[3], sys.argv[4]
with forter_orders.ForterClient(site_id=site_id, secret_key=key, base_url=url) as c:
    t2 = time.perf_counter()
    c.orders.create(body)
    t3 = time.perf_counter()
    c.orders.create(body)
    t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "client": t2 - t1, "first": t3 - t2, "second": t4 - t3,
                  "total": t3 - t0}))
"""

_RAW_FIRST_CALL = r"""
import json, sys, time
t0 = time.perf_counter()
import httpx
t1 = time.perf_counter()
url, raw = sys.argv[1], open(sys.argv[2], "rb").read()
order_id = json.loads(raw)["orderId"]
headers = {"api-version": "10.1", "x-forter-siteid": sys.argv[3]}
headers["content-type"] = "application/json"
with httpx.Client(base_url=url, auth=(sys.argv[4], "")) as c:
    t2 = time.perf_counter()
    c.post(f"/v3/orders/{order_id}", content=raw, headers=headers).raise_for_status()
    t3 = time.perf_counter()
    c.post(f"/v3/orders/{order_id}", content=raw, headers=headers).raise_for_status()
    t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "client": t2 - t1, "first": t3 - t2, "second": t4 - t3,
                  "total": t3 - t0}))
"""


def _run(argv: Sequence[str], cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("FORTER_")}
    result = subprocess.run(  # noqa: S603 - argv built by the harness
        list(argv), cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode:
        raise RuntimeError(f"{' '.join(argv[:4])} failed: {result.stderr[-2000:]}")
    return result


def _base_python() -> str:
    return shutil.which("python3.11") or shutil.which("python3") or PY


def _pip_args() -> list[str]:
    args = ["--quiet", "--disable-pip-version-check"]
    find_links = os.environ.get("FORTER_BENCH_FIND_LINKS")
    if find_links:
        args += ["--no-index", "--find-links", find_links]
    return args


def _venv(path: Path, *requirements: str) -> float:
    """Create a venv at ``path`` and pip install ``requirements``; return the wall seconds."""
    t0 = time.perf_counter()
    _run([_base_python(), "-m", "venv", str(path)], path.parent)
    if requirements:
        _run(
            [str(path / "bin" / "python"), "-m", "pip", "install", *_pip_args(), *requirements],
            path.parent,
        )
    return time.perf_counter() - t0


def _footprint(venv: Path) -> tuple[set[str], int]:
    out = _run([str(venv / "bin" / "python"), "-c", _FOOTPRINT], venv.parent).stdout
    data = json.loads(out)
    return set(data["names"]), int(data["bytes"])


def _median_of(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def run(quick: bool) -> Section:
    sec = Section("install", "8. Install footprint, import, first call, time to first decision")
    load_at_start = loadavg()
    repeats = 3 if quick else 7
    with tempfile.TemporaryDirectory(prefix="forter-bench-install-") as folder:
        tmp = Path(folder)
        _run(
            [
                PY,
                "-m",
                "pip",
                "wheel",
                "--quiet",
                "--disable-pip-version-check",
                "--no-deps",
                "--no-build-isolation",
                "--wheel-dir",
                str(tmp / "dist"),
                str(ROOT),
            ],
            tmp,
        )
        (wheel,) = (tmp / "dist").glob("forter_orders-*.whl")

        # ------------------------------------------------ footprint
        _venv(tmp / "empty")
        plain_time = _venv(tmp / "plain", str(wheel))
        all_time = _venv(tmp / "all", f"{wheel}[all]")
        empty_names, empty_bytes = _footprint(tmp / "empty")
        rows = []
        footprints = {}
        for name in ("plain", "all"):
            names, size = _footprint(tmp / name)
            added = sorted(names - empty_names)
            footprints[name] = (len(added), (size - empty_bytes) / 1e6, added)
        table = Table(
            "Fresh venv (python -m venv, pip install of the wheel), minus an empty venv made the "
            "same way: distributions added and MB of site-packages (files as pip left them, "
            "bytecode included)",
            ["install", "distributions", "MB", "pip install wall (warm cache)", "target"],
        )
        table.rows.append(
            [
                "empty venv (baseline)",
                f"{len(empty_names)} (pip, setuptools)",
                f"{empty_bytes / 1e6:.1f} MB (absolute)",
                "",
                "",
            ]
        )
        table.rows.append(
            [
                "`pip install forter-orders`",
                str(footprints["plain"][0]),
                f"{footprints['plain'][1]:.1f}",
                f"{plain_time:.1f} s",
                f"≤ {PLAIN_DISTRIBUTIONS} / ≤ {PLAIN_MB:g} MB",
            ]
        )
        table.rows.append(
            [
                "`pip install 'forter-orders[all]'`",
                str(footprints["all"][0]),
                f"{footprints['all'][1]:.1f}",
                f"{all_time:.1f} s",
                "",
            ]
        )
        sec.tables.append(table)
        rows = [[name, ", ".join(footprints[name][2])] for name in ("plain", "all")]
        sec.tables.append(Table("Distributions added", ["install", "distributions"], rows))
        sec.targets.append(
            Target(
                "plain install: distributions added",
                footprints["plain"][0],
                "dists",
                "<=",
                PLAIN_DISTRIBUTIONS,
            )
        )
        sec.targets.append(
            Target(
                "plain install: MB of site-packages added",
                footprints["plain"][1],
                "MB",
                "<=",
                PLAIN_MB,
            )
        )

        # ------------------------------------------------ import and first call
        python = str(tmp / "plain" / "bin" / "python")
        imports = []
        bare = []
        for _ in range(repeats):
            out = _run(
                [
                    python,
                    "-c",
                    "import time; t = time.perf_counter(); import forter_orders;"
                    " print(time.perf_counter() - t)",
                ],
                tmp,
            ).stdout
            imports.append(float(out))
            t0 = time.perf_counter()
            _run([python, "-c", "pass"], tmp)
            bare.append(time.perf_counter() - t0)
        from forter_orders.mock import DEFAULT_SECRET_KEY, DEFAULT_SITE_ID

        ours: list[dict[str, float]] = []
        raw: list[dict[str, float]] = []
        with serve([PY, "-m", "bench._mock_proc"]) as url:
            script = [str(MOBILE_EXAMPLE), DEFAULT_SITE_ID, DEFAULT_SECRET_KEY]
            for _ in range(repeats):  # interleaved: load drifts hit both alike
                ours.append(json.loads(_run([python, "-c", _FIRST_CALL, url, *script], tmp).stdout))
                raw.append(
                    json.loads(_run([python, "-c", _RAW_FIRST_CALL, url, *script], tmp).stdout)
                )
        calls = Table(
            f"Fresh interpreter of the plain-install venv, {repeats} runs each, medians; the "
            "mock (validating) on 127.0.0.1 in its own process; body: the mobile example",
            ["step", "forter-orders", "raw httpx (baseline)", "ratio"],
        )
        for key, label in [
            ("import", "`import forter_orders` (lazy: httpx not yet) / `import httpx`"),
            ("client", "client constructed (ForterClient imports httpx, the client modules)"),
            ("first", "first call: order validated, sent, decision parsed (cold)"),
            ("second", "second call (warm)"),
            ("total", "from the import to the first decision"),
        ]:
            mine, base = _median_of(ours, key), _median_of(raw, key)
            calls.rows.append([label, _ms(mine), _ms(base), f"{mine / base:.2f}x"])
        calls.rows.append(
            [
                "`import forter_orders` (in-process timer), vs `python -c pass` wall",
                _ms(statistics.median(imports)),
                _ms(statistics.median(bare)),
                "",
            ]
        )
        sec.tables.append(calls)

        # ------------------------------------------------ pip install -> first decision
        quickstart = _readme_quickstart()
        (tmp / "quickstart.py").write_text(quickstart)
        t0 = time.perf_counter()
        install_s = _venv(tmp / "timed", f"{wheel}[all]")
        printed = _run([str(tmp / "timed" / "bin" / "python"), str(tmp / "quickstart.py")], tmp)
        total_s = time.perf_counter() - t0
        if printed.stdout.strip() != "APPROVE":
            raise RuntimeError(f"the Quick start printed {printed.stdout!r}")
        with serve([PY, "-m", "bench._mock_proc"]) as url:
            t1 = time.perf_counter()
            base_install_s = _venv(tmp / "baseline", "httpx")
            _run(
                [
                    str(tmp / "baseline" / "bin" / "python"),
                    "-c",
                    _RAW_FIRST_CALL,
                    url,
                    str(MOBILE_EXAMPLE),
                    DEFAULT_SITE_ID,
                    DEFAULT_SECRET_KEY,
                ],
                tmp,
            )
            base_total_s = time.perf_counter() - t1
        first = Table(
            "New venv to first decision, wall clock, one run each (pip's cache warm)",
            ["path", "venv + pip install", "then to the first decision", "total", "ratio"],
        )
        first.rows.append(
            [
                "`pip install 'forter-orders[all]'`, then the README Quick start "
                "block (starts a MockServer, one decision)",
                f"{install_s:.1f} s",
                f"{total_s - install_s:.1f} s",
                f"{total_s:.1f} s",
                f"{total_s / base_total_s:.2f}x",
            ]
        )
        first.rows.append(
            [
                "baseline: `pip install httpx`, then one raw POST to a running mock",
                f"{base_install_s:.1f} s",
                f"{base_total_s - base_install_s:.1f} s",
                f"{base_total_s:.1f} s",
                "1.00x",
            ]
        )
        sec.tables.append(first)
    sec.notes.append(
        f"load average (1/5/15 min) at the start {load_at_start}, at the end {loadavg()}: the "
        "times are wall clock on a shared machine; compare the ratios"
    )
    sec.notes.append(
        "dependencies from "
        + (
            f"the wheelhouse {os.environ['FORTER_BENCH_FIND_LINKS']}"
            if os.environ.get("FORTER_BENCH_FIND_LINKS")
            else "PyPI (pip's cache warm after the first venv)"
        )
    )
    return sec


def _readme_quickstart() -> str:
    readme = (ROOT / "README.md").read_text()
    match = re.search(r"<!-- readme-test: quickstart -->\n```python\n(.*?)```", readme, re.DOTALL)
    if match is None:
        raise RuntimeError("README has no quickstart block")
    return match.group(1)
