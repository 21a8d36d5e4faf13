"""Profiles (pyinstrument, wall clock) of the client send path and the batch path.

Reported as the top frames by self time: where the time goes, not how fast it is (the ratios
are in the other sections).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench._orders import full_order
from bench._util import PY, Section, Table, bench_env, require, run_child, serve
from bench.batch import CLI, write_orders
from bench.send import SECRET_KEY, SITE_ID

TOP = 15


def _flat_rows(text: str, top: int = TOP) -> list[list[str]]:
    """Rows of (share, frame, where) from pyinstrument's flat text output (time=percent)."""
    rows = []
    for line in text.splitlines():
        parts = line.strip().split(maxsplit=2)
        if len(parts) == 3 and parts[0].endswith("%"):
            rows.append([parts[0], parts[1], parts[2]])
        if len(rows) == top:
            break
    return rows


def run(quick: bool) -> Section:
    sec = Section("profile", "7. Profiles: client send path and batch path")
    fo = require("forter_orders", "ForterClient")
    from pyinstrument import Profiler

    order = full_order()
    calls = 100 if quick else 3000
    with serve([PY, "-m", "bench._fixed_server"]) as url:
        client = fo.ForterClient(site_id=SITE_ID, secret_key=SECRET_KEY, base_url=url)
        try:
            for _ in range(50):
                client.orders.create(order, validate=True)
            profiler = Profiler(interval=0.0002)
            profiler.start()
            for _ in range(calls):
                client.orders.create(order, validate=True)
            profiler.stop()
        finally:
            client.close()
    text = profiler.output_text(unicode=False, flat=True, show_all=True, time="percent_of_total")
    sec.tables.append(
        Table(
            f"`ForterClient.orders.create(full example, validate=True)` x {calls}, sync, "
            "fixed-response server: top frames by self time (wall clock; socket waits included)",
            ["share", "frame", "where"],
            _flat_rows(text),
        )
    )

    try:
        require("forter_orders.cli._app", "main")
        if not Path(CLI).exists():
            raise RuntimeError(f"{CLI} missing")
    except Exception as exc:
        sec.notes.append(f"batch profile skipped: {exc}")
        return sec
    count = 100 if quick else 5000
    env = bench_env(FORTER_SITE_ID=SITE_ID, FORTER_SECRET_KEY=SECRET_KEY)
    with tempfile.TemporaryDirectory(prefix="forter-bench-") as tmp_name:
        tmp = Path(tmp_name)
        orders = tmp / "orders.jsonl"
        write_orders(orders, count)
        report = tmp / "profile.txt"
        with serve([PY, "-m", "bench._fixed_server"], env=env) as url:
            res = run_child(
                [
                    PY,
                    "-m",
                    "pyinstrument",
                    "--interval=0.0005",
                    "-r",
                    "text",
                    "-p",
                    "flat=true",
                    "-p",
                    "time=percent_of_total",
                    "-p",
                    "show_all=true",
                    "-o",
                    str(report),
                    CLI,
                    "send",
                    str(orders),
                    "--concurrency",
                    "64",
                    "--out",
                    str(tmp / "journal.jsonl"),
                    "--base-url",
                    url,
                ],
                env=env,
            )
        if res.returncode or not report.exists():
            sec.notes.append(f"batch profile failed: {(res.stderr or res.stdout)[-1500:]}")
            return sec
        sec.tables.append(
            Table(
                f"`forter-orders send` of {count:,} mobile-example orders at concurrency 64, "
                "fixed-response server: top frames by self time (wall clock, start-up included)",
                ["share", "frame", "where"],
                _flat_rows(report.read_text()),
            )
        )
    return sec
