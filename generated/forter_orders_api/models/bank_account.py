from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.payment_gateway_data import PaymentGatewayData


T = TypeVar("T", bound="BankAccount")


@_attrs_define(repr=False)
class BankAccount:
    """A bank account or transfer, described by the payment gateway payload.

    Attributes:
        payment_gateway_data (PaymentGatewayData | Unset): The payment gateway that processed the payment. Free-form:
            members beyond the ones listed are passed through.
    """

    payment_gateway_data: PaymentGatewayData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.payment_gateway_data import PaymentGatewayData  # noqa: PLC0415

        payment_gateway_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payment_gateway_data, Unset):
            payment_gateway_data = self.payment_gateway_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if payment_gateway_data is not UNSET:
            field_dict["paymentGatewayData"] = payment_gateway_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payment_gateway_data import PaymentGatewayData  # noqa: PLC0415

        d = dict(src_dict)
        _payment_gateway_data = d.pop("paymentGatewayData", UNSET)
        payment_gateway_data: PaymentGatewayData | Unset
        if isinstance(_payment_gateway_data, Unset):
            payment_gateway_data = UNSET
        else:
            payment_gateway_data = PaymentGatewayData.from_dict(_payment_gateway_data)

        bank_account = cls(
            payment_gateway_data=payment_gateway_data,
        )

        bank_account.additional_properties = d
        return bank_account

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
