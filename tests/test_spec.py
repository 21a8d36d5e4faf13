"""openapi.yaml: valid, complete against the field reference, and agreeing with its examples."""

from __future__ import annotations

import copy
import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from openapi_spec_validator import validate as validate_openapi

from forter_orders._spec import component_schema, load_spec
from forter_orders_api.models import Order, OrderDecision
from forter_orders_api.types import UnknownValue

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = json.loads((Path(__file__).parent / "data" / "order-v3-fields.json").read_text())
EXAMPLES = ROOT / "examples"

Json = dict[str, Any]


def example(name: str) -> Json:
    data: Json = json.loads((EXAMPLES / name).read_text())
    return data


def validator(schema_name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(component_schema(schema_name))


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


def _walk(spec: Json, root: str, wire_path: str) -> tuple[Json | None, bool]:
    """Follow a reference wire path (``a.b[].c``) through the spec.

    Returns the property schema (None when a segment is missing) and whether any segment
    on the way is marked ``x-forter-confidence: inferred``.
    """
    schema = spec["components"]["schemas"][root]
    inferred = False
    for segment in wire_path.split("."):
        is_array = segment.endswith("[]")
        name = segment.removesuffix("[]")
        props = _resolve(spec, schema).get("properties", {})
        if name not in props:
            return None, inferred
        prop = props[name]
        inferred = inferred or prop.get("x-forter-confidence") == "inferred"
        schema = prop
        if is_array:
            schema = _resolve(spec, schema)
            if schema.get("type") != "array":
                return None, inferred
            schema = schema["items"]
    return schema, inferred


@pytest.mark.parametrize(("section", "root"), [("request", "Order"), ("response", "OrderDecision")])
def test_every_reference_path_resolves_under_its_wire_name(
    section: str, root: str, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = load_spec()
    missing, marked, should_be_marked = [], 0, []
    for entry in REFERENCE[section].values():
        schema, inferred = _walk(spec, root, entry["wire"])
        if schema is None:
            missing.append(entry["wire"])
            continue
        marked += inferred
        if entry["confidence"] == "inferred" and not inferred:
            should_be_marked.append(entry["wire"])
    total = len(REFERENCE[section])
    with capsys.disabled():
        print(
            f"\n{section}: {total - len(missing)}/{total} reference paths resolve; "
            f"{marked} still marked x-forter-confidence: inferred"
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


@pytest.mark.parametrize("name", ["mobile_app_order.json", "full_web_order.json"])
def test_examples_validate(name: str) -> None:
    errors = list(validator("Order").iter_errors(example(name)))
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
    "misspelled key": ("full_web_order.json", _set("cartitems", [])),
    "misspelled nested key": ("full_web_order.json", _set("totalAmount.Currency", "USD")),
    "full card number in bin": (
        "full_web_order.json",
        _set("payment.0.creditCard.bin", "4242424242424242"),
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_copies_are_rejected(case: str) -> None:
    name, breaks = BROKEN[case]
    order = copy.deepcopy(example(name))
    breaks(order)
    assert not validator("Order").is_valid(order)


def test_web_rule_applies_to_web_orders_only() -> None:
    """Phone and store orders have no browser, so no cookie is required of them."""
    order = copy.deepcopy(example("full_web_order.json"))
    order["orderType"] = "PHONE"
    del order["connectionInformation"]["forterTokenCookie"]
    assert validator("Order").is_valid(order)


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
