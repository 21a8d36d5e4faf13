from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.free_form_object import FreeFormObject
    from ..models.payment_gateway_data import PaymentGatewayData


T = TypeVar("T", bound="MobileMoney")


@_attrs_define(repr=False)
class MobileMoney:
    """A mobile-money payment (e.g. M-Pesa).

    Attributes:
        full_response_payload (FreeFormObject | Unset): A free-form object passed through to Forter as is (processor,
            gateway and platform payloads, whose members are defined by the sending system).
        mobile_money_network (str | Unset): Open set; known values: MPESA. Note: Forter's example value "mpesa".
        payment_acquirer_data (FreeFormObject | Unset): A free-form object passed through to Forter as is (processor,
            gateway and platform payloads, whose members are defined by the sending system).
        payment_gateway_data (PaymentGatewayData | Unset): The payment gateway that processed the payment. Free-form:
            members beyond the ones listed are passed through.
        phone_number (str | Unset): Digits, e.g. "15557654321".
    """

    full_response_payload: FreeFormObject | Unset = UNSET
    mobile_money_network: str | Unset = UNSET
    payment_acquirer_data: FreeFormObject | Unset = UNSET
    payment_gateway_data: PaymentGatewayData | Unset = UNSET
    phone_number: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.payment_gateway_data import PaymentGatewayData  # noqa: PLC0415

        full_response_payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.full_response_payload, Unset):
            full_response_payload = self.full_response_payload.to_dict()

        mobile_money_network = self.mobile_money_network

        payment_acquirer_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payment_acquirer_data, Unset):
            payment_acquirer_data = self.payment_acquirer_data.to_dict()

        payment_gateway_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payment_gateway_data, Unset):
            payment_gateway_data = self.payment_gateway_data.to_dict()

        phone_number = self.phone_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if full_response_payload is not UNSET:
            field_dict["fullResponsePayload"] = full_response_payload
        if mobile_money_network is not UNSET:
            field_dict["mobileMoneyNetwork"] = mobile_money_network
        if payment_acquirer_data is not UNSET:
            field_dict["paymentAcquirerData"] = payment_acquirer_data
        if payment_gateway_data is not UNSET:
            field_dict["paymentGatewayData"] = payment_gateway_data
        if phone_number is not UNSET:
            field_dict["phoneNumber"] = phone_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.payment_gateway_data import PaymentGatewayData  # noqa: PLC0415

        d = dict(src_dict)
        _full_response_payload = d.pop("fullResponsePayload", UNSET)
        full_response_payload: FreeFormObject | Unset
        if isinstance(_full_response_payload, Unset):
            full_response_payload = UNSET
        else:
            full_response_payload = FreeFormObject.from_dict(_full_response_payload)

        mobile_money_network = d.pop("mobileMoneyNetwork", UNSET)

        _payment_acquirer_data = d.pop("paymentAcquirerData", UNSET)
        payment_acquirer_data: FreeFormObject | Unset
        if isinstance(_payment_acquirer_data, Unset):
            payment_acquirer_data = UNSET
        else:
            payment_acquirer_data = FreeFormObject.from_dict(_payment_acquirer_data)

        _payment_gateway_data = d.pop("paymentGatewayData", UNSET)
        payment_gateway_data: PaymentGatewayData | Unset
        if isinstance(_payment_gateway_data, Unset):
            payment_gateway_data = UNSET
        else:
            payment_gateway_data = PaymentGatewayData.from_dict(_payment_gateway_data)

        phone_number = d.pop("phoneNumber", UNSET)

        mobile_money = cls(
            full_response_payload=full_response_payload,
            mobile_money_network=mobile_money_network,
            payment_acquirer_data=payment_acquirer_data,
            payment_gateway_data=payment_gateway_data,
            phone_number=phone_number,
        )

        mobile_money.additional_properties = d
        return mobile_money

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
