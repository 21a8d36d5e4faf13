"""Section 4: ``forter-orders send`` throughput and peak RSS vs a raw async httpx loop."""

from __future__ import annotations

import tempfile
from pathlib import Path

import orjson

from bench._orders import small_order
from bench._util import (
    PY,
    Plan,
    Section,
    Skip,
    Table,
    Target,
    bench_env,
    fmt_ratio,
    require,
    run_child,
    serve,
)
from bench.send import SECRET_KEY, SITE_ID

CLI = str(Path(PY).parent / "forter-orders")


def write_orders(path: Path, count: int) -> None:
    order = small_order()
    with path.open("wb") as out:
        for i in range(count):
            order["orderId"] = f"bench-{i:07d}"
            out.write(orjson.dumps(order) + b"\n")


def _journal_lines(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as f:
        return sum(1 for _ in f)


def run(plan: Plan, quick: bool) -> Section:
    sec = Section("batch", "4. Batch throughput: forter-orders send vs raw async httpx loop")
    require("forter_orders.cli._app", "main")
    if not Path(CLI).exists():
        raise Skip(f"{CLI} is not installed (run scripts/bootstrap)")
    count = 100 if quick else 10_000
    rss_counts = (100, 300) if quick else (10_000, 100_000)
    concurrencies = (64,) if quick else (1, 16, 64)
    env = bench_env(FORTER_SITE_ID=SITE_ID, FORTER_SECRET_KEY=SECRET_KEY)
    table = Table(
        f"{count:,} mobile-example orders (2.7 KB JSONL lines) per run, fixed-response server; "
        "wall time of the whole child process (start-up included); ratio = orders/s ÷ raw orders/s",
        [
            "concurrency",
            "raw loop orders/s (1 AsyncClient)",
            "raw loop, 8 connections per AsyncClient",
            "forter-orders send orders/s",
            "ratio (send ÷ raw 1 client)",
            "send ÷ raw sharded",
            "journal lines",
        ],
    )
    rss = Table(
        "Peak RSS of the child (os.wait4 ru_maxrss), concurrency 64",
        ["orders", "raw loop RSS", "forter-orders send RSS", "send orders/s"],
    )
    with tempfile.TemporaryDirectory(prefix="forter-bench-") as tmp_name:
        tmp = Path(tmp_name)
        files = {}
        for n in {count, *rss_counts}:
            files[n] = tmp / f"orders-{n}.jsonl"
            write_orders(files[n], n)
        with serve([PY, "-m", "bench._fixed_server"], env=env) as url:

            def run_raw(n: int, conc: int, shards: int) -> tuple[float, int]:
                raw_out = tmp / "raw.jsonl"
                raw_out.unlink(missing_ok=True)
                argv = [PY, "-m", "bench._raw_batch", str(files[n]), str(conc), url, str(raw_out)]
                raw = run_child([*argv, str(shards)], env=env)
                if raw.returncode:
                    raise RuntimeError(f"raw loop failed: {raw.stderr[-2000:]}")
                return n / raw.wall_s, raw.maxrss_kib

            def run_cli(n: int, conc: int) -> tuple[float, int, int]:
                cli_out = tmp / "journal.jsonl"
                cli_out.unlink(missing_ok=True)
                argv = [CLI, "send", str(files[n]), "--concurrency", str(conc)]
                cli = run_child([*argv, "--out", str(cli_out), "--base-url", url], env=env)
                if cli.returncode:
                    raise RuntimeError(
                        f"forter-orders send exited {cli.returncode}: "
                        f"{(cli.stderr or cli.stdout)[-2000:]}"
                    )
                return n / cli.wall_s, _journal_lines(cli_out), cli.maxrss_kib

            results = {}
            rss_kib = {}
            for conc in concurrencies:
                raw_rate, raw_kib = run_raw(count, conc, 1)
                cli_rate, lines, cli_kib = run_cli(count, conc)
                sharded = 0.0 if quick else run_raw(count, conc, max(1, conc // 8))[0]
                results[conc] = cli_rate / raw_rate
                table.rows.append(
                    [
                        str(conc),
                        f"{raw_rate:,.0f}",
                        f"{sharded:,.0f}" if sharded else "n/a (--quick)",
                        f"{cli_rate:,.0f}",
                        fmt_ratio(results[conc]),
                        fmt_ratio(cli_rate / sharded) if sharded else "n/a",
                        f"{lines:,}",
                    ]
                )
                if conc == 64 and count in rss_counts:
                    rss_kib[count] = cli_kib
                    rss.rows.append(
                        [
                            f"{count:,}",
                            f"{raw_kib / 1024:.0f} MiB",
                            f"{cli_kib / 1024:.0f} MiB",
                            f"{cli_rate:,.0f}",
                        ]
                    )
            for n in rss_counts:
                if n in rss_kib:
                    continue
                cli_rate, lines, cli_kib = run_cli(n, 64)
                rss_kib[n] = cli_kib
                rss.rows.append(
                    [f"{n:,}", "not run", f"{cli_kib / 1024:.0f} MiB", f"{cli_rate:,.0f}"]
                )
    sec.tables += [table, rss]
    sec.targets.append(
        Target("batch at concurrency 64 vs raw async loop", results[64], "x", ">=", 0.9)
    )
    sec.targets.append(
        Target(
            f"peak RSS {rss_counts[1]:,} / {rss_counts[0]:,} orders",
            rss_kib[rss_counts[1]] / rss_kib[rss_counts[0]],
            "x",
            "<=",
            1.2,
        )
    )
    return sec
