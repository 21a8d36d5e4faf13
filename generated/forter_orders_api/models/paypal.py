from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.free_form_object import FreeFormObject
    from ..models.payment_gateway_data import PaymentGatewayData


T = TypeVar("T", bound="Paypal")


@_attrs_define(repr=False)
class Paypal:
    """A PayPal payment and what PayPal reported about the payer.

    Attributes:
        full_paypal_response_payload (FreeFormObject | Unset): A free-form object passed through to Forter as is
            (processor, gateway and platform payloads, whose members are defined by the sending system).
        payer_email (str | Unset): Email.
        payer_id (str | Unset):
        payment_gateway_data (PaymentGatewayData | Unset): The payment gateway that processed the payment. Free-form:
            members beyond the ones listed are passed through.
        authorization_id (str | Unset):
        payer_account_country (str | Unset):
        payment_id (str | Unset):
        payer_address_status (str | Unset): Open set; known values: CONFIRMED.
        payer_status (str | Unset): Open set; known values: VERIFIED.
        payment_status (None | str | Unset): Open set; known values: COMPLETED.
        protection_eligibility (None | str | Unset): Open set; known values: ELIGIBLE.
        payment_method (str | Unset): The platform's payment method code (e.g. paypal_express).
        correlation_id (str | Unset): PayPal's correlation id of the API call.
        checkout_token (str | Unset): PayPal Express Checkout token (EC-...).
    """

    full_paypal_response_payload: FreeFormObject | Unset = UNSET
    payer_email: str | Unset = UNSET
    payer_id: str | Unset = UNSET
    payment_gateway_data: PaymentGatewayData | Unset = UNSET
    authorization_id: str | Unset = UNSET
    payer_account_country: str | Unset = UNSET
    payment_id: str | Unset = UNSET
    payer_address_status: str | Unset = UNSET
    payer_status: str | Unset = UNSET
    payment_status: None | str | Unset = UNSET
    protection_eligibility: None | str | Unset = UNSET
    payment_method: str | Unset = UNSET
    correlation_id: str | Unset = UNSET
    checkout_token: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.payment_gateway_data import PaymentGatewayData  # noqa: PLC0415

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

        payment_status: None | str | Unset
        if isinstance(self.payment_status, Unset):
            payment_status = UNSET
        else:
            payment_status = self.payment_status

        protection_eligibility: None | str | Unset
        if isinstance(self.protection_eligibility, Unset):
            protection_eligibility = UNSET
        else:
            protection_eligibility = self.protection_eligibility

        payment_method = self.payment_method

        correlation_id = self.correlation_id

        checkout_token = self.checkout_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
        if payment_method is not UNSET:
            field_dict["paymentMethod"] = payment_method
        if correlation_id is not UNSET:
            field_dict["correlationId"] = correlation_id
        if checkout_token is not UNSET:
            field_dict["checkoutToken"] = checkout_token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.payment_gateway_data import PaymentGatewayData  # noqa: PLC0415

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
        payment_gateway_data: PaymentGatewayData | Unset
        if isinstance(_payment_gateway_data, Unset):
            payment_gateway_data = UNSET
        else:
            payment_gateway_data = PaymentGatewayData.from_dict(_payment_gateway_data)

        authorization_id = d.pop("authorizationId", UNSET)

        payer_account_country = d.pop("payerAccountCountry", UNSET)

        payment_id = d.pop("paymentId", UNSET)

        payer_address_status = d.pop("payerAddressStatus", UNSET)

        payer_status = d.pop("payerStatus", UNSET)

        def _parse_payment_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_status = _parse_payment_status(d.pop("paymentStatus", UNSET))

        def _parse_protection_eligibility(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        protection_eligibility = _parse_protection_eligibility(
            d.pop("protectionEligibility", UNSET)
        )

        payment_method = d.pop("paymentMethod", UNSET)

        correlation_id = d.pop("correlationId", UNSET)

        checkout_token = d.pop("checkoutToken", UNSET)

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
            payment_method=payment_method,
            correlation_id=correlation_id,
            checkout_token=checkout_token,
        )

        paypal.additional_properties = d
        return paypal

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
