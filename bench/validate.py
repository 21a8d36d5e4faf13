"""Section 3: validation alone, ours vs jsonschema-rs, fastjsonschema and jsonschema."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from bench._orders import full_order, invalid_order, small_order
from bench._util import Plan, Section, Table, compare, fmt_ratio, fmt_time, ratio_spread, require


def run(plan: Plan) -> Section:
    sec = Section("validate", "3. Validation alone")
    import fastjsonschema
    import jsonschema
    import jsonschema_rs

    # The strict view: what our validator checks (closed objects, the web/mobile rule), so every
    # validator here enforces the same schema.
    spec_mod = require("forter_orders._spec", "strict_component_schema")
    schema = spec_mod.strict_component_schema("Order")
    rs = jsonschema_rs.validator_for(schema)
    py = jsonschema.Draft202012Validator(schema)
    fast = fastjsonschema.compile(schema)

    ours: Callable[[Any], object] | None = None
    try:
        ours = require("forter_orders._validation", "validate_order").validate_order
    except Exception as exc:  # Skip, or a half-written module
        sec.notes.append(f"ours skipped: {exc}")

    def fast_verdict(order: Any) -> object:
        try:
            return fast(order)
        except fastjsonschema.JsonSchemaException as exc:
            return exc

    def all_errors(iter_errors: Callable[[Any], Iterable[object]], order: Any) -> list[object]:
        return list(iter_errors(order))

    cases = {
        "valid, full example (27 KB)": (full_order(), True),
        "valid, mobile example (2.7 KB)": (small_order(), True),
        "invalid, full example with 4 errors": (invalid_order(), False),
    }
    table = Table(
        "Per call; ratio = p50 / p50 of jsonschema-rs `is_valid` on the same order (the compiled "
        "check our validator wraps)",
        ["order", "validator", "p50", "p90", "ratio", "round spread", "verdict / errors"],
    )
    for label, (order, expect_ok) in cases.items():
        variants: dict[str, Callable[[], object]] = {
            "jsonschema-rs is_valid": partial(rs.is_valid, order),
            "jsonschema-rs all errors": partial(all_errors, rs.iter_errors, order),
        }
        if ours is not None:
            variants["ours: validate_order"] = partial(ours, order)
        variants["fastjsonschema (first error)"] = partial(fast_verdict, order)
        variants["jsonschema all errors"] = partial(all_errors, py.iter_errors, order)
        verdicts = {
            "jsonschema-rs is_valid": "valid" if rs.is_valid(order) else "invalid",
            "jsonschema-rs all errors": f"{len(list(rs.iter_errors(order)))} errors",
            "fastjsonschema (first error)": "valid"
            if not isinstance(fast_verdict(order), Exception)
            else "invalid",
            "jsonschema all errors": f"{len(list(py.iter_errors(order)))} errors",
        }
        if ours is not None:
            got = ours(order)
            verdicts["ours: validate_order"] = f"{len(got)} problems"  # type: ignore[arg-type]
        slow = Plan(plan.rounds, max(20, plan.samples // 4), max(2, plan.warmup // 4))
        stats = compare({k: v for k, v in variants.items() if "jsonschema all" not in k}, plan)
        stats.update(compare({k: v for k, v in variants.items() if "jsonschema all" in k}, slow))
        base = stats["jsonschema-rs is_valid"]
        for name in variants:
            s = stats[name]
            lo, hi = ratio_spread(s, base)
            table.rows.append(
                [
                    label,
                    name,
                    fmt_time(s.p50),
                    fmt_time(s.p90),
                    fmt_ratio(s.p50 / base.p50),
                    f"{lo:.2f}-{hi:.2f}",
                    verdicts[name],
                ]
            )
        if expect_ok != rs.is_valid(order):
            sec.notes.append(f"unexpected verdict for {label}")
    sec.tables.append(table)
    sec.notes.append(
        "fastjsonschema stops at the first error and ignores `dependentRequired` (2019-09+); "
        "jsonschema and jsonschema-rs collect every error."
    )
    return sec
