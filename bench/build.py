"""Section 2: build + validate + serialize the full example: ours, json.dumps, pydantic, msgspec."""

from __future__ import annotations

import json
from collections.abc import Callable

from bench._orders import full_order
from bench._util import (
    Plan,
    Section,
    Table,
    Target,
    compare,
    fmt_ratio,
    fmt_time,
    ratio_spread,
    require,
)


def run(plan: Plan) -> Section:
    sec = Section("build", "2. Build + validate + serialize (full example)")
    import msgspec
    import orjson

    from bench._schema_models import msgspec_order, pydantic_order

    # Models of the strict view (closed objects, the web/mobile rule): what encode_order checks.
    spec_mod = require("forter_orders._spec", "strict_components")
    spec = {**spec_mod.load_spec(), "components": spec_mod.strict_components()}
    order = full_order()
    pyd = pydantic_order(spec)
    pyd_ser = pyd.__pydantic_serializer__
    ms = msgspec_order(spec)
    ms_encode = msgspec.json.Encoder().encode

    def pydantic_path() -> bytes:
        return pyd_ser.to_json(pyd.model_validate(order), by_alias=True, exclude_unset=True)

    def msgspec_path() -> bytes:
        return ms_encode(msgspec.convert(order, ms))

    variants: dict[str, Callable[[], object]] = {
        "json.dumps(dict) — floor": lambda: json.dumps(order).encode(),
        "orjson.dumps(dict)": lambda: orjson.dumps(order),
        "pydantic v2: model_validate → to_json": pydantic_path,
        "msgspec: convert → json.encode": msgspec_path,
    }
    # every variant must produce the same JSON document
    for name, fn in variants.items():
        got = fn()
        assert isinstance(got, bytes)  # noqa: S101 - harness sanity
        if json.loads(got) != order:
            sec.notes.append(f"{name}: output differs from the input order")

    ours_model = None
    try:
        validation = require("forter_orders._validation", "encode_order")
        models = require("forter_orders_api.models", "Order")
        encode_order = validation.encode_order
        order_cls = models.Order

        def ours_model_path() -> bytes:
            body: bytes = encode_order(order_cls.from_dict(order), validate=True)[1]
            return body

        def ours_dict_path() -> bytes:
            body: bytes = encode_order(order, validate=True)[1]
            return body

        ours_model = "ours: Order.from_dict → encode_order(validate=True)"
        variants[ours_model] = ours_model_path
        variants["ours: encode_order(dict, validate=True)"] = ours_dict_path
        variants["ours: encode_order(dict, validate=False)"] = lambda: encode_order(
            order, validate=False
        )[1]
        if json.loads(ours_model_path()) != order:
            sec.notes.append("ours (model): output differs from the input order")
    except Exception as exc:
        sec.notes.append(f"ours skipped: {exc}")

    stats = compare(variants, plan)
    base = stats["json.dumps(dict) — floor"]
    pyd_stats = stats["pydantic v2: model_validate → to_json"]
    table = Table(
        "Per call, dict in → JSON bytes out; ratios = p50 / p50 of json.dumps and of pydantic",
        ["path", "p50", "p90", "x json.dumps", "x pydantic", "round spread (x pydantic)"],
    )
    for name in variants:
        s = stats[name]
        lo, hi = ratio_spread(s, pyd_stats)
        table.rows.append(
            [
                name,
                fmt_time(s.p50),
                fmt_time(s.p90),
                fmt_ratio(s.p50 / base.p50),
                fmt_ratio(s.p50 / pyd_stats.p50),
                f"{lo:.2f}-{hi:.2f}",
            ]
        )
    sec.tables.append(table)
    if ours_model is not None:
        sec.targets.append(
            Target(
                "build+validate+serialize (generated model path) vs pydantic v2",
                stats[ours_model].p50 / pyd_stats.p50,
                "x",
                "<=",
                2.0,
            )
        )
    sec.notes.append(
        "pydantic and msgspec models are generated from the spec's JSON Schema at run time "
        "(bench/_schema_models.py): strict types, required, closed objects, enums, patterns, "
        "lengths, bounds, and the two cross-field rules as model hooks. Ours also scans for card "
        "numbers, which the others do not."
    )
    return sec
