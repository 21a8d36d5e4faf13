from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.free_form_object import FreeFormObject


T = TypeVar("T", bound="Paypal")


@_attrs_define(repr=False)
class Paypal:
    """A PayPal payment and what PayPal reported about the payer.

    Attributes:
        full_paypal_response_payload (FreeFormObject | Unset): A free-form object passed through to Forter as is
            (processor, gateway and platform payloads, whose members are defined by the sending system).
        payer_email (str | Unset): Email.
        payer_id (str | Unset):
        payment_gateway_data (FreeFormObject | Unset): A free-form object passed through to Forter as is (processor,
            gateway and platform payloads, whose members are defined by the sending system).
        authorization_id (str | Unset):
        payer_account_country (str | Unset):
        payment_id (str | Unset):
        payer_address_status (str | Unset): Open set; known values: CONFIRMED.
        payer_status (str | Unset): Open set; known values: VERIFIED.
        payment_status (str | Unset): Open set; known values: COMPLETED.
        protection_eligibility (str | Unset): Open set; known values: ELIGIBLE.
    """

    full_paypal_response_payload: FreeFormObject | Unset = UNSET
    payer_email: str | Unset = UNSET
    payer_id: str | Unset = UNSET
    payment_gateway_data: FreeFormObject | Unset = UNSET
    authorization_id: str | Unset = UNSET
    payer_account_country: str | Unset = UNSET
    payment_id: str | Unset = UNSET
    payer_address_status: str | Unset = UNSET
    payer_status: str | Unset = UNSET
    payment_status: str | Unset = UNSET
    protection_eligibility: str | Unset = UNSET

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415

        full_paypal_response_payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.full_paypal_response_payload, Unset):
            full_paypal_response_payload = self.full_paypal_response_payload.to_dict()

        payer_email = self.payer_email

        payer_id = self.payer_id

        payment_gateway_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payment_gateway_data, Unset):
            payment_gateway_data = self.payment_gateway_data.to_dict()

        authorization_id = self.authorization_id

        payer_account_country = self.payer_account_country

        payment_id = self.payment_id

        payer_address_status = self.payer_address_status

        payer_status = self.payer_status

        payment_status = self.payment_status

        protection_eligibility = self.protection_eligibility

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if full_paypal_response_payload is not UNSET:
            field_dict["fullPaypalResponsePayload"] = full_paypal_response_payload
        if payer_email is not UNSET:
            field_dict["payerEmail"] = payer_email
        if payer_id is not UNSET:
            field_dict["payerId"] = payer_id
        if payment_gateway_data is not UNSET:
            field_dict["paymentGatewayData"] = payment_gateway_data
        if authorization_id is not UNSET:
            field_dict["authorizationId"] = authorization_id
        if payer_account_country is not UNSET:
            field_dict["payerAccountCountry"] = payer_account_country
        if payment_id is not UNSET:
            field_dict["paymentId"] = payment_id
        if payer_address_status is not UNSET:
            field_dict["payerAddressStatus"] = payer_address_status
        if payer_status is not UNSET:
            field_dict["payerStatus"] = payer_status
        if payment_status is not UNSET:
            field_dict["paymentStatus"] = payment_status
        if protection_eligibility is not UNSET:
            field_dict["protectionEligibility"] = protection_eligibility

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415

        d = dict(src_dict)
        _full_paypal_response_payload = d.pop("fullPaypalResponsePayload", UNSET)
        full_paypal_response_payload: FreeFormObject | Unset
        if isinstance(_full_paypal_response_payload, Unset):
            full_paypal_response_payload = UNSET
        else:
            full_paypal_response_payload = FreeFormObject.from_dict(
                _full_paypal_response_payload
            )

        payer_email = d.pop("payerEmail", UNSET)

        payer_id = d.pop("payerId", UNSET)

        _payment_gateway_data = d.pop("paymentGatewayData", UNSET)
        payment_gateway_data: FreeFormObject | Unset
        if isinstance(_payment_gateway_data, Unset):
            payment_gateway_data = UNSET
        else:
            payment_gateway_data = FreeFormObject.from_dict(_payment_gateway_data)

        authorization_id = d.pop("authorizationId", UNSET)

        payer_account_country = d.pop("payerAccountCountry", UNSET)

        payment_id = d.pop("paymentId", UNSET)

        payer_address_status = d.pop("payerAddressStatus", UNSET)

        payer_status = d.pop("payerStatus", UNSET)

        payment_status = d.pop("paymentStatus", UNSET)

        protection_eligibility = d.pop("protectionEligibility", UNSET)

        paypal = cls(
            full_paypal_response_payload=full_paypal_response_payload,
            payer_email=payer_email,
            payer_id=payer_id,
            payment_gateway_data=payment_gateway_data,
            authorization_id=authorization_id,
            payer_account_country=payer_account_country,
            payment_id=payment_id,
            payer_address_status=payer_address_status,
            payer_status=payer_status,
            payment_status=payment_status,
            protection_eligibility=protection_eligibility,
        )

        return paypal
