from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_decision_forter_decision import (
    OrderDecisionForterDecision,
    check_order_decision_forter_decision,
)
from ..models.order_decision_recommendation import (
    OrderDecisionRecommendation,
    check_order_decision_recommendation,
)
from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.verification_method import VerificationMethod


T = TypeVar("T", bound="OrderDecision")


@_attrs_define(repr=False)
class OrderDecision:
    """Forter's decision on an order. Unknown members are kept (additionalProperties).

    Attributes:
        forter_decision (OrderDecisionForterDecision): Forter's decision: APPROVE, DECLINE or NOT_REVIEWED. Kept an open
            string so that a value Forter adds later (the accounts APIs also return VERIFICATION_REQUIRED) never breaks
            parsing.
        order_id (str | Unset):
        recommendation (OrderDecisionRecommendation | Unset): Open set; known values:
            VERIFICATION_REQUIRED_3DS_CHALLENGE, REQUEST_SCA_EXEMPTION_TRA, REQUEST_SCA_EXEMPTION_LOW_VALUE,
            REQUEST_SCA_EXEMPTION_CORP, REQUEST_SCA_EXEMPTION_TRUSTED_BENEFICIARY, REQUEST_SCA_EXCLUSION_ANONYMOUS,
            REQUEST_SCA_EXCLUSION_MOTO, REQUEST_SCA_EXCLUSION_ONE_LEG_OUT, REQUEST_SCA_EXCLUSION_MIT. Unknown values are
            passed through. Note: empty string when none; list not closed (v2 recommendations[] also had
            ROUTING_RECOMMENDED, ID_VERIFICATION_REQUIRED, MONITOR_POTENTIAL_COUPON_ABUSE,
            MONITOR_POTENTIAL_SELLER_COLLUSION, MONITOR_POTENTIAL_REFUND_ABUSE, DECLINE_CHANEL_ABUSER, BORDERLINE per
            forter-commercetools config/forter.php) - model as open string enum.
        decision_reason (str | Unset): Note: empty string in example.
        link_to_event_in_dashboard (str | Unset): URL (https://portal.forter.com/dashboard/{id}).
        managed_order_token (str | Unset): JWT (opaque); present when 3DS must continue client-side.
        merchant_policy_id (str | Unset): 32-hex id.
        verification_method (VerificationMethod | Unset): How Forter asks the merchant to verify the customer (3DS and
            others).
    """

    forter_decision: OrderDecisionForterDecision
    order_id: str | Unset = UNSET
    recommendation: OrderDecisionRecommendation | Unset = UNSET
    decision_reason: str | Unset = UNSET
    link_to_event_in_dashboard: str | Unset = UNSET
    managed_order_token: str | Unset = UNSET
    merchant_policy_id: str | Unset = UNSET
    verification_method: VerificationMethod | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.verification_method import VerificationMethod  # noqa: PLC0415

        forter_decision: str = str(self.forter_decision)

        order_id = self.order_id

        recommendation: str | Unset = UNSET
        if not isinstance(self.recommendation, Unset):
            recommendation = str(self.recommendation)

        decision_reason = self.decision_reason

        link_to_event_in_dashboard = self.link_to_event_in_dashboard

        managed_order_token = self.managed_order_token

        merchant_policy_id = self.merchant_policy_id

        verification_method: dict[str, Any] | Unset = UNSET
        if not isinstance(self.verification_method, Unset):
            verification_method = self.verification_method.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "forterDecision": forter_decision,
            }
        )
        if order_id is not UNSET:
            field_dict["orderId"] = order_id
        if recommendation is not UNSET:
            field_dict["recommendation"] = recommendation
        if decision_reason is not UNSET:
            field_dict["decisionReason"] = decision_reason
        if link_to_event_in_dashboard is not UNSET:
            field_dict["linkToEventInDashboard"] = link_to_event_in_dashboard
        if managed_order_token is not UNSET:
            field_dict["managedOrderToken"] = managed_order_token
        if merchant_policy_id is not UNSET:
            field_dict["merchantPolicyId"] = merchant_policy_id
        if verification_method is not UNSET:
            field_dict["verificationMethod"] = verification_method

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.verification_method import VerificationMethod  # noqa: PLC0415

        d = dict(src_dict)
        forter_decision = check_order_decision_forter_decision(d.pop("forterDecision"))

        order_id = d.pop("orderId", UNSET)

        _recommendation = d.pop("recommendation", UNSET)
        recommendation: OrderDecisionRecommendation | Unset
        if isinstance(_recommendation, Unset):
            recommendation = UNSET
        else:
            recommendation = check_order_decision_recommendation(_recommendation)

        decision_reason = d.pop("decisionReason", UNSET)

        link_to_event_in_dashboard = d.pop("linkToEventInDashboard", UNSET)

        managed_order_token = d.pop("managedOrderToken", UNSET)

        merchant_policy_id = d.pop("merchantPolicyId", UNSET)

        _verification_method = d.pop("verificationMethod", UNSET)
        verification_method: VerificationMethod | Unset
        if isinstance(_verification_method, Unset):
            verification_method = UNSET
        else:
            verification_method = VerificationMethod.from_dict(_verification_method)

        order_decision = cls(
            forter_decision=forter_decision,
            order_id=order_id,
            recommendation=recommendation,
            decision_reason=decision_reason,
            link_to_event_in_dashboard=link_to_event_in_dashboard,
            managed_order_token=managed_order_token,
            merchant_policy_id=merchant_policy_id,
            verification_method=verification_method,
        )

        order_decision.additional_properties = d
        return order_decision

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
