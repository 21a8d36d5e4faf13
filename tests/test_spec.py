"""openapi.yaml: valid, complete against the field reference, and agreeing with its examples."""

from __future__ import annotations

import copy
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from openapi_spec_validator import validate as validate_openapi

from forter_orders._spec import (
    FREE_FORM,
    INT64_MAX,
    INT64_MIN,
    RECOMMENDED,
    STRICT_ALL_OF,
    component_schema,
    load_spec,
    strict_component_schema,
    strict_components,
)
from forter_orders_api.models import Order, OrderDecision
from forter_orders_api.types import UnknownValue

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = json.loads((Path(__file__).parent / "data" / "order-v3-fields.json").read_text())
EXAMPLES = ROOT / "examples"

Json = dict[str, Any]


def example(name: str) -> Json:
    data: Json = json.loads((EXAMPLES / name).read_text())
    return data


def validator(schema_name: str, *, strict: bool = False) -> jsonschema.Draft202012Validator:
    """The reference validator of the published spec, or of its strict view."""
    schema = strict_component_schema(schema_name) if strict else component_schema(schema_name)
    return jsonschema.Draft202012Validator(schema)


def test_spec_is_a_valid_openapi_31_document() -> None:
    spec = load_spec()
    assert spec["openapi"].startswith("3.1")
    validate_openapi(copy.deepcopy(spec))


def test_packaged_spec_is_the_repository_spec() -> None:
    """The package reads the root openapi.yaml itself (a symlink), never a copy."""
    import yaml

    assert load_spec() == yaml.safe_load((ROOT / "openapi.yaml").read_text())


def test_operation_auth_and_headers() -> None:
    spec = load_spec()
    op = spec["paths"]["/v3/orders/{orderId}"]["post"]
    params = {
        p["name"]: p
        for p in (
            spec["components"]["parameters"][ref["$ref"].rsplit("/", 1)[1]]
            for ref in op["parameters"]
        )
    }
    assert params["orderId"]["in"] == "path"
    assert params["api-version"]["required"] is True
    assert params["x-forter-siteid"]["required"] is True
    assert params["x-forter-sub-merchant-siteid"]["required"] is False
    assert params["x-forter-client"]["required"] is False
    assert spec["security"] == [{"basicAuth": []}]
    assert spec["components"]["securitySchemes"]["basicAuth"] == {
        "type": "http",
        "scheme": "basic",
        "description": spec["components"]["securitySchemes"]["basicAuth"]["description"],
    }
    assert spec["servers"][0]["url"] == "https://{siteId}.api.forter-secure.com"
    assert spec["servers"][1]["url"] == "https://api.forter-secure.com"
    assert set(op["responses"]) >= {"200", "400", "401", "404", "500", "502", "503", "504"}


# ------------------------------------------------------------------ coverage


def _resolve(spec: Json, schema: Json) -> Json:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _walk(spec: Json, root: str, wire_path: str) -> tuple[Json | None, bool, bool]:
    """Follow a reference wire path (``a.b[].c``) through the spec.

    Returns the property schema (None when a segment is missing), whether any segment on the
    way is marked ``x-forter-confidence: inferred``, and whether any segment on the way cites
    a public sender for its casing (``x-forter-seen-in``).
    """
    schema = spec["components"]["schemas"][root]
    inferred = evidenced = False
    for segment in wire_path.split("."):
        is_array = segment.endswith("[]")
        name = segment.removesuffix("[]")
        props = _resolve(spec, _nullable_branch(schema)).get("properties", {})
        if name not in props:
            return None, inferred, evidenced
        prop = props[name]
        inferred = inferred or prop.get("x-forter-confidence") == "inferred"
        evidenced = evidenced or any(
            "casing" in entry.get("shows", "") for entry in prop.get("x-forter-seen-in", [])
        )
        schema = prop
        if is_array:
            schema = _resolve(spec, schema)
            if schema.get("type") != "array":
                return None, inferred, evidenced
            schema = schema["items"]
    return schema, inferred, evidenced


def _nullable_branch(schema: Json) -> Json:
    """The non-null branch of ``anyOf: [{$ref}, {type: null}]`` (a nullable member)."""
    for branch in schema.get("anyOf", []):
        if branch.get("type") != "null":
            return dict(branch)
    return schema


@pytest.mark.parametrize(("section", "root"), [("request", "Order"), ("response", "OrderDecision")])
def test_every_reference_path_resolves_under_its_wire_name(
    section: str, root: str, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = load_spec()
    missing, marked, should_be_marked, promoted = [], 0, [], 0
    for entry in REFERENCE[section].values():
        schema, inferred, evidenced = _walk(spec, root, entry["wire"])
        if schema is None:
            missing.append(entry["wire"])
            continue
        marked += inferred
        if entry["confidence"] == "inferred" and not inferred:
            # Promoted to sourced: only with a public sender showing the casing in the spec.
            promoted += evidenced
            if not evidenced:
                should_be_marked.append(entry["wire"])
    total = len(REFERENCE[section])
    with capsys.disabled():
        print(
            f"\n{section}: {total - len(missing)}/{total} reference paths resolve; "
            f"{marked} still marked x-forter-confidence: inferred, {promoted} promoted with "
            "evidence (x-forter-seen-in)"
        )
    assert missing == []
    assert should_be_marked == [], "inferred in the reference but not marked in the spec"


def test_all_463_paths_and_mobile_fields_are_covered() -> None:
    spec = load_spec()
    assert len(REFERENCE["request"]) + len(REFERENCE["response"]) == 463
    for field in (
        "forterTokenCookie",
        "forterMobileUID",
        "mobileAppVersion",
        "mobileOSType",
        "mobileDeviceBrand",
        "mobileDeviceModel",
    ):
        assert _walk(spec, "Order", f"connectionInformation.{field}")[0] is not None, field


def test_inferred_names_are_listed(capsys: pytest.CaptureFixture[str]) -> None:
    """Lists every name still waiting for a sandbox run to confirm its casing."""
    spec = load_spec()
    found: list[str] = []

    def visit(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if node.get("x-forter-confidence") == "inferred":
                found.append(where)
            for key, value in node.items():
                visit(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                visit(value, f"{where}/{i}")

    visit(spec["components"]["schemas"], "#/components/schemas")
    with capsys.disabled():
        print(f"\n{len(found)} schema locations marked x-forter-confidence: inferred")
    assert found, "the reference has inferred names; the spec must mark them"
    assert all("/properties/" in f or f.count("/") == 3 for f in found)


def test_shared_shapes_are_components_not_copies() -> None:
    schemas = load_spec()["components"]["schemas"]
    for name in (
        "Amount",
        "Address",
        "PersonalDetails",
        "Phone",
        "ThreeDSecure",
        "VerificationDocument",
        "UpdateTimes",
    ):
        assert name in schemas, name
    text = json.dumps(schemas)
    # each member is declared once, in its component, however many places use the shape
    assert text.count('"amountLocalCurrency": {') == 1
    assert text.count('"address1": {') == 1


def test_enums_are_closed_only_where_sourced_complete() -> None:
    schemas = load_spec()["components"]["schemas"]
    order = schemas["Order"]["properties"]
    assert order["authorizationStep"]["enum"] == ["PRE_AUTHORIZATION", "POST_AUTHORIZATION"]
    assert {"WEB", "MOBILE", "IOS", "ANDROID"} <= set(order["orderType"]["enum"])
    assert schemas["BasicItemData"]["properties"]["type"]["enum"] == ["TANGIBLE", "NON_TANGIBLE"]
    assert "enum" in schemas["DeliveryDetails"]["properties"]["deliveryType"]
    # open: known values listed, any string accepted
    decision = schemas["OrderDecision"]["properties"]
    for prop in (decision["forterDecision"], decision["recommendation"]):
        assert "enum" not in prop
        assert prop["x-forter-known-values"]
    assert "enum" not in schemas["VerificationMethod"]["properties"]["status"]
    assert "enum" not in schemas["Rating"]["properties"]["type"]


# ------------------------------------------------------------------ examples


@pytest.mark.parametrize("strict", [False, True], ids=["published", "strict view"])
@pytest.mark.parametrize("name", ["mobile_app_order.json", "full_web_order.json"])
def test_examples_validate(name: str, strict: bool) -> None:
    """Both examples (the mobile one is seed 004's sample) pass even the strict view."""
    errors = list(validator("Order", strict=strict).iter_errors(example(name)))
    assert errors == []


def test_spec_examples_are_the_example_files() -> None:
    op = load_spec()["paths"]["/v3/orders/{orderId}"]["post"]
    examples = op["requestBody"]["content"]["application/json"]["examples"]
    assert examples["mobileAppOrder"]["value"] == example("mobile_app_order.json")
    assert examples["fullWebOrder"]["value"] == example("full_web_order.json")
    response = op["responses"]["200"]["content"]["application/json"]["example"]
    assert response == example("decision_response.json")
    assert list(validator("OrderDecision").iter_errors(response)) == []


def test_full_web_example_exercises_every_reference_request_path() -> None:
    order = example("full_web_order.json")

    def paths(value: Any, prefix: str = "") -> set[str]:
        out: set[str] = set()
        if isinstance(value, dict):
            for key, child in value.items():
                path = f"{prefix}.{key}" if prefix else key
                out.add(path)
                out |= paths(child, path)
        elif isinstance(value, list):
            for child in value:
                out |= paths(child, prefix + "[]")
        return out

    present = paths(order)
    wanted = {entry["wire"] for entry in REFERENCE["request"].values()}
    assert wanted - present == set()


def test_mobile_example_is_the_documented_sample() -> None:
    order = example("mobile_app_order.json")
    assert order["orderType"] == "IOS"
    assert order["connectionInformation"]["forterTokenCookie"] is None
    assert order["connectionInformation"]["forterMobileUID"] == "10EG-891C-4725-BC45-45B3EDF95315"
    assert order["totalAmount"] == {"amountLocalCurrency": "120.73", "currency": "USD"}


def _set(path: str, value: Any) -> Callable[[Json], None]:
    def apply(order: Json) -> None:
        *parents, last = path.split(".")
        node: Any = order
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[last] = value

    return apply


def _delete(path: str) -> Callable[[Json], None]:
    def apply(order: Json) -> None:
        *parents, last = path.split(".")
        node: Any = order
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        del node[last]

    return apply


# Broken under the published spec: Forter's contract says otherwise.
BROKEN = {
    "wrong type": ("full_web_order.json", _set("cartItems.0.basicItemData.quantity", "1")),
    "bad enum": ("full_web_order.json", _set("authorizationStep", "PRE-AUTH")),
    "lower-case currency": (
        "full_web_order.json",
        _set("cartItems.0.basicItemData.price.currency", "usd"),
    ),
    "float amount": ("full_web_order.json", _set("totalAmount.amountLocalCurrency", 110.0)),
    "amount with a trailing newline": (
        "full_web_order.json",
        _set("totalAmount.amountLocalCurrency", "12.34\n"),
    ),
    "missing required field": ("full_web_order.json", _delete("orderId")),
    "missing customerIP": ("mobile_app_order.json", _delete("connectionInformation.customerIP")),
    "full card number in bin": (
        "full_web_order.json",
        _set("payment.0.creditCard.bin", "4242424242424242"),
    ),
}
# Accepted by Forter (the published spec), refused by the strict view the client warns with.
STRICT_ONLY = {
    "mobile order with a cookie": (
        "mobile_app_order.json",
        _set("connectionInformation.forterTokenCookie", "abc123"),
    ),
    "mobile order without forterMobileUID": (
        "mobile_app_order.json",
        _delete("connectionInformation.forterMobileUID"),
    ),
    "web order without a cookie": (
        "full_web_order.json",
        _delete("connectionInformation.forterTokenCookie"),
    ),
    "web order with a null cookie": (
        "full_web_order.json",
        _set("connectionInformation.forterTokenCookie", None),
    ),
    "web order without connectionInformation": (
        "full_web_order.json",
        _delete("connectionInformation"),
    ),
    "misspelled key": ("full_web_order.json", _set("cartitems", [])),
    "misspelled nested key": ("full_web_order.json", _set("totalAmount.Currency", "USD")),
    "recommended member missing": ("full_web_order.json", _delete("accountOwner")),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_copies_are_rejected(case: str) -> None:
    name, breaks = BROKEN[case]
    order = copy.deepcopy(example(name))
    breaks(order)
    assert not validator("Order").is_valid(order)
    assert not validator("Order", strict=True).is_valid(order)


@pytest.mark.parametrize("case", sorted(STRICT_ONLY))
def test_strict_only_copies_are_accepted_but_not_strictly(case: str) -> None:
    name, breaks = STRICT_ONLY[case]
    order = copy.deepcopy(example(name))
    breaks(order)
    assert validator("Order").is_valid(order)
    assert not validator("Order", strict=True).is_valid(order)


def test_web_rule_applies_to_web_orders_only() -> None:
    """Phone and store orders have no browser, so no cookie is required of them."""
    order = copy.deepcopy(example("full_web_order.json"))
    order["orderType"] = "PHONE"
    del order["connectionInformation"]["forterTokenCookie"]
    assert validator("Order", strict=True).is_valid(order)
    del order["connectionInformation"]
    assert validator("Order", strict=True).is_valid(order)


# ------------------------------------------------------------------ open spec, strict view


def _nodes(node: Any, where: str = "#") -> Any:
    """Every dict in ``node`` with its JSON-pointer-like location."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from _nodes(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _nodes(value, f"{where}/{index}")


def test_the_published_spec_is_open_and_portable() -> None:
    """What Forter accepts: no closed object, and no if/then (tools misread it beside
    additionalProperties); the strict-only rules live in x- extensions."""
    spec = load_spec()
    closed = [w for w, n in _nodes(spec) if n.get("additionalProperties") is False]
    assert closed == []
    conditional = [
        w
        for w, n in _nodes(spec)
        if ("if" in n or "then" in n) and "/x-forter-strict-allOf/" not in w
    ]
    assert conditional == []
    order = spec["components"]["schemas"]["Order"]
    assert "allOf" not in order
    assert len(order[STRICT_ALL_OF]) == 2
    assert set(order[RECOMMENDED]) == {
        "authorizationStep",
        "payment",
        "primaryDeliveryDetails",
        "primaryRecipient",
        "accountOwner",
    }


def test_the_strict_view_closes_objects_and_adds_the_guidance() -> None:
    published = load_spec()["components"]["schemas"]
    strict = strict_components()["schemas"]
    for name, schema in published.items():
        view = strict[name]
        if schema.get("type") == "object" and "properties" in schema:
            closed = view.get("additionalProperties") is False
            assert closed is not bool(schema.get(FREE_FORM)), name
        assert set(schema.get(RECOMMENDED, [])) <= set(view.get("required", [])), name
        assert set(schema.get("required", [])) <= set(view.get("required", [])), name
    assert strict["Order"]["allOf"] == published["Order"][STRICT_ALL_OF]
    assert strict["FreeFormObject"]["additionalProperties"] is True
    checkout = strict["Order"]["properties"]["checkoutTime"]
    assert (checkout["minimum"], checkout["maximum"]) == (0, INT64_MAX)
    count = strict["AccountOwner"]["properties"]["pastOrdersCount"]
    assert (count["minimum"], count["maximum"]) == (INT64_MIN, INT64_MAX)
    assert load_spec()["components"]["schemas"] is not strict  # the spec itself is untouched
    assert "maximum" not in published["Order"]["properties"]["checkoutTime"]


_COMMIT = re.compile(r"^[0-9a-f]{40}$")


def test_every_piece_of_evidence_names_its_source() -> None:
    entries = [
        (w, e) for w, n in _nodes(load_spec()["components"]) for e in n.get("x-forter-seen-in", [])
    ]
    assert len(entries) > 50
    for where, entry in entries:
        assert entry.get("shows"), where
        if "url" in entry:
            assert entry["url"].startswith("https://"), where
        else:
            assert entry["repo"].count("/") == 1, where
            assert entry["path"], where
            assert _COMMIT.match(entry["commit"]), where


def _nullable(prop: Json) -> bool:
    kind = prop.get("type")
    if isinstance(kind, list) and "null" in kind:
        return True
    return any(branch.get("type") == "null" for branch in prop.get("anyOf", []))


def test_every_nullable_member_cites_a_sender_of_null() -> None:
    """Members are nullable only where null was seen sent (the mobile sample's null cookie
    included)."""
    schemas = load_spec()["components"]["schemas"]
    nullable = [
        (name, member, prop)
        for name, schema in schemas.items()
        for member, prop in schema.get("properties", {}).items()
        if _nullable(prop)
    ]
    assert len(nullable) >= 15
    for name, member, prop in nullable:
        shows = [e["shows"] for e in prop.get("x-forter-seen-in", [])]
        assert any("null" in text for text in shows), f"{name}.{member}"


# ------------------------------------------------------------------ generated models


@pytest.mark.parametrize("name", ["mobile_app_order.json", "full_web_order.json"])
def test_generated_models_round_trip_the_examples(name: str) -> None:
    order = example(name)
    assert Order.from_dict(order).to_dict() == order


def test_generated_decision_round_trips_and_keeps_unknown_values() -> None:
    response = example("decision_response.json")
    assert OrderDecision.from_dict(response).to_dict() == response
    future = {**response, "forterDecision": "VERIFICATION_REQUIRED", "newMember": {"a": 1}}
    parsed = OrderDecision.from_dict(future)
    assert parsed.forter_decision == UnknownValue("VERIFICATION_REQUIRED")
    assert parsed.to_dict() == future


def test_regenerate_check_passes() -> None:
    result = subprocess.run(
        [str(ROOT / "scripts" / "regenerate"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_schema_says_what_it_is() -> None:
    """Descriptions become the generated models' docstrings, which users read in their IDE."""
    schemas = load_spec()["components"]["schemas"]
    assert [name for name, schema in schemas.items() if not schema.get("description")] == []
