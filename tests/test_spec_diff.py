"""scripts/spec-diff: a table of spec edits with the verdicts a maintainer must see.

Each wire case edits a copy of the real openapi.yaml and asserts the exact set of BREAKING keys
and of compatible keys (so noise fails a test as much as a miss). The Python cases generate the
edited spec with the pinned generator (cached in .tools/spec-diff-cache) and compare the models.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from specdiff import diff_surfaces, diff_wire, parse_line, read_surface
from specdiff._change import Change
from specdiff._generate import generate
from specdiff._patterns import compare_patterns

ROOT = Path(__file__).resolve().parent.parent
SPEC_TEXT = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
SPEC: dict[str, Any] = yaml.safe_load(SPEC_TEXT)
OPERATION = "POST /v3/orders/{orderId}"

Spec = dict[str, Any]
Edit = Callable[[Spec], None]


def schemas(spec: Spec) -> dict[str, Any]:
    result: dict[str, Any] = spec["components"]["schemas"]
    return result


def props(spec: Spec, name: str) -> dict[str, Any]:
    result: dict[str, Any] = schemas(spec)[name]["properties"]
    return result


def edited(*edits: Edit, base: Spec = SPEC) -> Spec:
    spec = copy.deepcopy(base)
    for edit in edits:
        edit(spec)
    return spec


def verdicts(changes: list[Change]) -> tuple[set[str], set[str]]:
    return {c.key for c in changes if c.breaking}, {c.key for c in changes if not c.breaking}


# ------------------------------------------------------------------------- the edits


def new_optional_request_member(s: Spec) -> None:
    props(s, "Order")["salesChannel"] = {"type": "string"}


def new_decision_value_and_response_member(s: Spec) -> None:
    props(s, "OrderDecision")["forterDecision"]["x-forter-known-values"].append(
        "VERIFICATION_REQUIRED"
    )
    props(s, "OrderDecision")["riskScore"] = {"type": "number"}


def authorization_step_required(s: Spec) -> None:
    schemas(s)["Order"]["required"].append("authorizationStep")


# The published spec keeps request objects open and its web/mobile rule in an x- extension (the
# client's strict view applies it); the cases about closed objects and conditional rules start
# from a base that has them, so they test the diff, not today's spec.
def order_closed(s: Spec) -> None:
    schemas(s)["Order"]["additionalProperties"] = False


def address_closed(s: Spec) -> None:
    schemas(s)["Address"]["additionalProperties"] = False


def rules_in_all_of(s: Spec) -> None:
    order = schemas(s)["Order"]
    order["allOf"] = copy.deepcopy(order.pop("x-forter-strict-allOf"))


def primary_recipient_renamed(s: Spec) -> None:
    order = props(s, "Order")
    order["mainRecipient"] = order.pop("primaryRecipient")


def new_endpoint(s: Spec) -> None:
    s["paths"]["/v3/orders/{orderId}/status"] = {
        "get": {
            "operationId": "getOrderStatus",
            "parameters": [{"$ref": "#/components/parameters/OrderIdPath"}],
            "responses": {
                "200": {
                    "description": "The decision",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/OrderDecision"}
                        }
                    },
                }
            },
        }
    }


def order_type_narrowed(s: Spec) -> None:
    props(s, "Order")["orderType"]["enum"].remove("PHONE")


def order_type_widened(s: Spec) -> None:
    props(s, "Order")["orderType"]["enum"].append("KIOSK")


def verification_type_closed(s: Spec) -> None:
    member = props(s, "VerificationMethod")["type"]
    member["enum"] = member.pop("x-forter-known-values")


def verification_type_widened(s: Spec) -> None:
    props(s, "VerificationMethod")["type"]["enum"].append("EMAIL")


def status_404_removed(s: Spec) -> None:
    del s["paths"]["/v3/orders/{orderId}"]["post"]["responses"]["404"]


def amount_pattern_tightened(s: Spec) -> None:
    # two decimals at most, instead of any number of them
    props(s, "Amount")["amountLocalCurrency"]["pattern"] = r"^[0-9]+(\.[0-9]{1,2})?(?![\s\S])"


def amount_pattern_loosened(s: Spec) -> None:
    props(s, "Amount")["amountLocalCurrency"]["pattern"] = r"^-?[0-9]+([.,][0-9]+)?(?![\s\S])"


def order_id_max_length_tightened(s: Spec) -> None:
    props(s, "Order")["orderId"]["maxLength"] = 64


def address_line_nullable(s: Spec) -> None:
    props(s, "Address")["address1"]["type"] = ["string", "null"]


def recipient_nullable(s: Spec) -> None:
    order = props(s, "Order")
    order["primaryRecipient"] = {"anyOf": [order["primaryRecipient"], {"type": "null"}]}


def address_opened(s: Spec) -> None:
    del schemas(s)["Address"]["additionalProperties"]  # from a closed base (address_closed)


def decision_member_nullable(s: Spec) -> None:
    props(s, "OrderDecision")["orderId"]["type"] = ["string", "null"]


def decision_member_removed(s: Spec) -> None:
    del props(s, "OrderDecision")["merchantPolicyId"]


def forter_decision_optional(s: Spec) -> None:
    schemas(s)["OrderDecision"]["required"].remove("forterDecision")


def free_form_closed(s: Spec) -> None:
    schemas(s)["FreeFormObject"]["additionalProperties"] = False


def quantity_widened_to_number(s: Spec) -> None:
    props(s, "BasicItemData")["quantity"]["type"] = "number"


def mobile_rule_widened(s: Spec) -> None:
    rule = schemas(s)["Order"]["allOf"][0]["if"]["properties"]["orderType"]
    rule["enum"].append("MOBILE_IN_STORE")


def web_rule_accepts_a_null_cookie(s: Spec) -> None:
    then = schemas(s)["Order"]["allOf"][1]["then"]
    then["properties"]["connectionInformation"]["properties"]["forterTokenCookie"]["type"] = [
        "string",
        "null",
    ]


def web_rule_requires_more(s: Spec) -> None:
    then = schemas(s)["Order"]["allOf"][1]["then"]
    then["properties"]["connectionInformation"]["required"].append("merchantDeviceIdentifier")


def date_format_added(s: Spec) -> None:
    props(s, "ConnectionInformation")["mobileAppVersion"]["format"] = "date"


def required_header_added(s: Spec) -> None:
    s["paths"]["/v3/orders/{orderId}"]["post"]["parameters"].append(
        {"name": "x-forter-region", "in": "header", "required": True, "schema": {"type": "string"}}
    )


def optional_header_added(s: Spec) -> None:
    s["paths"]["/v3/orders/{orderId}"]["post"]["parameters"].append(
        {"name": "x-forter-trace", "in": "header", "schema": {"type": "string"}}
    )


def operation_removed(s: Spec) -> None:
    del s["paths"]["/v3/orders/{orderId}"]


def extension_and_description_changed(s: Spec) -> None:
    schemas(s)["OrderDecision"]["description"] = "Reworded."
    props(s, "OrderDecision")["decisionReason"].pop("x-forter-confidence")


def request_member_removed_from_open_object(s: Spec) -> None:
    address_opened(s)
    del props(s, "Address")["address2"]


@dataclass
class Case:
    name: str
    edit: Edit
    breaking: set[str] = field(default_factory=set)
    compatible: set[str] = field(default_factory=set)
    base: Edit | None = None  # an edit applied to both sides first


CASES = [
    Case(
        "new optional request member",
        new_optional_request_member,
        compatible={"request Order.salesChannel: added"},
    ),
    Case(
        "new decision value and new response member",
        new_decision_value_and_response_member,
        compatible={
            "response OrderDecision.forterDecision: known value VERIFICATION_REQUIRED added",
            "response OrderDecision.riskScore: added",
        },
    ),
    Case(
        "optional member made required",
        authorization_step_required,
        breaking={"request Order.authorizationStep: made required"},
    ),
    Case(
        "member renamed",
        primary_recipient_renamed,
        breaking={"request Order.primaryRecipient: removed"},
        compatible={"request Order.mainRecipient: added"},
        base=order_closed,
    ),
    Case(
        "new endpoint",
        new_endpoint,
        compatible={"operation GET /v3/orders/{orderId}/status: added"},
    ),
    Case(
        "enum narrowed",
        order_type_narrowed,
        breaking={"request Order.orderType: enum value PHONE removed"},
    ),
    Case(
        "enum widened in a request",
        order_type_widened,
        compatible={"request Order.orderType: enum value KIOSK added"},
    ),
    # A closed response enum that gains a value: clients validate decisions against their own
    # spec, so an older client refuses the new value (UnexpectedResponseError). Open enums
    # (x-forter-known-values) are how this spec avoids that: see the decision-value case.
    Case(
        "closed enum widened in a response",
        verification_type_widened,
        base=verification_type_closed,
        breaking={"response VerificationMethod.type: enum value EMAIL added"},
    ),
    Case(
        "status code removed",
        status_404_removed,
        breaking={f"operation {OPERATION}: response 404 removed"},
    ),
    Case(
        "pattern tightened",
        amount_pattern_tightened,
        breaking={"request Amount.amountLocalCurrency: pattern tightened"},
    ),
    Case(
        "pattern loosened",
        amount_pattern_loosened,
        compatible={"request Amount.amountLocalCurrency: pattern loosened"},
    ),
    Case(
        "maxLength tightened",
        order_id_max_length_tightened,
        breaking={"request Order.orderId: maxLength tightened"},
    ),
    Case(
        "request member made nullable (type list)",
        address_line_nullable,
        compatible={"request Address.address1: made nullable"},
    ),
    Case(
        "request $ref member made nullable (anyOf with null)",
        recipient_nullable,
        compatible={"request Order.primaryRecipient: made nullable"},
    ),
    Case(
        "request object opened",
        address_opened,
        compatible={"request Address: opened to unknown members"},
        base=address_closed,
    ),
    Case(
        "request member removed from an open object",
        request_member_removed_from_open_object,
        compatible={
            "request Address: opened to unknown members",
            "request Address.address2: removed",
        },
        base=address_closed,
    ),
    Case(
        "response member made nullable",
        decision_member_nullable,
        breaking={"response OrderDecision.orderId: made nullable"},
    ),
    Case(
        "response member removed",
        decision_member_removed,
        breaking={"response OrderDecision.merchantPolicyId: removed"},
    ),
    Case(
        "response member made optional",
        forter_decision_optional,
        breaking={"response OrderDecision.forterDecision: made optional"},
    ),
    Case(
        "component used both ways closed",
        free_form_closed,
        breaking={"request FreeFormObject: closed to unknown members"},
        compatible={"response FreeFormObject: closed to unknown members"},
    ),
    Case(
        "request integer widened to number",
        quantity_widened_to_number,
        compatible={"request BasicItemData.quantity: type widened"},
    ),
    Case(
        "conditional rule changed",
        mobile_rule_widened,
        breaking={"request Order: rule added"},
        compatible={"request Order: rule removed"},
        base=rules_in_all_of,
    ),
    Case(
        "conditional rule's branch loosened",
        web_rule_accepts_a_null_cookie,
        compatible={
            "request Order.if[2].then.connectionInformation.forterTokenCookie: made nullable"
        },
        base=rules_in_all_of,
    ),
    Case(
        "conditional rule's branch tightened",
        web_rule_requires_more,
        breaking={
            "request Order.if[2].then.connectionInformation.merchantDeviceIdentifier: made required"
        },
        base=rules_in_all_of,
    ),
    Case(
        "format added",
        date_format_added,
        breaking={"request ConnectionInformation.mobileAppVersion: format added"},
    ),
    Case(
        "required header parameter added",
        required_header_added,
        breaking={f"operation {OPERATION}: header parameter x-forter-region added as required"},
    ),
    Case(
        "optional header parameter added",
        optional_header_added,
        compatible={f"operation {OPERATION}: header parameter x-forter-trace added"},
    ),
    Case(
        "operation removed",
        operation_removed,
        breaking={f"operation {OPERATION}: removed"},
    ),
    Case(
        "x- extension and description changed",
        extension_and_description_changed,
        compatible={"response OrderDecision.decisionReason: extension x-forter-confidence changed"},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_wire_verdicts(case: Case) -> None:
    base = edited(case.base) if case.base is not None else SPEC
    head = edited(case.edit, base=base)
    breaking, compatible = verdicts(diff_wire(base, head))
    assert breaking == case.breaking
    assert compatible == case.compatible


def test_an_unchanged_spec_reports_nothing() -> None:
    assert diff_wire(SPEC, copy.deepcopy(SPEC)) == []


def test_a_rename_is_pointed_out() -> None:
    closed = edited(order_closed)
    changes = {c.key: c for c in diff_wire(closed, edited(primary_recipient_renamed, base=closed))}
    removed = changes["request Order.primaryRecipient: removed"]
    assert "renamed to mainRecipient?" in removed.detail
    assert "closed" in removed.detail  # why Forter now refuses the old name


def test_pattern_verdicts_show_a_string_that_proves_them() -> None:
    old = [r"^[0-9]+(\.[0-9]+)?(?![\s\S])"]
    tightened = compare_patterns(old, [r"^[0-9]+(\.[0-9]{1,2})?(?![\s\S])"])
    assert (tightened.what, tightened.tighter, tightened.looser) == ("tightened", True, False)
    refused = tightened.detail.split("'")[1]
    whole, decimals = refused.split(".")  # e.g. '0.000'
    assert whole.isdigit()
    assert len(decimals) > 2
    same = compare_patterns(old, [r"^\d+(\.\d+)?(?![\s\S])"])  # \d is ASCII in ECMA-262
    assert (same.what, same.tighter, same.looser) == ("rewritten", False, False)
    # "$" lets a final newline through Python's re (the mock's openapi-core uses it)
    dollar = compare_patterns(old, [r"^[0-9]+(\.[0-9]+)?$"])
    assert dollar.what == "loosened"
    assert "\\n" in dollar.detail


def test_report_lines_round_trip() -> None:
    change = Change("request Order.orderId: maxLength tightened", True, "255 -> 64")
    assert change.line() == "BREAKING   request Order.orderId: maxLength tightened -- 255 -> 64"
    assert parse_line(change.line()) == change
    plain = Change("operation GET /x: added", False)
    assert parse_line(plain.line()) == plain
    assert parse_line("spec-diff: 1 breaking, 0 compatible") is None


# ------------------------------------------------------------------------- Python surface


@pytest.fixture(scope="module")
def base_surface() -> Any:
    return read_surface(ROOT / "generated" / "forter_orders_api")


def generated_surface(spec: Spec) -> Any:
    return read_surface(generate(ROOT, yaml.safe_dump(spec, sort_keys=False)))


@pytest.mark.timeout(300)
def test_committed_generated_package_is_what_the_generator_makes(base_surface: Any) -> None:
    """The cache path is trustworthy: the real spec gives the committed surface."""
    assert diff_surfaces(base_surface, generated_surface(SPEC)) == []


PYTHON_CASES = [
    Case(
        "optional member made required: a new required argument, and it comes first",
        authorization_step_required,
        breaking={
            "model Order(authorization_step): made required",
            "model Order: positional order changed",
        },
    ),
    Case(
        "member renamed",
        primary_recipient_renamed,
        breaking={"model Order(primary_recipient): removed"},
        compatible={"model Order(main_recipient): added"},
    ),
    Case(
        "new optional request member",
        new_optional_request_member,
        compatible={"model Order(sales_channel): added"},
    ),
    Case(
        "new response member",
        new_decision_value_and_response_member,
        compatible={"model OrderDecision(risk_score): added"},
    ),
    Case(
        "request member made nullable: constructors accept more",
        address_line_nullable,
        compatible={"model Address(address1): type widened"},
    ),
    Case(
        "response member made nullable: readers may now get None",
        decision_member_nullable,
        breaking={"model OrderDecision(order_id): type widened"},
    ),
    Case(
        "closed request enum opened: its Literal alias disappears",
        lambda s: props(s, "Order")["authorizationStep"].__setitem__(
            "x-forter-known-values", props(s, "Order")["authorizationStep"].pop("enum")
        ),
        breaking={"model OrderAuthorizationStep: removed"},
        compatible={"model Order(authorization_step): type widened"},
    ),
    Case(
        "first required member made optional: the others move",
        lambda s: schemas(s)["Order"]["required"].remove("cartItems"),
        breaking={"model Order: positional order changed"},
        compatible={"model Order(cart_items): made optional"},
    ),
    Case(
        "new endpoint",
        new_endpoint,
        compatible={
            f"model api.default.get_order_status.{name}: added"
            for name in ("sync", "sync_detailed", "asyncio", "asyncio_detailed")
        },
    ),
]


@pytest.mark.timeout(300)
@pytest.mark.parametrize("case", PYTHON_CASES, ids=[c.name for c in PYTHON_CASES])
def test_python_verdicts(case: Case, base_surface: Any) -> None:
    breaking, compatible = verdicts(
        diff_surfaces(base_surface, generated_surface(edited(case.edit)))
    )
    assert breaking == case.breaking
    assert compatible == case.compatible


@pytest.mark.timeout(300)
def test_command_line_reports_and_exits_1_on_breaking(tmp_path: Path) -> None:
    """scripts/spec-diff end to end, in a clone whose spec makes authorizationStep required."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    (clone / "openapi.yaml").write_text(
        yaml.safe_dump(edited(authorization_step_required), sort_keys=False), encoding="utf-8"
    )
    head_package = generate(ROOT, (clone / "openapi.yaml").read_text(encoding="utf-8"))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "specdiff",
            "--repo",
            str(clone),
            "--base",
            "HEAD",
            "--generated",
            str(head_package),
            "--skip-api",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    lines = [c for c in map(parse_line, proc.stdout.splitlines()) if c is not None]
    assert {c.key for c in lines if c.breaking} == {
        "request Order.authorizationStep: made required",
        "model Order(authorization_step): made required",
        "model Order: positional order changed",
    }
    assert proc.stdout.splitlines()[-1] == "spec-diff: 3 breaking, 0 compatible"
